// Groupings of schools and problem zones (data-contract.md, section 6;
// tests/oracle/README.md, interpretation 12), on hand-made schools.
// Every expected value is worked out in the comment next to it.

#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "compute_fixtures.hpp"

using namespace monsite;
using model::Exact;
using model::Level;
using monsite::test::Computed;
using monsite::test::direction_of;
using monsite::test::fraction;
using monsite::test::make_dataset;
using monsite::test::make_school;
using monsite::test::make_year;
using monsite::test::rated_fields;
using monsite::test::rated_school;

namespace {

std::vector<std::string> ids_of(const std::vector<model::ProblemZone>& zones) {
    std::vector<std::string> out;
    for (const auto& z : zones) out.push_back(z.indicator_id);
    return out;
}

const model::ProblemZone& zone(const model::YearResults& year, const std::string& id) {
    for (const auto& z : year.problem_zones)
        if (z.indicator_id == id) return z;
    throw std::invalid_argument("no problem zone " + id);
}

}  // namespace

TEST_CASE("groupings: the rated_school helper gives the intended levels") {
    std::vector<model::SchoolYear> schools;
    for (int score = 0; score < 3; ++score) {
        model::SchoolYear s = rated_school("s" + std::to_string(score), "A", {});
        for (const auto& r : rated_fields) s.fields[test::field_index(r.field)] = r.value[score];
        schools.push_back(std::move(s));
    }
    Computed c = test::run_default(make_dataset({make_year(2025, schools)}));
    const Level levels[] = {Level::low, Level::medium, Level::high};
    for (int score = 0; score < 3; ++score)
        for (const auto& r : rated_fields) {
            CAPTURE(r.indicator);
            CAPTURE(score);
            const auto& v = c.school(2025, "s" + std::to_string(score), r.indicator);
            REQUIRE(v);
            CHECK(v->level == levels[score]);
        }
}

TEST_CASE("groupings: composite of a hand-made school") {
    auto school = make_school("h1", "Город", {
        {"teachers_total", 100},
        {"diagnosed", 80},         // diag_coverage 80/100 = 80 % → high → 2
        {"deficits_found", 20},    // deficit_rate 20/80 = 25 %: better = none, not scored
        {"with_iom", 10},          // iom_coverage 10/20 = 50 % → medium (50 <= v < 90) → 1
        {"iom_active", 4},         // iom_activity 4/10 = 40 % → low (< 50) → 0
        {"courses", 33},           // courses_share 33/100 = 33 % → high (>= 33) → 2
        {"courses_distance", 11},  // distance_share 1/3: better = none, not scored
    });
    Computed c = test::run_default(make_dataset({make_year(2025, {school})}));
    const auto& g = c.grouping(2025, "h1");
    // (2 + 1 + 0 + 2) / 4 × 50 = 5/4 × 50 = 62.5 → medium (40 <= 62.5 < 70)
    CHECK(g.scored_indicators == 4);
    REQUIRE(g.composite);
    CHECK(*g.composite == fraction(125, 2));
    CHECK(g.composite->to_fixed(2) == "62.50");
    CHECK(g.group == Level::medium);
    CHECK(g.rank == 1);  // alone in its year
    CHECK(g.partners.empty());

    // Every direction, in contract order; directions without a scored indicator have no mean.
    REQUIRE(g.directions.size() == 7);
    const char* order[] = {"diagnostics", "mastery", "young", "communities", "network", "staffing", "support"};
    for (std::size_t i = 0; i < 7; ++i) CHECK(g.directions[i].direction == order[i]);
    CHECK(g.directions[0].mean == Exact(2));  // diagnostics: diag_coverage 2 → 2/1 = 2 → high
    CHECK(g.directions[0].level == Level::high);
    CHECK(g.directions[1].mean == Exact(1));  // mastery: (1 + 0 + 2) / 3 = 1 → medium
    CHECK(g.directions[1].level == Level::medium);
    for (std::size_t i = 2; i < 7; ++i) {
        CHECK_FALSE(g.directions[i].mean);
        CHECK(g.directions[i].level == Level::none);
    }

    SUBCASE("one more high score reaches exactly 70") {
        school.fields[test::field_index("vacancies")] = 0;  // staffing_level 100/(100+0) = 100 % → high → 2
        Computed more = test::run_default(make_dataset({make_year(2025, {school})}));
        const auto& g2 = more.grouping(2025, "h1");
        // (2 + 1 + 0 + 2 + 2) / 5 × 50 = 7/5 × 50 = 70 → high (>= 70)
        CHECK(g2.scored_indicators == 5);
        CHECK(g2.composite == Exact(70));
        CHECK(g2.group == Level::high);
        CHECK(direction_of(g2, "staffing").level == Level::high);
    }
}

