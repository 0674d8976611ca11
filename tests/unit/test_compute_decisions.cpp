// What the decisions pages are told by compute (compute/decisions.hpp): the
// measures of Меры judged a year later, group moves and the schools low in an
// indicator, on hand-made results. Every expected verdict is worked out beside it.

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "compute_fixtures.hpp"
#include "monsite/compute/decisions.hpp"

using namespace monsite;
using model::Exact;
using model::Level;
using model::Verdict;
using monsite::test::fraction;

namespace {

using Ids = std::vector<std::string>;
using Opt = std::optional<Exact>;

// Catalogue: 0 pct (percent, higher better, young), 1 count (count, higher
// better, young), 2 load (years, lower better, staffing), 3 info (percent,
// better = none, young).
model::Indicator make_indicator(const char* id, const char* direction, model::Unit unit, model::Better better) {
    model::Indicator ind;
    ind.id = id;
    ind.direction = direction;
    ind.title = id;
    ind.short_title = id;
    ind.unit = unit;
    ind.better = better;
    ind.t1 = 40;
    ind.t2 = 70;
    ind.school_scope = true;
    return ind;
}

model::Catalogue catalogue() {
    model::Catalogue c;
    c.indicators = {make_indicator("pct", "young", model::Unit::percent, model::Better::higher),
                    make_indicator("count", "young", model::Unit::count, model::Better::higher),
                    make_indicator("load", "staffing", model::Unit::years, model::Better::lower),
                    make_indicator("info", "young", model::Unit::percent, model::Better::none)};
    return c;
}

constexpr std::size_t pct = 0, count = 1, load = 2, info = 3;

model::IndicatorValue value(Exact v, Level level = Level::medium) {
    model::IndicatorValue iv;
    iv.note = model::Note::none;
    iv.value = v;
    iv.level = level;
    return iv;
}

model::IndicatorValue note(model::Note n) {
    model::IndicatorValue iv;
    iv.note = n;
    return iv;
}

using Cells = std::vector<std::optional<model::IndicatorValue>>;

model::EntityValues entity(model::Scope scope, std::string id, Cells values) {
    values.resize(4);
    return {scope, std::move(id), std::move(values)};
}

// A school grouping with a mean score in "young" (nullopt: none) and a group.
model::SchoolGrouping grouping(std::string id, Level group, Opt young_mean, Opt composite = std::nullopt) {
    model::SchoolGrouping g;
    g.school_id = std::move(id);
    g.group = group;
    g.composite = composite;
    g.directions = {{"young", young_mean, Level::none}, {"staffing", std::nullopt, Level::none}};
    return g;
}

model::YearResults year_results(int year, Cells municipal, std::vector<model::EntityValues> schools,
                                std::vector<model::SchoolGrouping> groupings) {
    model::YearResults r;
    r.year = year;
    r.municipality = entity(model::Scope::municipality, "municipality", std::move(municipal));
    r.schools = std::move(schools);
    r.groupings = std::move(groupings);
    return r;
}

model::Measure measure(std::string indicator, std::string direction, std::string school_id = "") {
    model::Measure m;
    m.measure = "Мероприятие";
    m.kind = "организующее";
    m.indicator = std::move(indicator);
    m.direction = std::move(direction);
    m.school_id = std::move(school_id);
    return m;
}

model::Dataset plan(int year, std::vector<model::Measure> measures) {
    model::Dataset d;
    model::YearData y;
    y.year = year;
    y.has_measures = true;
    y.measures = std::move(measures);
    d.years.push_back(std::move(y));
    return d;
}

std::vector<model::MeasureEffect> judge(const model::Dataset& data, const model::Results& results, std::size_t year,
                                        const model::Rules& rules = {}) {
    return compute::measure_effects(data, results, year, catalogue(), rules);
}

// One municipal measure on `indicator` in 2024, valued `during` in 2024 and `after` in 2025.
Verdict municipal_verdict(std::size_t indicator, Exact during, Exact after, const model::Rules& rules = {}) {
    model::Results results;
    Cells now(4), next(4);
    now[indicator] = value(during);
    next[indicator] = value(after);
    results.years = {year_results(2024, now, {}, {}), year_results(2025, next, {}, {})};
    auto effects = judge(plan(2024, {measure(catalogue().indicators[indicator].id, "")}), results, 0, rules);
    REQUIRE(effects.size() == 1);
    return effects[0].verdict;
}

}  // namespace

