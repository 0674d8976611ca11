// Recommendation rules evaluated on hand-made schools (compute/recommendations.hpp):
// each kind of condition alone and combined selects exactly the expected schools,
// with the reason in numbers. Every expected value is worked out in a comment.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "compute_fixtures.hpp"
#include "monsite/compute/recommendations.hpp"

using namespace monsite;
using model::Change;
using model::Fact;
using model::Level;
using model::RecommendationRule;
using monsite::test::fraction;
using monsite::test::make_dataset;
using monsite::test::make_school;
using monsite::test::make_year;

namespace {

// Three schools of 100 teachers, two years. Only diag_coverage (diagnostics),
// mentor_coverage and mentors_share (young) have values.
//   2024  a: diagnosed 40 (low), mentored 6 of 10 (60 %, low), mentors 2 (2 %, low)   -> composite 0, low
//         b: diagnosed 60 (medium), 10 of 10 (high), mentors 12 (high)              -> 83.33, high
//         c: diagnosed 90 (high), 10 of 10 (high), mentors 12 (high)                -> 100, high
//   2025  a: diagnosed 30 (low), 5 of 10 (50 %, low), mentors 2 (low)                -> 0, low
//         b: diagnosed 90 (high), 10 of 10 (high), mentors 12 (high)                -> 100, high
//         c: diagnosed 60 (medium), 8 of 10 (80 %, medium), mentors 7 (medium)      -> 50, medium (moved down)
// Municipal mentor_coverage: 2024 26/30 = 86.67 %, 2025 23/30 = 76.67 %: -10 p.p., a problem zone
// (moved the wrong way by >= 5 p.p.). diag_coverage 63.33 % -> 60 %: -3.33 p.p., no zone.
model::SchoolYear school(const std::string& id, double diagnosed, double mentored, double mentors) {
    return make_school(id, "К", {{"teachers_total", 100}, {"diagnosed", diagnosed},
                                 {"young_0_3", 10}, {"young_with_mentor", mentored}, {"mentors", mentors}});
}

struct Fixture {
    model::Catalogue catalogue = config::default_config().catalogue;
    model::Rules rules;
    model::Results results;

    Fixture() {
        auto data = make_dataset({make_year(2024, {school("a", 40, 6, 2), school("b", 60, 10, 12), school("c", 90, 10, 12)}),
                                  make_year(2025, {school("a", 30, 5, 2), school("b", 90, 10, 12), school("c", 60, 8, 7)})});
        results = compute::compute(data, catalogue, rules);
    }