TEST_CASE("groupings: effectiveness groups at exactly 70 and 40") {
    auto data = make_dataset({make_year(2025, {
        // 2 + 2 + 1 + 1 + 1 = 7 over 5 → 7/5 × 50 = 70 → high
        rated_school("g70", "A", {{"diag_coverage", 2}, {"courses_share", 2}, {"mentors_share", 1},
                                  {"network_share", 1}, {"regional_events_share", 1}}),
        // 2+2+2+2+1+1+1+0 = 11 over 8 → 11/8 × 50 = 68.75 → medium
        rated_school("g69", "A", {{"diag_coverage", 2}, {"courses_share", 2}, {"competitions_share", 2},
                                  {"mentors_share", 2}, {"network_share", 1}, {"regional_events_share", 1},
                                  {"staffing_level", 1}, {"experts_share", 0}}),
        // 1 + 1 + 1 + 1 + 0 = 4 over 5 → 4/5 × 50 = 40 → medium
        rated_school("g40", "A", {{"diag_coverage", 1}, {"courses_share", 1}, {"mentors_share", 1},
                                  {"network_share", 1}, {"regional_events_share", 0}}),
        // 1+1+1+1+1+0+0 = 5 over 7 → 5/7 × 50 = 250/7 = 35.71 → low
        rated_school("g35", "A", {{"diag_coverage", 1}, {"courses_share", 1}, {"competitions_share", 1},
                                  {"mentors_share", 1}, {"network_share", 1}, {"regional_events_share", 0},
                                  {"staffing_level", 0}}),
    })});
    Computed c = test::run_default(data);
    CHECK(c.grouping(2025, "g70").composite == Exact(70));
    CHECK(c.grouping(2025, "g70").group == Level::high);
    CHECK(c.grouping(2025, "g69").composite == fraction(275, 4));  // 68.75
    CHECK(c.grouping(2025, "g69").group == Level::medium);
    CHECK(c.grouping(2025, "g40").composite == Exact(40));
    CHECK(c.grouping(2025, "g40").group == Level::medium);
    CHECK(c.grouping(2025, "g35").composite == fraction(250, 7));
    CHECK(c.grouping(2025, "g35").group == Level::low);
    CHECK(c.grouping(2025, "g35").scored_indicators == 7);

    SUBCASE("the thresholds come from the rules") {
        model::Rules rules = c.rules;
        rules.group_high = 75;
        rules.group_medium = fraction(81, 2);  // 40.5
        Computed other = test::run(data, c.catalogue, rules);
        CHECK(other.grouping(2025, "g70").group == Level::medium);  // 70 < 75
        CHECK(other.grouping(2025, "g40").group == Level::low);     // 40 < 40.5
    }
}

