// A recommendation as the pages show it (render/recommendation_view.hpp): the
// reason worded from the facts in both languages, placeholders filled and
// escaped, addressee and kind in words, recommendations.csv.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "compute_fixtures.hpp"
#include "monsite/compute/recommendations.hpp"
#include "monsite/config/i18n.hpp"
#include "monsite/render/pages.hpp"
#include "monsite/render/recommendation_view.hpp"

using namespace monsite;
using model::Level;
using monsite::test::make_dataset;
using monsite::test::make_school;
using monsite::test::make_year;

namespace {

// a: mentored 6 of 10 in 2024 (60 %), 5 of 10 in 2025 (50 %): low both years (threshold 70 %), -10 p.p.
// b: 10 of 10 both years. Short names carry markup characters that must come out escaped.
model::SchoolYear school(const std::string& id, double mentored, const std::string& short_name) {
    auto s = make_school(id, "К", {{"teachers_total", 100}, {"young_0_3", 10}, {"young_with_mentor", mentored},
                                   {"mentors", 12}});
    s.short_name = short_name;
    return s;
}

struct Site {
    model::Dataset data = make_dataset({make_year(2024, {school("a", 6, "A & <b>"), school("b", 10, "B")}),
                                        make_year(2025, {school("a", 5, "A & <b>"), school("b", 10, "B")})});
    model::Catalogue catalogue = config::default_config().catalogue;
    model::Rules rules;
    model::Results results = compute::compute(data, catalogue, rules);
    std::vector<model::RecommendationRule> recs;
    std::vector<model::YearDecisions> decisions;
    render::SiteInfo info{"Округ <М>", "Управление", "/", "ru", {2024, 2025}};

    explicit Site(std::vector<model::RecommendationRule> r) : recs(std::move(r)) {
        decisions = compute::decide(data, results, catalogue, rules, recs);
    }
    std::vector<render::RecommendationView> views(const config::TextCatalogue& texts, int year = 2025) const {
        render::PagesInput in{info, data, results, catalogue, rules, texts, {}};
        in.recommendations = recs;
        in.decisions = decisions;
        std::vector<render::RecommendationView> out;
        for (const auto& m : in.decisions_of(year)->recommendations) out.push_back(render::recommendation_view(in, m, year));
        return out;
    }
    std::string csv(const config::TextCatalogue& texts) const {
        render::PagesInput in{info, data, results, catalogue, rules, texts, {}};
        in.recommendations = recs;
        in.decisions = decisions;
        return render::recommendations_csv(in);
    }
};

model::RecommendationRule mentors_rule() {
    model::RecommendationRule r;
    r.id = "young-mentors";
    r.title = "Наставник каждому";
    r.addressee = model::Addressee::school_head;
    r.priority = 1;
    r.kind = model::DecisionKind::organizing;
    r.when.indicator = "mentor_coverage";
    r.when.indicator_level = Level::low;
    r.when.indicator_change = model::Change::worse;
    r.when.years = 2;
    r.body_html = "<p>{{school}} в {{municipality}}: {{indicator}} — {{value}} при пороге {{threshold}}, {{change}}; "
                  "направление {{direction}}, {{year}}, {{unknown}}.</p>";
    return r;
}

}  // namespace

TEST_CASE("recommendation view: reason in numbers, placeholders filled and escaped (Russian)") {
    const Site site({mentors_rule()});
    const auto texts = config::builtin_texts(util::Language::ru);
    const auto views = site.views(texts);
    REQUIRE(views.size() == 1);  // only a: low both years and worse by 10 p.p.
    const auto& v = views[0];
    CHECK(v.rule_id == "young-mentors");
    CHECK(v.addressee == "school_head");
    CHECK(v.addressee_name == "Руководителю школы");
    CHECK(v.kind == "organizing");
    CHECK(v.kind_name == "организующее");
    CHECK(v.priority == 1);
    const std::string title = site.catalogue.find("mentor_coverage")->title;
    CHECK(v.reason == title + ": 50\u202F% — ниже порога 70\u202F%; " + title +
                          ": ухудшение за год на −10\u202Fп.\u00A0п. (60\u202F% → 50\u202F%); 2 года подряд");
    CHECK(v.body_html == "<p>A &amp; &lt;b&gt; в Округ &lt;М&gt;: " + title +
                             " — 50\u202F% при пороге 70\u202F%, −10\u202Fп.\u00A0п.; направление Поддержка молодых "
                             "педагогов и наставничество, 2025, .</p>");
}

TEST_CASE("recommendation view: the same in English, and recommendations.csv") {
    const Site site({mentors_rule()});
    const auto texts = config::builtin_texts(util::Language::en);
    const auto views = site.views(texts);
    REQUIRE(views.size() == 1);
    CHECK(views[0].addressee_name == "For the head of the school");
    CHECK(views[0].kind_name == "organising");
    CHECK(views[0].reason.find("below the threshold of 70%") != std::string::npos);
    CHECK(views[0].reason.ends_with("2 years in a row"));
    const std::string csv = site.csv(texts);
    CHECK(csv.starts_with("\xEF\xBB\xBFyear,school_id,addressee,rule_id,priority,reason\n"));
    // 2024 has no earlier year: the change and the two years cannot hold; 2025 gives a's row.
    CHECK(csv.find("\n2025,a,school_head,young-mentors,1,\"") != std::string::npos);
    CHECK(csv.find("\n2024,") == std::string::npos);
}

TEST_CASE("recommendation view: municipal rules name the schools behind them") {
    model::RecommendationRule r;
    r.id = "low-mentoring";
    r.title = "Школы без наставников";
    r.addressee = model::Addressee::methodical_centre;
    r.scope = model::RuleScope::municipality;
    r.when.direction = "young";
    r.when.direction_change = model::Change::same;
    r.body_html = "<p>{{schools}}</p>";
    model::RecommendationRule g = r;
    g.id = "group";
    g.when = {};
    g.when.group = Level::low;  // a: mentor_coverage 50 % low, mentors_share 12 % high -> 1 of 2 -> composite 50: medium
    g.body_html = "<p>{{schools}}</p>";
    const Site site({r, g});
    const auto texts = config::builtin_texts(util::Language::ru);
    const auto views = site.views(texts);
    // Municipal young: mentor_coverage 15/20 = 75 % (medium) in 2025, 16/20 = 80 % (medium) in 2024;
    // mentors_share high both years: mean 1.5 both years: same. No school is in the low group.
    REQUIRE(views.size() == 1);
    CHECK(views[0].addressee_name == "Методическому центру");
    CHECK(views[0].reason == "«Поддержка молодых педагогов и наставничество»: средний балл почти не изменился (1,50 → 1,50)");
    CHECK(views[0].schools.empty());
}