    // The matches of 2025 (index 1) for the given rules.
    std::vector<model::RecommendationMatch> run(const std::vector<RecommendationRule>& rules_given) const {
        return compute::recommend(results, 1, catalogue, rules, rules_given);
    }
    std::size_t index(std::string_view id) const { return test::indicator_index(catalogue, id); }
};

RecommendationRule rule(std::string id, model::RuleCondition when, model::RuleScope scope = model::RuleScope::school,
                        int priority = 3) {
    RecommendationRule r;
    r.id = std::move(id);
    r.scope = scope;
    r.priority = priority;
    r.when = std::move(when);
    if (scope == model::RuleScope::municipality) r.addressee = model::Addressee::department;
    return r;
}

std::vector<std::string> schools_of(const std::vector<model::RecommendationMatch>& matches) {
    std::vector<std::string> out;
    for (const auto& m : matches) out.push_back(m.school_id.empty() ? "municipality" : m.school_id);
    return out;
}

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("recommendations: the fixture has the levels and groups the comments say") {
    Fixture f;
    const auto& y = f.results.years[1];
    CHECK(y.grouping("a")->group == Level::low);
    CHECK(y.grouping("b")->group == Level::high);
    CHECK(y.grouping("c")->group == Level::medium);
    REQUIRE(y.problem_zones.size() == 1);
    CHECK(y.problem_zones[0].indicator_id == "mentor_coverage");
}

TEST_CASE("recommendations: a rule without conditions applies to every school, or once for the municipality") {
    Fixture f;
    CHECK(schools_of(f.run({rule("all", {})})) == Ids{"a", "b", "c"});
    auto m = f.run({rule("once", {}, model::RuleScope::municipality)});
    CHECK(schools_of(m) == Ids{"municipality"});
    CHECK(m[0].reasons.empty());
}

TEST_CASE("recommendations: group alone") {
    Fixture f;
    model::RuleCondition w;
    w.group = Level::low;
    auto m = f.run({rule("low", w)});
    REQUIRE(schools_of(m) == Ids{"a"});
    REQUIRE(m[0].reasons.size() == 1);
    CHECK(m[0].reasons[0].kind == Fact::Kind::group);
    CHECK(m[0].reasons[0].level == Level::low);
    CHECK(*m[0].reasons[0].value == model::Exact(0));  // composite 0
    w.group = Level::medium;
    CHECK(schools_of(f.run({rule("medium", w)})) == Ids{"c"});
}

TEST_CASE("recommendations: group change down and up") {
    Fixture f;
    model::RuleCondition w;
    w.group_change = model::GroupMove::down;
    auto m = f.run({rule("down", w)});
    REQUIRE(schools_of(m) == Ids{"c"});  // high -> medium
    CHECK(m[0].reasons[0].kind == Fact::Kind::group_change);
    CHECK(m[0].reasons[0].before == Level::high);
    CHECK(m[0].reasons[0].level == Level::medium);
    CHECK(*m[0].reasons[0].previous == model::Exact(100));
    CHECK(*m[0].reasons[0].value == model::Exact(50));
    w.group_change = model::GroupMove::up;
    CHECK(f.run({rule("up", w)}).empty());  // b stayed high, a stayed low
}

TEST_CASE("recommendations: direction level alone") {
    Fixture f;
    model::RuleCondition w;
    w.direction = "young";
    w.direction_level = Level::low;
    auto m = f.run({rule("young-low", w)});
    REQUIRE(schools_of(m) == Ids{"a"});  // a: mentor_coverage low, mentors_share low -> mean 0
    CHECK(m[0].reasons[0].kind == Fact::Kind::direction_level);
    CHECK(m[0].reasons[0].direction == "young");
    CHECK(*m[0].reasons[0].value == model::Exact(0));
    w.direction_level = Level::medium;
    CHECK(schools_of(f.run({rule("young-medium", w)})) == Ids{"c"});  // c: 1 and 1 -> 1
}

TEST_CASE("recommendations: direction change since last year") {
    Fixture f;
    model::RuleCondition w;
    w.direction = "young";
    w.direction_change = Change::worse;
    auto m = f.run({rule("young-worse", w)});
    REQUIRE(schools_of(m) == Ids{"c"});  // c: mean 2 -> 1
    CHECK(*m[0].reasons[0].previous == model::Exact(2));
    CHECK(*m[0].reasons[0].value == model::Exact(1));
    w.direction_change = Change::same;
    CHECK(schools_of(f.run({rule("young-same", w)})) == Ids{"a", "b"});  // 0 -> 0, 2 -> 2
    w.direction = "diagnostics";
    w.direction_change = Change::better;
    CHECK(schools_of(f.run({rule("diag-better", w)})) == Ids{"b"});  // medium 1 -> high 2
}

TEST_CASE("recommendations: indicator level alone, with the threshold it is told against") {
    Fixture f;
    model::RuleCondition w;
    w.indicator = "mentor_coverage";
    w.indicator_level = Level::low;
    auto m = f.run({rule("mentors", w)});
    REQUIRE(schools_of(m) == Ids{"a"});
    const Fact& fact = m[0].reasons[0];
    CHECK(fact.kind == Fact::Kind::indicator_level);
    CHECK(fact.indicator == f.index("mentor_coverage"));
    CHECK(*fact.value == model::Exact(50));
    CHECK(*fact.threshold == model::Exact(70));  // t1: below it is low
    w.indicator_level = Level::medium;
    auto medium = f.run({rule("mentors-medium", w)});
    REQUIRE(schools_of(medium) == Ids{"c"});
    CHECK(*medium[0].reasons[0].threshold == model::Exact(100));  // t2: the next to reach
}

TEST_CASE("recommendations: indicator change by the problem-zone rule") {
    Fixture f;
    model::RuleCondition w;
    w.indicator = "diag_coverage";
    w.indicator_change = Change::worse;
    // a: 40 -> 30 (-10 p.p.), c: 90 -> 60 (-30 p.p.): both worse; b: 60 -> 90 better.
    auto m = f.run({rule("diag-worse", w)});
    REQUIRE(schools_of(m) == Ids{"a", "c"});
    CHECK(*m[0].reasons[0].previous == model::Exact(40));
    CHECK(*m[0].reasons[0].value == model::Exact(30));
    CHECK(m[0].reasons[0].change == Change::worse);
    w.indicator_change = Change::better;
    CHECK(schools_of(f.run({rule("diag-better", w)})) == Ids{"b"});
    // mentors_share: a 2 -> 2 (same), b 12 -> 12 (same), c 12 -> 7 (-5 p.p.: on the 5 p.p. line, worse).
    w.indicator = "mentors_share";
    w.indicator_change = Change::same;
    CHECK(schools_of(f.run({rule("mentors-same", w)})) == Ids{"a", "b"});
    w.indicator_change = Change::worse;
    CHECK(schools_of(f.run({rule("mentors-worse", w)})) == Ids{"c"});
}

TEST_CASE("recommendations: persistence counts the years in a row the level conditions held") {
    Fixture f;
    model::RuleCondition w;
    w.indicator = "mentor_coverage";
    w.indicator_level = Level::low;
    w.years = 2;
    auto m = f.run({rule("mentors-2y", w)});
    REQUIRE(schools_of(m) == Ids{"a"});  // 60 % in 2024 and 50 % in 2025: low both years
    REQUIRE(m[0].reasons.size() == 2);
    CHECK(m[0].reasons[1].kind == Fact::Kind::persistence);
    CHECK(m[0].reasons[1].years == 2);
    w.years = 3;  // there is no 2023
    CHECK(f.run({rule("mentors-3y", w)}).empty());
    // In the first year nothing persists and nothing changes.
    model::RuleCondition w2;
    w2.indicator = "mentor_coverage";
    w2.indicator_level = Level::low;
    w2.years = 2;
    CHECK(compute::recommend(f.results, 0, f.catalogue, f.rules, std::vector{rule("first", w2)}).empty());
    model::RuleCondition w3;
    w3.indicator = "diag_coverage";
    w3.indicator_change = Change::same;
    CHECK(compute::recommend(f.results, 0, f.catalogue, f.rules, std::vector{rule("first", w3)}).empty());
}

TEST_CASE("recommendations: problem zone, at school and municipality scope") {
    Fixture f;
    model::RuleCondition w;
    w.indicator = "mentor_coverage";
    w.problem_zone = true;
    auto m = f.run({rule("zone", w, model::RuleScope::municipality)});
    REQUIRE(schools_of(m) == Ids{"municipality"});
    CHECK(m[0].reasons[0].kind == Fact::Kind::problem_zone);
    CHECK(m[0].reasons[0].indicator == f.index("mentor_coverage"));
    CHECK(m[0].reasons[0].change == Change::worse);
    w.indicator = "diag_coverage";
    CHECK(f.run({rule("no-zone", w, model::RuleScope::municipality)}).empty());
    // With a direction only: one of its indicators is a zone.
    model::RuleCondition d;
    d.direction = "young";
    d.problem_zone = true;
    auto by_direction = f.run({rule("young-zone", d, model::RuleScope::municipality)});
    REQUIRE(by_direction.size() == 1);
    CHECK(by_direction[0].reasons[0].indicator == f.index("mentor_coverage"));
    d.direction = "diagnostics";
    CHECK(f.run({rule("diag-zone", d, model::RuleScope::municipality)}).empty());
    // School scope: the school is low in an indicator that is a zone of the municipality.
    model::RuleCondition s;
    s.indicator = "mentor_coverage";
    s.indicator_level = Level::low;
    s.problem_zone = true;
    CHECK(schools_of(f.run({rule("school-zone", s)})) == Ids{"a"});
}

TEST_CASE("recommendations: municipality scope: levels of the municipality, schools behind group conditions") {
    Fixture f;
    model::RuleCondition g;
    g.group = Level::low;
    auto low = f.run({rule("low-exist", g, model::RuleScope::municipality)});
    REQUIRE(low.size() == 1);
    CHECK(low[0].schools == Ids{"a"});
    model::RuleCondition down;
    down.group_change = model::GroupMove::down;
    CHECK(f.run({rule("down", down, model::RuleScope::municipality)})[0].schools == Ids{"c"});
    down.group = Level::low;  // nobody moved down into the low group
    CHECK(f.run({rule("down-low", down, model::RuleScope::municipality)}).empty());
    // Municipal young: mentor_coverage 76.67 % medium, mentors_share 7 % medium -> mean 1, medium.
    model::RuleCondition d;
    d.direction = "young";
    d.direction_level = Level::medium;
    auto medium = f.run({rule("young-medium", d, model::RuleScope::municipality)});
    REQUIRE(medium.size() == 1);
    CHECK(*medium[0].reasons[0].value == model::Exact(1));
    d.direction_level = Level::low;
    CHECK(f.run({rule("young-low", d, model::RuleScope::municipality)}).empty());
    // Municipal indicator level: diag_coverage 60 % is medium (50..80).
    model::RuleCondition i;
    i.indicator = "diag_coverage";
    i.indicator_level = Level::medium;
    CHECK(f.run({rule("diag-medium", i, model::RuleScope::municipality)}).size() == 1);
}

TEST_CASE("recommendations: conditions combine with AND; the reasons follow the conditions' order") {
    Fixture f;
    model::RuleCondition w;
    w.group = Level::low;
    w.direction = "young";
    w.direction_level = Level::low;
    w.indicator = "mentor_coverage";
    w.indicator_level = Level::low;
    w.indicator_change = Change::worse;  // a: 60 -> 50, -10 p.p.
    w.years = 2;
    w.problem_zone = true;
    auto m = f.run({rule("all", w)});
    REQUIRE(schools_of(m) == Ids{"a"});
    std::vector<Fact::Kind> kinds;
    for (const auto& fact : m[0].reasons) kinds.push_back(fact.kind);
    CHECK(kinds == std::vector<Fact::Kind>{Fact::Kind::group, Fact::Kind::direction_level, Fact::Kind::indicator_level,
                                           Fact::Kind::indicator_change, Fact::Kind::persistence,
                                           Fact::Kind::problem_zone});
    // One condition that fails makes the whole rule fail.
    w.group = Level::medium;
    CHECK(f.run({rule("all-medium", w)}).empty());
    w.group = Level::low;
    w.indicator_change = Change::better;
    CHECK(f.run({rule("all-better", w)}).empty());
}

TEST_CASE("recommendations: order is school by school, priority then id, the municipality last") {
    Fixture f;
    auto m = f.run({rule("z-first", {}, model::RuleScope::school, 1), rule("b-later", {}, model::RuleScope::school, 2),
                    rule("a-later", {}, model::RuleScope::school, 2), rule("m", {}, model::RuleScope::municipality, 1)});
    std::vector<std::string> order;
    for (const auto& x : m) order.push_back((x.school_id.empty() ? "M" : x.school_id) + ":" + std::to_string(x.rule));
    // Rule indices: 0 z-first (1), 1 b-later (2), 2 a-later (2), 3 m.
    CHECK(order == Ids{"a:0", "a:2", "a:1", "b:0", "b:2", "b:1", "c:0", "c:2", "c:1", "M:3"});
}

TEST_CASE("recommendations: a suppressed value meets no condition, so no reason can reveal it") {
    // diag_score_avg is sensitive: a's 3 scored teachers (< min_group 5) are suppressed at school scope,
    // though their mean 10 % is truly low; b's 5 teachers (mean 20 %) are published, and low too.
    model::Catalogue catalogue = config::default_config().catalogue;
    model::Rules rules;
    std::vector<model::Teacher> teachers;
    for (int i = 0; i < 3; ++i) teachers.push_back(test::make_teacher("a" + std::to_string(i), "a", "", 10));
    for (int i = 0; i < 5; ++i) teachers.push_back(test::make_teacher("b" + std::to_string(i), "b", "", 20));
    auto data = make_dataset({make_year(2025, {school("a", 30, 5, 2), school("b", 30, 5, 2)}, teachers)});
    auto results = compute::compute(data, catalogue, rules);
    model::RuleCondition w;
    w.indicator = "diag_score_avg";
    w.indicator_level = Level::low;
    auto m = compute::recommend(results, 0, catalogue, rules, std::vector{rule("scores", w)});
    CHECK(schools_of(m) == Ids{"b"});
}

TEST_CASE("recommendations: a rule that applies hides the rules it replaces, for that school only") {
    Fixture f;
    model::RuleCondition low;
    low.indicator = "mentor_coverage";
    low.indicator_level = Level::low;
    model::RuleCondition two_years = low;
    two_years.years = 2;
    auto plain = rule("mentors-low", low);
    auto longer = rule("mentors-low-2y", two_years);
    longer.replaces = {"mentors-low"};
    // a is low in 2025 and 2024: the two-year rule replaces the plain one.
    auto m = f.run({plain, longer});
    REQUIRE(m.size() == 1);
    CHECK(m[0].rule == 1);
    // In 2024 (the first year) the two-year rule cannot apply, so the plain one stays.
    auto first = compute::recommend(f.results, 0, f.catalogue, f.rules, std::vector{plain, longer});
    REQUIRE(first.size() == 1);
    CHECK(first[0].school_id == "a");
    CHECK(first[0].rule == 0);
}