TEST_CASE("groupings: ranks share ties and skip; a school without composite is unranked") {
    auto schools = std::vector<model::SchoolYear>{
        rated_school("r1", "A", {{"diag_coverage", 1}, {"courses_share", 1}, {"mentors_share", 1},
                                 {"network_share", 1}, {"regional_events_share", 0}}),  // 4/5 × 50 = 40
        rated_school("r2", "A", {{"diag_coverage", 2}, {"courses_share", 2}, {"mentors_share", 1},
                                 {"network_share", 1}, {"regional_events_share", 1}}),  // 7/5 × 50 = 70
        rated_school("r3", "B", {{"diag_coverage", 2}}),                                // 2/1 × 50 = 100
        rated_school("r4", "B", {}),                                                     // nothing scored
        rated_school("r5", "B", {{"courses_share", 2}, {"mentors_share", 1}}),          // 3/2 × 50 = 75
        rated_school("r6", "A", {{"experts_share", 2}, {"staffing_level", 2}, {"network_share", 1},
                                 {"mentors_share", 1}, {"courses_share", 1}}),          // 7/5 × 50 = 70
    };
    Computed c = test::run_default(make_dataset({make_year(2025, schools), make_year(2026, {schools[0]})}));
    // 100 (r3) → 1; 75 (r5) → 2; 70 (r2, r6) → 3, 3; 40 (r1) → 5.
    CHECK(c.grouping(2025, "r3").rank == 1);
    CHECK(c.grouping(2025, "r5").rank == 2);
    CHECK(c.grouping(2025, "r2").rank == 3);
    CHECK(c.grouping(2025, "r6").rank == 3);
    CHECK(c.grouping(2025, "r1").rank == 5);
    const auto& r4 = c.grouping(2025, "r4");
    CHECK_FALSE(r4.composite);
    CHECK(r4.group == Level::none);
    CHECK(r4.rank == 0);
    CHECK(r4.scored_indicators == 0);
    CHECK(r4.partners.empty());
    // Groupings come in school_id order.
    const auto& groupings = c.year(2025).groupings;
    REQUIRE(groupings.size() == 6);
    for (std::size_t i = 0; i < groupings.size(); ++i) CHECK(groupings[i].school_id == "r" + std::to_string(i + 1));
    // Ranks are within one year: alone in 2026, r1 is first.
    CHECK(c.grouping(2026, "r1").rank == 1);

    SUBCASE("1, 2, 2, 4") {
        Computed four = test::run_default(make_dataset({make_year(2025, {schools[0], schools[1], schools[2], schools[3],
                                                                         schools[5]})}));
        CHECK(four.grouping(2025, "r3").rank == 1);  // 100
        CHECK(four.grouping(2025, "r2").rank == 2);  // 70
        CHECK(four.grouping(2025, "r6").rank == 2);  // 70
        CHECK(four.grouping(2025, "r1").rank == 4);  // 40: three schools are ahead
        CHECK(four.grouping(2025, "r4").rank == 0);  // no composite
    }
}

TEST_CASE("groupings: direction levels at exactly 1.5 and 0.75") {
    auto data = make_dataset({make_year(2025, {
        // mastery: courses_share 33 % high 2, competitions_share 10 % medium 1 → (2 + 1)/2 = 1.5 → high
        make_school("m150", "A", {{"teachers_total", 100}, {"courses", 33}, {"competitions", 10}}),
        // mastery: courses 25 % → 1, competitions 10 % → 1, retraining 6/10 = 60 % → 1,
        // iom_activity 4/10 = 40 % → 0 → (1 + 1 + 1 + 0)/4 = 0.75 → medium (not < 0.75)
        make_school("m075", "A", {{"teachers_total", 100}, {"courses", 25}, {"competitions", 10},
                                  {"retrained", 6}, {"non_ped_ed", 10}, {"with_iom", 10}, {"iom_active", 4}}),
        // mastery: courses 1, competitions 1, retraining 2/10 = 20 % → 0 → 2/3 = 0.667 → low
        make_school("m067", "A", {{"teachers_total", 100}, {"courses", 25}, {"competitions", 10},
                                  {"retrained", 2}, {"non_ped_ed", 10}}),
        // mastery: courses 2, competitions 15 % → 2, retraining 9/10 = 90 % → 2, iom_activity 6/10 = 60 % → 1,
        // iom_coverage 10/40 = 25 % → 0 → (2 + 2 + 2 + 1 + 0)/5 = 7/5 = 1.4 → medium (just below 1.5)
        make_school("m140", "A", {{"teachers_total", 100}, {"courses", 33}, {"competitions", 15}, {"retrained", 9},
                                  {"non_ped_ed", 10}, {"with_iom", 10}, {"iom_active", 6}, {"deficits_found", 40}}),
    })});
    Computed c = test::run_default(data);
    const auto& m150 = direction_of(c.grouping(2025, "m150"), "mastery");
    CHECK(m150.mean == fraction(3, 2));
    CHECK(m150.level == Level::high);
    const auto& m075 = direction_of(c.grouping(2025, "m075"), "mastery");
    CHECK(m075.mean == fraction(3, 4));
    CHECK(m075.level == Level::medium);
    const auto& m067 = direction_of(c.grouping(2025, "m067"), "mastery");
    CHECK(m067.mean == fraction(2, 3));
    CHECK(m067.level == Level::low);
    const auto& m140 = direction_of(c.grouping(2025, "m140"), "mastery");
    CHECK(m140.mean == fraction(7, 5));
    CHECK(m140.level == Level::medium);
    CHECK(c.grouping(2025, "m140").scored_indicators == 5);
    // Only mastery was scored: every other direction has no level.
    CHECK(direction_of(c.grouping(2025, "m150"), "diagnostics").level == Level::none);
    CHECK_FALSE(direction_of(c.grouping(2025, "m150"), "young").mean);
}

