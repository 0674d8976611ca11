#include <doctest/doctest.h>

#include <string>

#include "monsite/config/i18n.hpp"
#include "monsite/render/views.hpp"

using namespace monsite;
using model::Exact;

namespace {

const config::TextCatalogue& ru() {
    static const auto texts = config::builtin_texts(util::Language::ru);
    return texts;
}
const config::TextCatalogue& en() {
    static const auto texts = config::builtin_texts(util::Language::en);
    return texts;
}

model::Indicator percent_higher() {
    model::Indicator ind;
    ind.id = "x";
    ind.unit = model::Unit::percent;
    ind.better = model::Better::higher;
    ind.t1 = Exact(20);
    ind.t2 = Exact(50);
    return ind;
}

model::IndicatorValue value(Exact v) {
    model::IndicatorValue out;
    out.note = model::Note::none;
    out.value = v;
    out.has_fraction = true;
    out.numerator = Exact(61);
    out.denominator = Exact(200);
    out.level = model::Level::medium;
    out.change = Exact::fraction(3, 2);
    return out;
}

}  // namespace

TEST_CASE("value_view: the text in the catalogue's language and the number beside it") {
    const auto ind = percent_higher();
    const render::ValueView v = render::value_view(ru(), ind, value(Exact::fraction(61, 2)));
    CHECK(v.text == "30,5\u202f%");
    REQUIRE(v.has_value());
    CHECK(*v.number == 30.5);
    CHECK(v.data_value == "30.50");
    CHECK(v.applies);
    CHECK_FALSE(v.missing);
    CHECK(v.level["name"] == "средний");
    CHECK(v.change["trend"] == "better");
    CHECK(v.change["label_year"] == "улучшение за год");
    CHECK(render::value_view(en(), ind, value(Exact::fraction(61, 2))).text == "30.5%");
    CHECK(render::value_view(en(), ind, value(Exact::fraction(61, 2))).level["name"] == "medium");

    const auto j = v.to_json();
    CHECK(j["text"] == "30,5\u202f%");
    CHECK(j["has_value"] == true);
    CHECK(j["data_value"] == "30.50");
    CHECK(j["value"] == 30.5);
    CHECK(j["numerator"] == 61.0);
    CHECK(j["denominator"] == 200.0);
    CHECK(j["level"]["level"] == "medium");
    CHECK(j["change"]["value"] == 1.5);
    CHECK(j["change"]["text"] == "+1,5\u202fп.\u00a0п.");
    CHECK_FALSE(j.contains("missing"));
}

TEST_CASE("value_view: no data, suppressed and not applicable carry no number") {
    const auto ind = percent_higher();
    model::IndicatorValue none;
    none.note = model::Note::no_data;
    const auto a = render::value_view(ru(), ind, none);
    CHECK(a.text == "нет данных");
    CHECK(a.missing);
    CHECK_FALSE(a.has_value());
    CHECK_FALSE(a.to_json().contains("data_value"));
    CHECK(render::value_view(en(), ind, none).text == "no data");

    model::IndicatorValue hidden;
    hidden.note = model::Note::suppressed;
    const auto b = render::value_view(ru(), ind, hidden);
    CHECK(b.text == "скрыто");
    CHECK(b.suppressed);
    CHECK(b.to_json()["suppressed"] == true);
    CHECK_FALSE(b.to_json().contains("value"));

    const auto c = render::value_view(ru(), ind, std::nullopt);
    CHECK_FALSE(c.applies);
    CHECK(c.note == "n/a");
    CHECK(c.text == "—");
}

TEST_CASE("subject names: an empty one is the catalogue's subject_unspecified") {
    CHECK(render::subject_name(ru(), "") == "Предмет не указан");
    CHECK(render::subject_name(en(), "") == "Subject not specified");
    CHECK(render::subject_name(en(), "Химия") == "Химия");
    CHECK(render::group_name(en(), model::Level::high) == "Highly effective");
    CHECK(render::group_name(ru(), model::Level::none) == "Нет данных для оценки");
}
