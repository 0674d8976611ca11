#include <doctest/doctest.h>

#include <map>
#include <string>

#include "monsite/config/i18n.hpp"
#include "monsite/model/contract.hpp"
#include "monsite/model/indicator.hpp"
#include "monsite/model/rules.hpp"
#include "monsite/render/format.hpp"
#include "monsite/render/prose.hpp"

using namespace monsite;
using namespace monsite::render;

namespace {
const config::TextCatalogue& ru() {
    static const auto texts = config::builtin_texts(util::Language::ru);
    return texts;
}

const config::TextCatalogue& en() {
    static const auto texts = config::builtin_texts(util::Language::en);
    return texts;
}

std::size_t school_field(std::string_view id) {
    auto index = model::school_field_index(id);
    REQUIRE(index.has_value());
    return *index;
}

model::Indicator rated(model::Better better) {
    model::Indicator ind;
    ind.unit = model::Unit::percent;
    ind.better = better;
    ind.t1 = model::Exact(20);
    ind.t2 = model::Exact(50);
    return ind;
}
}  // namespace

TEST_CASE("level_rules name the level each boundary bounds, following the better side") {
    const auto higher = rated(model::Better::higher);
    auto rules = level_rules(ru(), higher);
    REQUIRE(rules.size() == 2);
    CHECK(rules[0].value == 20.0);
    CHECK(rules[0].label == "граница низкого уровня — " + value_text(ru(), higher, higher.t1));
    CHECK(rules[1].value == 50.0);
    CHECK(rules[1].label == "граница высокого уровня — " + value_text(ru(), higher, higher.t2));

    const auto lower = rated(model::Better::lower);
    rules = level_rules(ru(), lower);
    REQUIRE(rules.size() == 2);
    CHECK(rules[0].label == "граница высокого уровня — " + value_text(ru(), lower, lower.t1));
    CHECK(rules[1].label == "граница низкого уровня — " + value_text(ru(), lower, lower.t2));

    CHECK(level_rules(ru(), rated(model::Better::none)).empty());
}

TEST_CASE("group_rules mark where the low and high groups begin") {
    model::Rules r;
    auto rules = group_rules(ru(), r);
    REQUIRE(rules.size() == 2);
    CHECK(rules[0].value == 40.0);
    CHECK(rules[0].label == "граница низкой группы — 40");
    CHECK(rules[1].value == 70.0);
    CHECK(rules[1].label == "граница высокой группы — 70");
}

TEST_CASE("every contract column has a field_<id> text in both catalogues; one id, one header") {
    std::map<std::string_view, std::string_view> headers;
    for (const auto& table : model::contract_tables())
        for (const auto& f : table.fields) {
            CAPTURE(f.id);
            // One key per id serves every table only if the id means the same everywhere.
            auto [it, fresh] = headers.emplace(f.id, f.header);
            CHECK(it->second == f.header);
            CHECK_NOTHROW(field_gloss(ru(), f.id));
            CHECK_NOTHROW(field_gloss(en(), f.id));
            // The Russian site shows headers as they are; the English one glosses each.
            CHECK(field_gloss(ru(), f.id) == f.header);
            CHECK(field_gloss(en(), f.id) != f.header);
        }
    CHECK(headers.size() > 40);
}

TEST_CASE("formula_in_words glosses the Russian headers in English only") {
    model::Indicator ind;
    ind.unit = model::Unit::percent;
    ind.formula.kind = model::FormulaKind::ratio;
    ind.formula.numerator = {school_field("diagnosed")};
    ind.formula.denominator = {school_field("teachers_total")};
    const std::string ru_text = formula_in_words(ru(), ind), en_text = formula_in_words(en(), ind);
    CHECK(ru_text.starts_with("Отношение «Прошли диагностику профессиональных дефицитов» к «Всего педагогических "
                              "работников», умноженное на 100."));
    CHECK(en_text.starts_with("The ratio of “Прошли диагностику профессиональных дефицитов” (teachers assessed for "
                              "professional skill gaps) to “Всего педагогических работников” (teaching staff, total), "
                              "multiplied by 100."));

    ind.formula.kind = model::FormulaKind::teacher_mean;
    ind.formula.teacher_field = "diag_score";
    CHECK(formula_in_words(ru(), ind).find("«Результат диагностики, %» таблицы «Педагоги»") != std::string::npos);
    CHECK(formula_in_words(en(), ind).find("“Результат диагностики, %” (diagnostic result, %)") != std::string::npos);
}

TEST_CASE("with_gloss: a site's text that differs from the header is shown beside it") {
    auto texts = config::builtin_texts(util::Language::ru);
    const auto& iom = model::table_spec(model::TableId::teachers).fields[model::field_index(model::TableId::teachers)("iom")];
    CHECK(with_gloss(texts, iom) == "«ИОМ»");
    config::override_texts(texts, "field_iom = \"индивидуальный образовательный маршрут\"\n", "i18n/ru.toml");
    CHECK(with_gloss(texts, iom) == "«ИОМ» (индивидуальный образовательный маршрут)");
    CHECK(with_gloss(en(), iom) == "“ИОМ” (has an individual development route)");
}