TEST_CASE("groupings: partners for the weak directions of low-group schools") {
    auto schools = std::vector<model::SchoolYear>{
        // The low school: 0+0+0+0+1+0 = 1 over 6 → 1/6 × 50 = 8.33 → low. Directions: diagnostics 0 low,
        // mastery (0+0)/2 = 0 low, young 0 low, communities 1 medium, support 0 low.
        rated_school("s03", "Село", {{"diag_coverage", 0}, {"courses_share", 0}, {"competitions_share", 0},
                                     {"mentors_share", 0}, {"network_share", 1}, {"experts_share", 0}}),
        // Село, diagnostics high: (2 + 2 + 0)/3 × 50 = 66.67, (2 + 0)/2 × 50 = 50, 50.
        rated_school("s09", "Село", {{"diag_coverage", 2}, {"network_share", 2}, {"mentors_share", 0}}),
        rated_school("s05", "Село", {{"diag_coverage", 2}, {"mentors_share", 0}}),
        rated_school("s07", "Село", {{"diag_coverage", 2}, {"mentors_share", 0}}),
        // Село, low group but no low direction: mastery (1+1+1+0)/4 = 0.75 medium; composite 3/4 × 50 = 37.5.
        make_school("s04", "Село", {{"teachers_total", 100}, {"courses", 25}, {"competitions", 10},
                                    {"retrained", 6}, {"non_ped_ed", 10}, {"with_iom", 10}, {"iom_active", 4}}),
        // Город: mastery mean 2 (courses 2, competitions 2), composite (2+2+0+0)/4 × 50 = 50.
        rated_school("s08", "Город", {{"courses_share", 2}, {"competitions_share", 2}, {"mentors_share", 0},
                                      {"network_share", 0}}),
        // Город: diagnostics 2, mastery (2+1)/2 = 1.5 (high), young 2, communities 2;
        // composite (2+2+1+2+2)/5 × 50 = 90.
        rated_school("s01", "Город", {{"diag_coverage", 2}, {"courses_share", 2}, {"competitions_share", 1},
                                      {"mentors_share", 2}, {"network_share", 2}}),
        // Город: young 2, composite 100.
        rated_school("s06", "Город", {{"mentors_share", 2}}),
    };
    auto data = make_dataset({make_year(2025, schools)});
    Computed c = test::run_default(data);
    const auto& low = c.grouping(2025, "s03");
    REQUIRE(low.composite);
    CHECK(*low.composite == fraction(25, 3));
    CHECK(low.group == Level::low);
    CHECK(direction_of(low, "communities").level == Level::medium);
    CHECK(direction_of(low, "support").level == Level::low);

    // In contract order of directions; only low directions that have a high school somewhere:
    //  diagnostics — candidates s09, s05, s07 (Село) and s01 (Город): same cluster first, all means 2,
    //    then composite: s09 (66.67) before s05 = s07 (50), tie broken by id: s05; at most two. s01 (90)
    //    has the highest composite but another cluster.
    //  mastery — no Село school is high; s08 (mean 2) before s01 (mean 1.5), despite s01's composite.
    //  young — s06 and s01 both mean 2, Город: composite 100 before 90.
    //  communities is medium (s09 and s01 are high there), support has no high school: no entry.
    REQUIRE(low.partners.size() == 3);
    CHECK(low.partners[0].direction == "diagnostics");
    CHECK(low.partners[0].partners == std::vector<std::string>{"s09", "s05"});
    CHECK(low.partners[1].direction == "mastery");
    CHECK(low.partners[1].partners == std::vector<std::string>{"s08", "s01"});
    CHECK(low.partners[2].direction == "young");
    CHECK(low.partners[2].partners == std::vector<std::string>{"s06", "s01"});

    // s04 is in the low group (37.5) but has no low direction: no partners.
    CHECK(c.grouping(2025, "s04").composite == fraction(75, 2));
    CHECK(c.grouping(2025, "s04").group == Level::low);
    CHECK(direction_of(c.grouping(2025, "s04"), "mastery").level == Level::medium);
    CHECK(c.grouping(2025, "s04").partners.empty());
    // Medium and high schools get none, even with low directions (s08: young 0, communities 0).
    CHECK(c.grouping(2025, "s08").group == Level::medium);
    CHECK(direction_of(c.grouping(2025, "s08"), "young").level == Level::low);
    for (const char* id : {"s01", "s05", "s06", "s07", "s08", "s09"}) {
        CAPTURE(id);
        CHECK(c.grouping(2025, id).partners.empty());
    }

    SUBCASE("the number per direction comes from the rules") {
        model::Rules rules = c.rules;
        rules.partners_per_direction = 4;
        Computed more = test::run(data, c.catalogue, rules);
        const auto& p = more.grouping(2025, "s03").partners;
        REQUIRE(p.size() == 3);
        // Same cluster first (s09, s05, s07), then the other cluster (s01).
        CHECK(p[0].partners == std::vector<std::string>{"s09", "s05", "s07", "s01"});
        CHECK(p[1].partners == std::vector<std::string>{"s08", "s01"});
        rules.partners_per_direction = 1;
        Computed one = test::run(data, c.catalogue, rules);
        CHECK(one.grouping(2025, "s03").partners[0].partners == std::vector<std::string>{"s09"});
    }
}