TEST_CASE("decisions: a municipal measure on an indicator has its values before, during and after, and a verdict") {
    model::Results results;
    results.years = {year_results(2023, {value(30)}, {}, {}), year_results(2024, {value(40)}, {}, {}),
                     year_results(2025, {value(47)}, {}, {})};
    auto effects = judge(plan(2024, {measure("pct", "young")}), results, 1);
    REQUIRE(effects.size() == 1);
    const auto& e = effects[0];
    CHECK(e.measure == 0);
    CHECK(e.school_id.empty());
    CHECK(e.indicator == pct);
    CHECK(e.direction == "young");
    CHECK(e.before == Opt(30));
    CHECK(e.during == Opt(40));
    CHECK(e.after == Opt(47));
    CHECK(e.change == Opt(7));
    CHECK(e.verdict == Verdict::improved);  // +7 p.p. >= 5 p.p. towards the higher side
}

TEST_CASE("decisions: each verdict of an indicator by the problem-zone rule, at its boundaries") {
    // Percent: 5 p.p. either way is a change, less is not.
    CHECK(municipal_verdict(pct, 40, 45) == Verdict::improved);            // +5 p.p.: on the boundary
    CHECK(municipal_verdict(pct, 40, fraction(449, 10)) == Verdict::unchanged);  // +4.9 p.p.
    CHECK(municipal_verdict(pct, 40, 35) == Verdict::worsened);            // -5 p.p.
    CHECK(municipal_verdict(pct, 40, fraction(351, 10)) == Verdict::unchanged);  // -4.9 p.p.
    CHECK(municipal_verdict(pct, 40, 40) == Verdict::unchanged);
    // Other units: 10 % of the measure year's value (not 5 units).
    CHECK(municipal_verdict(count, 50, 55) == Verdict::improved);          // +10 % of 50
    CHECK(municipal_verdict(count, 50, 54) == Verdict::unchanged);         // +8 %
    CHECK(municipal_verdict(count, 50, 45) == Verdict::worsened);          // -10 %
    CHECK(municipal_verdict(count, 50, 46) == Verdict::unchanged);         // -8 %
    // Lower is better: a fall is the improvement.
    CHECK(municipal_verdict(load, 20, 18) == Verdict::improved);           // -10 % of 20
    CHECK(municipal_verdict(load, 20, 22) == Verdict::worsened);           // +10 %
    CHECK(municipal_verdict(load, 20, fraction(219, 10)) == Verdict::unchanged);  // +9.5 %
    // An indicator without a better side is never judged.
    CHECK(municipal_verdict(info, 40, 90) == Verdict::not_rated);
    // The thresholds come from the rules.
    model::Rules wide;
    wide.problem_percent_points = 10;
    wide.problem_relative_percent = 20;
    CHECK(municipal_verdict(pct, 40, 47, wide) == Verdict::unchanged);     // +7 < 10 p.p.
    CHECK(municipal_verdict(pct, 40, 50, wide) == Verdict::improved);
    CHECK(municipal_verdict(count, 50, 55, wide) == Verdict::unchanged);   // +10 % < 20 %
    CHECK(municipal_verdict(count, 50, 40, wide) == Verdict::worsened);    // -20 %
}