TEST_CASE("problem zones: a low municipal level, or a wrong-way move of at least 5 percentage points") {
    // One school of 10 000 teachers, so that a count of 1 is 0.01 %.
    auto data = make_dataset({
        make_year(2024, {make_school("p1", "A", {{"teachers_total", 10000},
                                                 {"diagnosed", 4000},       // diag_coverage 40 % → low
                                                 {"courses", 3000},         // courses_share 30 % → medium
                                                 {"network", 6000},         // network_share 60 % → medium
                                                 {"competitions", 1000}})}),// competitions_share 10 % → medium
        make_year(2025, {make_school("p1", "A", {{"teachers_total", 10000},
                                                 {"diagnosed", 4000},       // 40 % again: low, change 0
                                                 {"courses", 2500},         // 25 %: −5 points exactly
                                                 {"network", 5501},         // 55.01 %: −4.99 points
                                                 {"competitions", 2000}})}),// 20 %: +10, the right way
    });
    Computed c = test::run_default(data);
    // network_schools (network > 0: 1 of 1 = 100 %, high) is rated but fine both years.
    {
        const auto& zones = c.year(2024).problem_zones;
        CHECK(ids_of(zones) == std::vector<std::string>{"diag_coverage"});
        const auto& z = zone(c.year(2024), "diag_coverage");
        CHECK(z.low_level);
        CHECK_FALSE(z.wrong_way);
        CHECK_FALSE(z.change);  // no earlier year
    }
    {
        const auto& zones = c.year(2025).problem_zones;
        // Catalogue order: diag_coverage, then courses_share.
        CHECK(ids_of(zones) == std::vector<std::string>{"diag_coverage", "courses_share"});
        const auto& diag = zone(c.year(2025), "diag_coverage");
        CHECK(diag.low_level);
        CHECK_FALSE(diag.wrong_way);
        CHECK(diag.change == Exact(0));
        const auto& courses = zone(c.year(2025), "courses_share");
        CHECK_FALSE(courses.low_level);   // 25 % is medium
        CHECK(courses.wrong_way);         // 25 − 30 = −5, and higher is better: |−5| >= 5
        CHECK(courses.change == Exact(-5));
    }
    // −4.99 is not enough: 5501/10000 − 6000/10000 = −499/10000 × 100 = −4.99.
    CHECK(c.municipal(2025, "network_share")->change == fraction(-499, 100));
    // +10 is the right way for better = higher: never a problem.
    CHECK(c.municipal(2025, "competitions_share")->change == Exact(10));
}

TEST_CASE("problem zones: for other units, a wrong-way move of at least 10 % of the previous value") {
    model::Catalogue catalogue = test::catalogue_from(R"toml(
[[indicator]]
id = "vacancy_count"
direction = "staffing"
title = "Вакансии"
formula = "sum(vacancies)"
unit = "count"
better = "lower"
thresholds = [1, 1000]

[[indicator]]
id = "newcomers"
direction = "staffing"
title = "Новые молодые специалисты"
formula = "sum(young_0_1)"
unit = "count"
better = "lower"
thresholds = [1, 1000]

[[indicator]]
id = "age"
direction = "staffing"
title = "Средний возраст"
formula = "weighted_mean(avg_age, teachers_total)"
unit = "years"
better = "lower"
thresholds = [30, 60]

[[indicator]]
id = "load"
direction = "staffing"
title = "Нагрузка"
formula = "weighted_mean(avg_load, teachers_total)"
unit = "rates"
better = "higher"
thresholds = [0.5, 2]

[[indicator]]
id = "course_count"
direction = "mastery"
title = "Курсы"
formula = "sum(courses)"
unit = "count"
better = "higher"
thresholds = [1, 1000]

[[indicator]]
id = "expert_count"
direction = "support"
title = "Эксперты"
formula = "sum(experts)"
unit = "count"
better = "higher"
thresholds = [1, 1000]

[[indicator]]
id = "burnout"
direction = "support"
title = "Выгорание"
formula = "sum(burnout_events)"
unit = "count"
better = "higher"
thresholds = [1, 1000]

[[indicator]]
id = "mentor_rate"
direction = "young"
title = "Наставники"
formula = "mentors / teachers_total"
unit = "%"
better = "lower"
thresholds = [5, 50]
)toml");
    auto data = make_dataset({
        make_year(2024, {make_school("p1", "A", {{"teachers_total", 1000}, {"vacancies", 20}, {"young_0_1", 20},
                                                 {"avg_age", 40}, {"avg_load", 1}, {"courses", 50},
                                                 {"experts", 100}, {"burnout_events", 10}, {"mentors", 100}})}),
        make_year(2025, {make_school("p1", "A", {{"teachers_total", 1000}, {"vacancies", 22}, {"young_0_1", 21},
                                                 {"avg_age", 43.99}, {"avg_load", 0.9}, {"courses", 45},
                                                 {"experts", 91}, {"burnout_events", 20}, {"mentors", 150}})}),
    });
    Computed c = test::run(data, catalogue, model::Rules{});
    CHECK(c.year(2024).problem_zones.empty());  // every value is medium, no previous year
    // vacancy_count: 20 → 22, lower is better: +2 >= 10 % × 20 = 2 → zone (though 2 < 5 points)
    // newcomers: 20 → 21: +1 < 2 → no
    // age: 40 → 43.99: +3.99 < 10 % × 40 = 4 → no
    // load: 1 → 0.9, higher is better: −0.1, |−0.1| >= 10 % × 1 = 0.1 → zone
    // course_count: 50 → 45: −5 >= 10 % × 50 = 5 → zone
    // expert_count: 100 → 91: −9 < 10 (though 9 >= 5 points) → no
    // burnout: 10 → 20, the right way → no
    // mentor_rate (percent): 100/1000 = 10 % → 150/1000 = 15 %, lower is better: +5 points → zone
    const auto& year = c.year(2025);
    CHECK(ids_of(year.problem_zones) ==
          std::vector<std::string>{"vacancy_count", "load", "course_count", "mentor_rate"});
    CHECK(zone(year, "vacancy_count").change == Exact(2));
    CHECK(zone(year, "vacancy_count").wrong_way);
    CHECK_FALSE(zone(year, "vacancy_count").low_level);
    CHECK(zone(year, "load").change == fraction(-1, 10));
    CHECK(zone(year, "course_count").change == Exact(-5));
    CHECK(zone(year, "mentor_rate").change == Exact(5));
    CHECK(zone(year, "mentor_rate").wrong_way);
    CHECK(c.municipal(2025, "age")->change == fraction(399, 100));  // 43.99 − 40

    SUBCASE("the amounts come from the rules") {
        model::Rules rules;
        rules.problem_relative_percent = 5;  // newcomers +1 = 5 % of 20 now counts; expert_count −9 % too
        rules.problem_percent_points = 6;    // mentor_rate +5 no longer does
        Computed other = test::run(data, catalogue, rules);
        CHECK(ids_of(other.year(2025).problem_zones) ==
              std::vector<std::string>{"vacancy_count", "newcomers", "age", "load", "course_count", "expert_count"});
        // age: 3.99 >= 5 % × 40 = 2 → now a zone as well.
    }
}