TEST_CASE("decisions: too early without the very next year, no data without a value") {
    SUBCASE("the last year: too early, with its values") {
        model::Results results;
        results.years = {year_results(2023, {value(30)}, {}, {}), year_results(2024, {value(40)}, {}, {})};
        auto effects = judge(plan(2024, {measure("pct", "")}), results, 1);
        REQUIRE(effects.size() == 1);
        CHECK(effects[0].verdict == Verdict::too_early);
        CHECK(effects[0].before == Opt(30));
        CHECK(effects[0].during == Opt(40));
        CHECK_FALSE(effects[0].after);
        CHECK_FALSE(effects[0].change);
    }
    SUBCASE("a gap in the years: 2026 is not the year after 2024") {
        model::Results results;
        results.years = {year_results(2024, {value(40)}, {}, {}), year_results(2026, {value(90)}, {}, {})};
        auto effects = judge(plan(2024, {measure("pct", "")}), results, 0);
        REQUIRE(effects.size() == 1);
        CHECK(effects[0].verdict == Verdict::too_early);
        CHECK_FALSE(effects[0].before);
        CHECK_FALSE(effects[0].after);
    }
    SUBCASE("a missing or suppressed value: no data") {
        for (auto n : {model::Note::no_data, model::Note::suppressed}) {
            model::Results results;
            results.years = {year_results(2024, {value(40)}, {}, {}), year_results(2025, {note(n)}, {}, {})};
            auto effects = judge(plan(2024, {measure("pct", "")}), results, 0);
            REQUIRE(effects.size() == 1);
            CHECK(effects[0].verdict == Verdict::no_data);
            CHECK(effects[0].during == Opt(40));
            CHECK_FALSE(effects[0].after);
            CHECK_FALSE(effects[0].change);

            results.years = {year_results(2024, {note(n)}, {}, {}), year_results(2025, {value(40)}, {}, {})};
            effects = judge(plan(2024, {measure("pct", "")}), results, 0);
            REQUIRE(effects.size() == 1);
            CHECK(effects[0].verdict == Verdict::no_data);
        }
    }
    SUBCASE("no value the year before does not matter to the verdict") {
        model::Results results;
        results.years = {year_results(2024, {value(40)}, {}, {}), year_results(2025, {value(30)}, {}, {})};
        auto effects = judge(plan(2024, {measure("pct", "")}), results, 0);
        REQUIRE(effects.size() == 1);
        CHECK_FALSE(effects[0].before);
        CHECK(effects[0].verdict == Verdict::worsened);
    }
}

TEST_CASE("decisions: a school's measure uses the school's value, not the municipality's") {
    model::Results results;
    // Municipality 40 -> 50 (improved); school a 60 -> 52 (worsened); school b absent in 2025.
    results.years = {
        year_results(2024, {value(40)},
                     {entity(model::Scope::school, "a", {value(60)}), entity(model::Scope::school, "b", {value(10)})}, {}),
        year_results(2025, {value(50)}, {entity(model::Scope::school, "a", {value(52)})}, {})};
    auto effects = judge(plan(2024, {measure("pct", "", "a"), measure("pct", ""), measure("pct", "", "b")}), results, 0);
    REQUIRE(effects.size() == 3);
    CHECK(effects[0].school_id == "a");
    CHECK(effects[0].during == Opt(60));
    CHECK(effects[0].after == Opt(52));
    CHECK(effects[0].change == Opt(-8));
    CHECK(effects[0].verdict == Verdict::worsened);
    CHECK(effects[1].school_id.empty());
    CHECK(effects[1].verdict == Verdict::improved);
    CHECK(effects[2].school_id == "b");
    CHECK(effects[2].verdict == Verdict::no_data);  // the school is not in 2025
}

TEST_CASE("decisions: a measure tied to a direction only uses the direction's mean score") {
    model::Results results;
    // Municipal "young" indicators (pct, count rated; info not): 2024 low + medium = 0.5;
    // 2025 high + medium = 1.5. School a's grouping: 1 -> 1.1 (same), school c: 1 -> 0.8 (worse).
    results.years = {
        year_results(2024, {value(10, Level::low), value(50, Level::medium), std::nullopt, value(1, Level::high)}, {},
                     {grouping("a", Level::medium, 1), grouping("c", Level::medium, 1)}),
        year_results(2025, {value(90, Level::high), value(50, Level::medium), std::nullopt, value(1, Level::low)}, {},
                     {grouping("a", Level::medium, fraction(11, 10)), grouping("c", Level::medium, fraction(8, 10))})};
    auto effects = judge(plan(2024, {measure("", "young"), measure("", "young", "a"), measure("", "young", "c"),
                                     measure("", "staffing", "a"), measure("", "")}),
                         results, 0);
    REQUIRE(effects.size() == 4);  // the last measure has neither indicator nor direction
    CHECK(effects[0].indicator == model::Fact::npos);
    CHECK(effects[0].direction == "young");
    CHECK(effects[0].during == Opt(fraction(1, 2)));
    CHECK(effects[0].after == Opt(fraction(3, 2)));
    CHECK(effects[0].change == Opt(1));
    CHECK(effects[0].verdict == Verdict::improved);
    CHECK(effects[1].school_id == "a");
    CHECK(effects[1].change == Opt(fraction(1, 10)));
    CHECK(effects[1].verdict == Verdict::unchanged);  // +0.1 is within the band
    CHECK(effects[2].verdict == Verdict::worsened);    // -0.2
    CHECK(effects[2].measure == 2);
    CHECK(effects[3].direction == "staffing");
    CHECK(effects[3].verdict == Verdict::no_data);     // no mean score in staffing
    CHECK(effects[3].measure == 3);

    SUBCASE("a measure naming an indicator is judged on the indicator even with a direction") {
        auto more = judge(plan(2024, {measure("count", "young")}), results, 0);
        REQUIRE(more.size() == 1);
        CHECK(more[0].indicator == count);
        CHECK(more[0].verdict == Verdict::unchanged);  // 50 -> 50
    }
}

TEST_CASE("decisions: no measures without the year's data") {
    model::Results results;
    results.years = {year_results(2024, {value(40)}, {}, {})};
    CHECK(judge(plan(2023, {measure("pct", "")}), results, 0).empty());
    CHECK(judge(plan(2024, {measure("pct", "")}), results, 5).empty());
}

TEST_CASE("decisions: group moves, down and up, with the composites") {
    model::YearResults before = year_results(2024, {}, {}, {grouping("a", Level::high, 1, 75), grouping("b", Level::low, 1, 30),
                                                           grouping("c", Level::medium, 1, 50), grouping("d", Level::none, 1)});
    model::YearResults now = year_results(2025, {}, {}, {grouping("a", Level::medium, 1, 60), grouping("b", Level::medium, 1, 45),
                                                        grouping("c", Level::medium, 1, 55), grouping("d", Level::low, 1, 20),
                                                        grouping("e", Level::low, 1, 10)});
    CHECK(compute::group_move(now.groupings[0], &before.groupings[0]) == model::GroupMove::down);
    CHECK(compute::group_move(now.groupings[1], &before.groupings[1]) == model::GroupMove::up);
    CHECK_FALSE(compute::group_move(now.groupings[2], &before.groupings[2]));  // same group
    CHECK_FALSE(compute::group_move(now.groupings[3], &before.groupings[3]));  // no group last year
    CHECK_FALSE(compute::group_move(now.groupings[4], nullptr));               // new school
    CHECK(compute::group_move(now.groupings[0], &before.groupings[1]) == model::GroupMove::up);  // low -> medium
    auto rows = compute::group_moves(now, &before);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].school_id == "a");
    CHECK(rows[0].move == model::GroupMove::down);
    CHECK(rows[0].before == Level::high);
    CHECK(rows[0].now == Level::medium);
    CHECK(rows[0].composite_before == Opt(75));
    CHECK(rows[0].composite_now == Opt(60));
    CHECK(rows[1].school_id == "b");
    CHECK(rows[1].move == model::GroupMove::up);
    CHECK(compute::group_moves(now, nullptr).empty());
}

TEST_CASE("decisions: the schools low in an indicator are those with a published low value") {
    model::YearResults year = year_results(
        2025, {}, {entity(model::Scope::school, "a", {value(10, Level::low)}), entity(model::Scope::school, "b", {value(80, Level::high)}),
                   entity(model::Scope::school, "c", {note(model::Note::suppressed)}),
                   entity(model::Scope::school, "d", {value(20, Level::low), value(1, Level::low)}),
                   entity(model::Scope::school, "e", {})},
        {});
    CHECK(compute::low_schools(year, pct) == Ids{"a", "d"});
    CHECK(compute::low_schools(year, count) == Ids{"d"});
    CHECK(compute::low_schools(year, load).empty());
    CHECK(compute::low_schools(year, 99).empty());
}
