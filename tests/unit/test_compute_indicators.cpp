// Indicator values at every scope (data-contract.md, section 5; tests/oracle/README.md,
// interpretations 1–9), on small datasets built by hand. Every expected value is
// worked out in the comment next to it.

#include <doctest/doctest.h>

#include "compute_fixtures.hpp"

using namespace monsite;
using model::Exact;
using model::Level;
using model::Note;
using model::Scope;
using monsite::test::Computed;
using monsite::test::fraction;
using monsite::test::make_dataset;
using monsite::test::make_school;
using monsite::test::make_teacher;
using monsite::test::make_year;

namespace {

// A published value with a number.
void check_value(const std::optional<model::IndicatorValue>& v, const Exact& value, Level level) {
    REQUIRE(v.has_value());
    CHECK(v->note == Note::none);
    CHECK(v->has_value());
    CHECK(v->value == value);
    CHECK(v->level == level);
}

// ... that also carries its pooled sums.
void check_ratio(const std::optional<model::IndicatorValue>& v, const Exact& value, std::int64_t numerator,
                 std::int64_t denominator, Level level) {
    check_value(v, value, level);
    CHECK(v->has_fraction);
    CHECK(v->numerator == Exact(numerator));
    CHECK(v->denominator == Exact(denominator));
}

void check_no_data(const std::optional<model::IndicatorValue>& v) {
    REQUIRE(v.has_value());  // the indicator applies, but has no value
    CHECK(v->note == Note::no_data);
    CHECK_FALSE(v->has_value());
    CHECK(v->level == Level::none);
    CHECK_FALSE(v->has_fraction);
}

// Published as suppressed: only the note says a value existed.
void check_suppressed(const std::optional<model::IndicatorValue>& v) {
    REQUIRE(v.has_value());
    CHECK(v->note == Note::suppressed);
    CHECK_FALSE(v->has_value());
    CHECK(v->value.is_zero());
    CHECK_FALSE(v->has_fraction);
    CHECK(v->numerator.is_zero());
    CHECK(v->denominator.is_zero());
    CHECK(v->level == Level::none);
}

}  // namespace

TEST_CASE("compute: a ratio is pooled above the school, never a mean of percentages") {
    auto data = make_dataset({make_year(2025, {
        make_school("s1", "Город", {{"teachers_total", 10}, {"diagnosed", 9}}),   // 9/10 = 90 %
        make_school("s2", "Город", {{"teachers_total", 90}, {"diagnosed", 45}}),  // 45/90 = 50 %
        make_school("s3", "Село", {{"teachers_total", 20}, {"diagnosed", 4}}),    // 4/20 = 20 %
    })});
    Computed c = test::run_default(data);
    const auto& year = c.year(2025);
    CHECK(year.year == 2025);
    CHECK(year.municipality.id == "municipality");
    CHECK(year.municipality.scope == Scope::municipality);
    REQUIRE(year.clusters.size() == 2);
    CHECK(year.clusters[0].id == "Город");  // byte order: "Г" (D0 93) < "С" (D0 A1)
    CHECK(year.clusters[1].id == "Село");
    REQUIRE(year.schools.size() == 3);
    CHECK(year.schools[0].scope == Scope::school);

    // diag_coverage = diagnosed / teachers_total, thresholds 50/80, higher is better.
    check_ratio(c.school(2025, "s1", "diag_coverage"), 90, 9, 10, Level::high);    // 90 >= 80
    check_ratio(c.school(2025, "s2", "diag_coverage"), 50, 45, 90, Level::medium); // 50 is not < 50
    check_ratio(c.school(2025, "s3", "diag_coverage"), 20, 4, 20, Level::low);     // 20 < 50
    // Город: (9 + 45) / (10 + 90) = 54/100 = 54 % (the mean of 90 and 50 would be 70).
    check_ratio(c.cluster(2025, "Город", "diag_coverage"), 54, 54, 100, Level::medium);
    check_ratio(c.cluster(2025, "Село", "diag_coverage"), 20, 4, 20, Level::low);
    // Municipality: (9 + 45 + 4) / (10 + 90 + 20) = 58/120 = 48.333… % → low
    // (the mean of 90, 50, 20 would be 53.33 → medium).
    check_ratio(c.municipal(2025, "diag_coverage"), fraction(5800, 120), 58, 120, Level::low);
    CHECK(c.municipal(2025, "diag_coverage")->value.to_fixed(2) == "48.33");
    CHECK_FALSE(c.municipal(2025, "diag_coverage")->change);  // no previous year
}

TEST_CASE("compute: (a + b) / c pools its parts; a school missing an input does not contribute") {
    auto data = make_dataset({make_year(2025, {
        make_school("s1", "Город", {{"teachers_total", 10}, {"cat_highest", 3}, {"cat_first", 2}}),    // 5/10
        make_school("s2", "Город", {{"teachers_total", 40}, {"cat_highest", 10}, {"cat_first", 20}}),  // 30/40
        make_school("s3", "Город", {{"teachers_total", 10}, {"cat_highest", 5}}),  // no cat_first: no value
    })});
    Computed c = test::run_default(data);
    // qualified_share = (cat_highest + cat_first) / teachers_total, thresholds 40/60.
    check_ratio(c.school(2025, "s1", "qualified_share"), 50, 5, 10, Level::medium);  // (3+2)/10 = 50 %
    check_ratio(c.school(2025, "s2", "qualified_share"), 75, 30, 40, Level::high);   // (10+20)/40 = 75 %
    check_no_data(c.school(2025, "s3", "qualified_share"));
    // (3 + 2 + 10 + 20) / (10 + 40) = 35/50 = 70 % → high; s3 left out entirely
    // (with its 5 of 10 it would be 40/60 = 66.67 %).
    check_ratio(c.municipal(2025, "qualified_share"), 70, 35, 50, Level::high);
    check_ratio(c.cluster(2025, "Город", "qualified_share"), 70, 35, 50, Level::high);
}

TEST_CASE("compute: a / (a + b), sum and a zero denominator") {
    auto data = make_dataset({make_year(2025, {
        make_school("s1", "Город", {{"teachers_total", 10}, {"vacancies", 0}, {"burnout_events", 3}}),
        make_school("s2", "Город", {{"teachers_total", 40}, {"vacancies", 2}, {"burnout_events", 4}}),
        make_school("s3", "Город", {{"teachers_total", 10}}),  // no vacancies
        make_school("s4", "Село", {{"teachers_total", 0}, {"vacancies", 0}}),
    })});
    Computed c = test::run_default(data);
    // staffing_level = teachers_total / (teachers_total + vacancies), thresholds 95/100.
    check_ratio(c.school(2025, "s1", "staffing_level"), 100, 10, 10, Level::high);  // 10/(10+0)
    // 40/(40+2) = 40/42 = 95.238… % → medium (95 <= v < 100)
    check_ratio(c.school(2025, "s2", "staffing_level"), fraction(4000, 42), 40, 42, Level::medium);
    CHECK(c.school(2025, "s2", "staffing_level")->value.to_fixed(2) == "95.24");
    check_no_data(c.school(2025, "s3", "staffing_level"));  // vacancies missing
    check_no_data(c.school(2025, "s4", "staffing_level"));  // 0/(0+0)
    check_no_data(c.cluster(2025, "Село", "staffing_level"));
    // (10 + 40 + 0) / ((10 + 0) + (40 + 2) + (0 + 0)) = 50/52 = 96.1538… % → medium
    check_ratio(c.municipal(2025, "staffing_level"), fraction(5000, 52), 50, 52, Level::medium);
    CHECK(c.municipal(2025, "staffing_level")->value.to_fixed(2) == "96.15");

    // vacancies = sum(vacancies): 0 + 2 + 0 = 2 (s3 has none, which is not zero); a count, unrated.
    check_value(c.municipal(2025, "vacancies"), 2, Level::none);
    CHECK_FALSE(c.municipal(2025, "vacancies")->has_fraction);
    check_value(c.cluster(2025, "Город", "vacancies"), 2, Level::none);  // 0 + 2
    check_value(c.cluster(2025, "Село", "vacancies"), 0, Level::none);   // 0 is a value
    check_value(c.school(2025, "s2", "vacancies"), 2, Level::none);
    check_no_data(c.school(2025, "s3", "vacancies"));
    // burnout_events: 3 + 4 = 7; Село has no value at all.
    check_value(c.municipal(2025, "burnout_events"), 7, Level::none);
    check_no_data(c.cluster(2025, "Село", "burnout_events"));
    // young_0_1_count: no school has young_0_1 → no_data, never 0.
    check_no_data(c.municipal(2025, "young_0_1_count"));
}

TEST_CASE("compute: a weighted mean is weighted by teachers_total over schools with both values") {
    auto data = make_dataset({make_year(2025, {
        make_school("s1", "Город", {{"teachers_total", 10}, {"avg_age", 30}, {"avg_load", 1.25}}),
        make_school("s2", "Город", {{"teachers_total", 40}, {"avg_age", 50}, {"avg_load", 1.5}}),
        make_school("s3", "Город", {{"avg_age", 60}}),                         // no weight
        make_school("s4", "Город", {{"teachers_total", 20}, {"avg_load", 1}}),  // no avg_age
        make_school("s5", "Село", {{"teachers_total", 0}, {"avg_age", 40}}),   // zero weight
    })});
    Computed c = test::run_default(data);
    // Municipality: (30·10 + 50·40) / (10 + 40) = (300 + 2000) / 50 = 46
    // (s3 has no weight, s4 no value, s5 weight 0; the plain mean of 30, 50, 60, 40 would be 45).
    check_value(c.municipal(2025, "avg_age"), 46, Level::none);
    CHECK_FALSE(c.municipal(2025, "avg_age")->has_fraction);  // means carry no numerator/denominator
    check_value(c.cluster(2025, "Город", "avg_age"), 46, Level::none);
    check_no_data(c.cluster(2025, "Село", "avg_age"));  // Σ weights = 0
    // At school scope: the school's own value when its weight is above 0 (§5); with a
    // weight of 0 or none, an average over no teachers has no value.
    check_value(c.school(2025, "s1", "avg_age"), 30, Level::none);
    check_no_data(c.school(2025, "s3", "avg_age"));
    check_no_data(c.school(2025, "s5", "avg_age"));
    check_no_data(c.school(2025, "s4", "avg_age"));
    // avg_load: (1.25·10 + 1.5·40 + 1·20) / (10 + 40 + 20) = (12.5 + 60 + 20) / 70 = 92.5/70 = 37/28 = 1.3214…
    check_value(c.municipal(2025, "avg_load"), fraction(37, 28), Level::none);
    CHECK(c.municipal(2025, "avg_load")->value.to_fixed(2) == "1.32");
    check_value(c.school(2025, "s1", "avg_load"), fraction(5, 4), Level::none);
}

TEST_CASE("compute: a school with teachers_total = 0 has no weighted mean; the municipal value is unaffected") {
    auto with_zero = make_dataset({make_year(2025, {
        make_school("s1", "A", {{"teachers_total", 10}, {"avg_age", 40}, {"avg_load", 1.5}}),
        make_school("s2", "A", {{"teachers_total", 30}, {"avg_age", 50}, {"avg_load", 1}}),
        make_school("z", "A", {{"teachers_total", 0}, {"vacancies", 2}, {"avg_age", 61}, {"avg_load", 2}}),
    })});
    Computed c = test::run_default(with_zero);
    check_no_data(c.school(2025, "z", "avg_age"));
    check_no_data(c.school(2025, "z", "avg_load"));
    check_value(c.school(2025, "s1", "avg_age"), 40, Level::none);
    // (40·10 + 50·30) / 40 = 1900/40 = 47.5, as without z; avg_load (15 + 30) / 40 = 9/8
    check_value(c.municipal(2025, "avg_age"), fraction(95, 2), Level::none);
    check_value(c.cluster(2025, "A", "avg_age"), fraction(95, 2), Level::none);
    check_value(c.municipal(2025, "avg_load"), fraction(9, 8), Level::none);
    // z's other values stay: 2 vacancies, staffing 0 / (0 + 2) = 0 % → low
    check_value(c.school(2025, "z", "vacancies"), 2, Level::none);
    check_ratio(c.school(2025, "z", "staffing_level"), 0, 0, 2, Level::low);
}

TEST_CASE("compute: a rated weighted mean without a value at school scope leaves the composite") {
    // A site may rate a weighted mean; §6 averages the scores over the indicators that have a value.
    model::Catalogue catalogue = test::catalogue_from(R"toml(
[[indicator]]
id = "age"
direction = "staffing"
title = "Средний возраст"
formula = "weighted_mean(avg_age, teachers_total)"
unit = "years"
better = "lower"
thresholds = [40, 50]
scopes = ["school"]

[[indicator]]
id = "staffing"
direction = "staffing"
title = "Укомплектованность"
formula = "teachers_total / (teachers_total + vacancies)"
unit = "%"
better = "higher"
thresholds = [95, 100]
scopes = ["school"]
)toml");
    auto data = make_dataset({make_year(2025, {
        make_school("s1", "A", {{"teachers_total", 10}, {"vacancies", 0}, {"avg_age", 55}}),  // age low 0, staffing high 2
        make_school("s2", "A", {{"teachers_total", 20}, {"vacancies", 0}, {"avg_age", 35}}),  // high 2, high 2
        make_school("z", "A", {{"teachers_total", 0}, {"vacancies", 0}, {"avg_age", 35}}),    // no age; 0 / 0: none
        make_school("y", "A", {{"teachers_total", 0}, {"vacancies", 1}, {"avg_age", 35}}),    // no age; 0 % → low 0
    })});
    Computed c = test::run(data, catalogue, model::Rules{});
    check_no_data(c.school(2025, "z", "age"));
    check_no_data(c.school(2025, "y", "age"));
    // s1: (0 + 2) / 2 × 50 = 50; s2: (2 + 2) / 2 × 50 = 100
    CHECK(c.grouping(2025, "s1").composite == Exact(50));
    CHECK(c.grouping(2025, "s2").composite == Exact(100));
    CHECK(c.grouping(2025, "s2").rank == 1);
    // z: no rated value at all → no composite, group or rank (35 years would have scored high)
    CHECK_FALSE(c.grouping(2025, "z").composite);
    CHECK(c.grouping(2025, "z").group == Level::none);
    CHECK(c.grouping(2025, "z").rank == 0);
    CHECK(c.grouping(2025, "z").scored_indicators == 0);
    // y: only staffing counts (low = 0) → 0, not (0 + 2) / 2 × 50 = 50; rank 3 after s2 and s1
    CHECK(c.grouping(2025, "y").scored_indicators == 1);
    CHECK(c.grouping(2025, "y").composite == Exact(0));
    CHECK(c.grouping(2025, "y").group == Level::low);
    CHECK(c.grouping(2025, "y").rank == 3);
    // Municipality: (55·10 + 35·20) / 30 = 1250/30 = 125/3; z and y add nothing.
    check_value(c.municipal(2025, "age"), fraction(125, 3), Level::medium);
}

TEST_CASE("compute: share_of_schools at municipality and cluster scope only") {
    auto data = make_dataset({make_year(2025, {
        make_school("s1", "Город", {{"mentoring_model", 1}, {"network", 5}}),
        make_school("s2", "Город", {{"mentoring_model", 0}, {"network", 0}}),
        make_school("s3", "Село", {{"mentoring_model", 1}, {"network", 0}}),
        make_school("s4", "Село", {}),
    })});
    Computed c = test::run_default(data);
    // mentoring_model_schools: schools with да / schools with a value = 2/3 = 66.67 % → low (< 70)
    check_ratio(c.municipal(2025, "mentoring_model_schools"), fraction(200, 3), 2, 3, Level::low);
    check_ratio(c.cluster(2025, "Город", "mentoring_model_schools"), 50, 1, 2, Level::low);   // 1/2
    check_ratio(c.cluster(2025, "Село", "mentoring_model_schools"), 100, 1, 1, Level::high);  // 1/1, s4 no value
    // network_schools: network > 0 in s1 only, of s1, s2, s3 → 1/3 = 33.33 % → low
    check_ratio(c.municipal(2025, "network_schools"), fraction(100, 3), 1, 3, Level::low);
    check_ratio(c.cluster(2025, "Город", "network_schools"), 50, 1, 2, Level::low);
    check_ratio(c.cluster(2025, "Село", "network_schools"), 0, 0, 1, Level::low);  // 0/1 = 0 %, a value
    // No school scope: the value does not apply to a school at all.
    CHECK_FALSE(c.school(2025, "s1", "mentoring_model_schools").has_value());
    CHECK_FALSE(c.school(2025, "s1", "network_schools").has_value());
}

TEST_CASE("compute: diag_score_avg is the mean over the scored teachers of the scope") {
    auto data = make_dataset({make_year(2025,
        {
            make_school("s1", "Город", {{"teachers_total", 3}}),
            make_school("s2", "Город", {{"teachers_total", 2}}),
            make_school("s3", "Село", {{"teachers_total", 1}}),
        },
        {
            make_teacher("t1", "s1", "Математика", 60),
            make_teacher("t2", "s1", "Математика", 70),
            make_teacher("t3", "s1", "Физика", std::nullopt),  // not diagnosed: not a zero
            make_teacher("t4", "s2", "Физика", 80),
            make_teacher("t5", "s2", "Химия", 72.5),
            make_teacher("t6", "s3", "Химия", std::nullopt),
        })});
    config::SiteConfig config = config::default_config();
    model::Rules rules = config.rules;
    rules.min_group = 1;  // this case is about the formula, not privacy
    Computed c = test::run(data, config.catalogue, rules);
    // s1: (60 + 70) / 2 = 65 → medium (50 <= 65 < 70)
    check_value(c.school(2025, "s1", "diag_score_avg"), 65, Level::medium);
    CHECK_FALSE(c.school(2025, "s1", "diag_score_avg")->has_fraction);
    // s2: (80 + 72.5) / 2 = 76.25 → high
    check_value(c.school(2025, "s2", "diag_score_avg"), fraction(305, 4), Level::high);
    check_no_data(c.school(2025, "s3", "diag_score_avg"));  // a teacher, but none scored
    check_no_data(c.cluster(2025, "Село", "diag_score_avg"));
    // Municipality: (60 + 70 + 80 + 72.5) / 4 = 282.5/4 = 70.625 → "70.63", high (>= 70).
    // (Here the mean of school means happens to agree; the next case tells them apart.)
    check_value(c.municipal(2025, "diag_score_avg"), fraction(565, 8), Level::high);
    CHECK(c.municipal(2025, "diag_score_avg")->value.to_fixed(2) == "70.63");
    check_value(c.cluster(2025, "Город", "diag_score_avg"), fraction(565, 8), Level::high);
}

TEST_CASE("compute: diag_score_avg mean over teachers, not over school means") {
    auto data = make_dataset({make_year(2025,
        {make_school("s1", "Город", {}), make_school("s2", "Город", {})},
        {
            make_teacher("t1", "s1", "", 40), make_teacher("t2", "s1", "", 50), make_teacher("t3", "s1", "", 60),
            make_teacher("t4", "s2", "", 100),
        })});
    config::SiteConfig config = config::default_config();
    config.rules.min_group = 1;
    Computed c = test::run(data, config.catalogue, config.rules);
    check_value(c.school(2025, "s1", "diag_score_avg"), 50, Level::medium);  // (40+50+60)/3 = 50
    check_value(c.school(2025, "s2", "diag_score_avg"), 100, Level::high);
    // (40 + 50 + 60 + 100) / 4 = 250/4 = 62.5 (the mean of school means would be 75 → high)
    check_value(c.municipal(2025, "diag_score_avg"), fraction(125, 2), Level::medium);
    check_value(c.cluster(2025, "Город", "diag_score_avg"), fraction(125, 2), Level::medium);
}

TEST_CASE("compute: zero and missing denominators and missing numerators give no_data, never 0") {
    auto data = make_dataset({make_year(2025, {
        make_school("s1", "Город", {{"teachers_total", 0}, {"diagnosed", 0}, {"courses", 0}}),
        make_school("s2", "Город", {{"diagnosed", 5}}),            // no teachers_total
        make_school("s3", "Город", {{"teachers_total", 10}}),      // no diagnosed
        make_school("s4", "Село", {{"teachers_total", 10}, {"diagnosed", 0}, {"deficits_found", 0},
                                  {"retrained", 0}, {"non_ped_ed", 0}}),
    })});
    Computed c = test::run_default(data);
    check_no_data(c.school(2025, "s1", "diag_coverage"));   // 0/0
    check_no_data(c.school(2025, "s1", "courses_share"));   // 0/0
    check_no_data(c.school(2025, "s2", "diag_coverage"));   // 5/–
    check_no_data(c.school(2025, "s3", "diag_coverage"));   // –/10
    check_no_data(c.school(2025, "s4", "deficit_rate"));    // 0/0
    check_no_data(c.school(2025, "s4", "retraining_share"));  // 0/0
    // s4: 0/10 = 0 % is a value, and a low one.
    check_ratio(c.school(2025, "s4", "diag_coverage"), 0, 0, 10, Level::low);
    // Город: only s1 has both fields: 0/0 → no_data.
    check_no_data(c.cluster(2025, "Город", "diag_coverage"));
    check_no_data(c.cluster(2025, "Город", "courses_share"));
    // Municipality: s1 (0/0) and s4 (0/10) → 0/10 = 0 %.
    check_ratio(c.municipal(2025, "diag_coverage"), 0, 0, 10, Level::low);
    check_no_data(c.municipal(2025, "retraining_share"));  // only s4: 0/0
    check_no_data(c.municipal(2025, "deficit_rate"));      // only s1 (deficits_found missing) and s4: 0/0
    check_no_data(c.municipal(2025, "mentor_coverage"));   // no school has the fields at all
    check_no_data(c.municipal(2025, "avg_age"));
    check_no_data(c.municipal(2025, "mentoring_model_schools"));  // no school with a value
    // diag_score_avg does not apply: no Педагоги table this year.
    CHECK_FALSE(c.municipal(2025, "diag_score_avg").has_value());
}

TEST_CASE("compute: 29 of 100 against a threshold of 29 is exactly at the threshold") {
    // thresholds 29 as an integer and as a TOML float; higher and lower better, t1 and t2.
    model::Catalogue catalogue = test::catalogue_from(R"toml(
[[indicator]]
id = "higher_t1"
direction = "mastery"
title = "higher, t1 = 29"
formula = "courses / teachers_total"
unit = "%"
better = "higher"
thresholds = [29.0, 50]
scopes = ["school"]

[[indicator]]
id = "higher_t2"
direction = "mastery"
title = "higher, t2 = 29"
formula = "courses / teachers_total"
unit = "%"
better = "higher"
thresholds = [10, 29]
scopes = ["school"]

[[indicator]]
id = "lower_t1"
direction = "mastery"
title = "lower, t1 = 29"
formula = "courses / teachers_total"
unit = "%"
better = "lower"
thresholds = [29, 50]
scopes = ["school"]

[[indicator]]
id = "lower_t2"
direction = "mastery"
title = "lower, t2 = 29"
formula = "courses / teachers_total"
unit = "%"
better = "lower"
thresholds = [10, 29]
scopes = ["school"]
)toml");
    REQUIRE(catalogue.indicators.size() == 4);
    auto data = make_dataset({make_year(2025, {
        make_school("s1", "A", {{"teachers_total", 100}, {"courses", 29}}),
        // 0.29 × 100 = 28.999999999999996 in binary, as a percent cell would give it: still 29.
        make_school("s2", "B", {{"teachers_total", 100}, {"courses", 0.29 * 100}}),
        make_school("s3", "C", {{"teachers_total", 100}, {"courses", 28}}),
        make_school("s4", "D", {{"teachers_total", 100}, {"courses", 51}}),
    })});
    Computed c = test::run(data, catalogue, model::Rules{});
    for (const char* id : {"s1", "s2"}) {
        CAPTURE(id);
        // 29/100 × 100 = 29 exactly.
        check_value(c.school(2025, id, "higher_t1"), 29, Level::medium);  // higher: 29 < 29 is false → not low
        check_value(c.school(2025, id, "higher_t2"), 29, Level::high);    // higher: 29 >= 29 → high
        check_value(c.school(2025, id, "lower_t1"), 29, Level::high);     // lower: 29 <= 29 → high
        check_value(c.school(2025, id, "lower_t2"), 29, Level::medium);   // lower: 29 > 29 is false → not low
    }
    // 28 %: just below.
    check_value(c.school(2025, "s3", "higher_t1"), 28, Level::low);     // 28 < 29
    check_value(c.school(2025, "s3", "higher_t2"), 28, Level::medium);  // 10 <= 28 < 29
    check_value(c.school(2025, "s3", "lower_t1"), 28, Level::high);     // 28 <= 29
    check_value(c.school(2025, "s3", "lower_t2"), 28, Level::medium);   // 10 < 28 <= 29
    // 51 %: beyond t2 = 50.
    check_value(c.school(2025, "s4", "higher_t1"), 51, Level::high);    // 51 >= 50
    check_value(c.school(2025, "s4", "lower_t1"), 51, Level::low);      // 51 > 50
    check_value(c.school(2025, "s4", "lower_t2"), 51, Level::low);      // 51 > 29

    // compute::level_of on the shipped thresholds: staffing_level 95/100.
    config::SiteConfig config = config::default_config();
    const model::Indicator& staffing = *config.catalogue.find("staffing_level");
    CHECK(compute::level_of(staffing, fraction(9499, 100)) == Level::low);     // 94.99 < 95
    CHECK(compute::level_of(staffing, 95) == Level::medium);                   // 95 is not < 95
    CHECK(compute::level_of(staffing, fraction(19999, 200)) == Level::medium); // 99.995 < 100
    CHECK(compute::level_of(staffing, 100) == Level::high);                    // 100 >= 100
    CHECK(compute::level_of(*config.catalogue.find("vacancies"), 3) == Level::none);  // better = none
}

TEST_CASE("compute: sensitive values are suppressed below min_group at school and cluster, not municipality") {
    auto data = make_dataset({make_year(2025,
        {
            // deficit_rate 2/4 = 50 %, denominator 4 < 5; diag_coverage 4/10 = 40 % (low)
            make_school("s1", "Село", {{"teachers_total", 10}, {"diagnosed", 4}, {"deficits_found", 2}}),
            // deficit_rate 3/10 = 30 %, denominator 10; diag_coverage 10/20 = 50 % (medium)
            make_school("s2", "Город", {{"teachers_total", 20}, {"diagnosed", 10}, {"deficits_found", 3}}),
            // deficit_rate 0/0: no_data, which wins over suppressed
            make_school("s3", "Лес", {{"teachers_total", 10}, {"diagnosed", 0}, {"deficits_found", 0}}),
        },
        {
            // s1: 4 scored teachers, (80 + 90 + 70 + 80) / 4 = 320/4 = 80 → high, but 4 < 5
            make_teacher("a1", "s1", "Математика", 80), make_teacher("a2", "s1", "Математика", 90),
            make_teacher("a3", "s1", "Физика", 70), make_teacher("a4", "s1", "Физика", 80),
            // s2: 5 scored teachers, (50 + 60 + 70 + 40 + 30) / 5 = 250/5 = 50 → medium; 5 is not below 5
            make_teacher("b1", "s2", "Математика", 50), make_teacher("b2", "s2", "Математика", 60),
            make_teacher("b3", "s2", "Математика", 70), make_teacher("b4", "s2", "Физика", 40),
            make_teacher("b5", "s2", "Физика", 30), make_teacher("b6", "s2", "Физика", std::nullopt),
        })});
    Computed c = test::run_default(data);
    REQUIRE(c.rules.min_group == 5);

    // deficit_rate
    check_suppressed(c.school(2025, "s1", "deficit_rate"));
    check_suppressed(c.cluster(2025, "Село", "deficit_rate"));                 // pooled diagnosed = 4
    check_ratio(c.school(2025, "s2", "deficit_rate"), 30, 3, 10, Level::none);  // 3/10
    check_ratio(c.cluster(2025, "Город", "deficit_rate"), 30, 3, 10, Level::none);
    check_no_data(c.school(2025, "s3", "deficit_rate"));
    check_no_data(c.cluster(2025, "Лес", "deficit_rate"));
    // Municipality, never suppressed: (2 + 3 + 0) / (4 + 10 + 0) = 5/14 = 35.714… %
    check_ratio(c.municipal(2025, "deficit_rate"), fraction(500, 14), 5, 14, Level::none);
    CHECK(c.municipal(2025, "deficit_rate")->value.to_fixed(2) == "35.71");

    // diag_score_avg: judged on the number of scored teachers
    check_suppressed(c.school(2025, "s1", "diag_score_avg"));       // 4 scored
    check_suppressed(c.cluster(2025, "Село", "diag_score_avg"));    // 4 scored
    check_value(c.school(2025, "s2", "diag_score_avg"), 50, Level::medium);  // 5 scored (b6 is not)
    check_value(c.cluster(2025, "Город", "diag_score_avg"), 50, Level::medium);
    check_no_data(c.school(2025, "s3", "diag_score_avg"));
    // Municipality: (320 + 250) / 9 = 570/9 = 63.33 → medium
    check_value(c.municipal(2025, "diag_score_avg"), fraction(570, 9), Level::medium);

    // Not sensitive: published whatever the denominator.
    check_ratio(c.school(2025, "s1", "diag_coverage"), 40, 4, 10, Level::low);

    // The composite uses the true values: s1 scores diag_coverage low = 0 and the suppressed
    // diag_score_avg 80 = high = 2 → (0 + 2) / 2 × 50 = 50 → medium (without it: 0 → low).
    const auto& g1 = c.grouping(2025, "s1");
    CHECK(g1.scored_indicators == 2);
    REQUIRE(g1.composite);
    CHECK(*g1.composite == 50);
    CHECK(g1.group == Level::medium);
    CHECK(test::direction_of(g1, "diagnostics").mean == Exact(1));  // (0 + 2) / 2
    // s2: diag_coverage medium 1, diag_score_avg medium 1 → 1 × 50 = 50
    CHECK(c.grouping(2025, "s2").composite == Exact(50));
    // s3: diag_coverage 0/10 = 0 % low → 0; diag_score_avg no_data does not count
    CHECK(c.grouping(2025, "s3").composite == Exact(0));
    CHECK(c.grouping(2025, "s3").scored_indicators == 1);
    CHECK(c.grouping(2025, "s3").group == Level::low);

    SUBCASE("min_group comes from the rules") {
        model::Rules rules = c.rules;
        rules.min_group = 4;
        Computed four = test::run(data, c.catalogue, rules);
        check_ratio(four.school(2025, "s1", "deficit_rate"), 50, 2, 4, Level::none);  // 4 is not below 4
        check_value(four.school(2025, "s1", "diag_score_avg"), 80, Level::high);
        rules.min_group = 11;
        Computed eleven = test::run(data, c.catalogue, rules);
        check_suppressed(eleven.school(2025, "s2", "deficit_rate"));  // 10 < 11
        check_suppressed(eleven.cluster(2025, "Город", "deficit_rate"));
        check_ratio(eleven.municipal(2025, "deficit_rate"), fraction(500, 14), 5, 14, Level::none);  // 14 >= 11 anyway
    }
}

TEST_CASE("compute: a rated sensitive ratio counts in the composite with its true, suppressed value") {
    model::Catalogue catalogue = test::catalogue_from(R"toml(
[[indicator]]
id = "deficit_rate"
direction = "diagnostics"
title = "Выявленные дефициты"
formula = "deficits_found / diagnosed"
unit = "%"
better = "lower"
thresholds = [10, 40]
scopes = ["school"]
sensitive = true
)toml");
    auto data = make_dataset({make_year(2025, {
        make_school("s1", "A", {{"diagnosed", 4}, {"deficits_found", 2}}),   // 50 % > 40 → low, suppressed
        make_school("s2", "A", {{"diagnosed", 10}, {"deficits_found", 3}}),  // 30 % → medium
        make_school("s3", "A", {{"diagnosed", 0}, {"deficits_found", 0}}),   // no value
    })});
    Computed c = test::run(data, catalogue, model::Rules{});
    check_suppressed(c.school(2025, "s1", "deficit_rate"));
    // s1: one score, low = 0 → composite 0 × 50 = 0 → low group (it has a composite)
    REQUIRE(c.grouping(2025, "s1").composite);
    CHECK(*c.grouping(2025, "s1").composite == 0);
    CHECK(c.grouping(2025, "s1").group == Level::low);
    CHECK(c.grouping(2025, "s1").rank == 2);
    // s2: medium = 1 → 50
    CHECK(c.grouping(2025, "s2").composite == Exact(50));
    CHECK(c.grouping(2025, "s2").rank == 1);
    // s3: nothing scored
    CHECK_FALSE(c.grouping(2025, "s3").composite);
    // Cluster A: (2 + 3 + 0) / (4 + 10 + 0) = 5/14, denominator 14 >= 5 → published, 35.71 % → medium
    check_ratio(c.cluster(2025, "A", "deficit_rate"), fraction(500, 14), 5, 14, Level::medium);
}

TEST_CASE("compute: diag_score_avg has no rows in a year without Педагоги, no_data where nobody is scored") {
    auto schools = [] {
        return std::vector<model::SchoolYear>{
            make_school("s1", "Город", {{"teachers_total", 5}, {"diagnosed", 5}}),
            make_school("s2", "Село", {{"teachers_total", 5}, {"diagnosed", 5}}),
            make_school("s3", "Село", {{"teachers_total", 5}, {"diagnosed", 5}}),
        };
    };
    auto data = make_dataset({
        make_year(2023, schools(), {}, true),  // a Педагоги table without rows
        make_year(2024, schools()),            // no Педагоги table
        make_year(2025, schools(),
                  {
                      make_teacher("t1", "s1", "", 50), make_teacher("t2", "s1", "", 60),
                      make_teacher("t3", "s1", "", 70), make_teacher("t4", "s1", "", 80),
                      make_teacher("t5", "s1", "", 90),
                      make_teacher("t6", "s2", "", std::nullopt),  // a teacher without a score
                  }),
    });
    Computed c = test::run_default(data);

    // 2024: the indicator does not apply at any scope.
    CHECK_FALSE(c.municipal(2024, "diag_score_avg").has_value());
    CHECK_FALSE(c.cluster(2024, "Город", "diag_score_avg").has_value());
    CHECK_FALSE(c.cluster(2024, "Село", "diag_score_avg").has_value());
    for (const char* id : {"s1", "s2", "s3"}) CHECK_FALSE(c.school(2024, id, "diag_score_avg").has_value());
    // ... while every other indicator is there: diag_coverage 5/5 = 100 %.
    check_ratio(c.school(2024, "s1", "diag_coverage"), 100, 5, 5, Level::high);

    // 2023: the table exists but is empty → no_data everywhere.
    check_no_data(c.municipal(2023, "diag_score_avg"));
    check_no_data(c.school(2023, "s1", "diag_score_avg"));

    // 2025: s1 (50+60+70+80+90)/5 = 350/5 = 70 → high; 5 scored, not suppressed.
    check_value(c.school(2025, "s1", "diag_score_avg"), 70, Level::high);
    check_value(c.cluster(2025, "Город", "diag_score_avg"), 70, Level::high);
    check_value(c.municipal(2025, "diag_score_avg"), 70, Level::high);
    check_no_data(c.school(2025, "s2", "diag_score_avg"));  // one teacher, not scored
    check_no_data(c.school(2025, "s3", "diag_score_avg"));  // no teachers at all
    check_no_data(c.cluster(2025, "Село", "diag_score_avg"));
    // change needs a value in the previous year: 2024 has none.
    CHECK_FALSE(c.municipal(2025, "diag_score_avg")->change);
}

TEST_CASE("compute: change and change_3y across three consecutive years") {
    auto data = make_dataset({
        make_year(2023, {
            make_school("s1", "Город", {{"teachers_total", 100}, {"courses", 10}, {"vacancies", 3}}),  // 10 %
            make_school("s2", "Город", {{"teachers_total", 100}, {"courses", 30}}),                    // 30 %
        }),
        make_year(2024, {
            make_school("s1", "Город", {{"teachers_total", 100}, {"courses", 25}, {"vacancies", 1}}),  // 25 %
            make_school("s2", "Город", {{"teachers_total", 100}}),                                     // no_data
        }),
        make_year(2025, {
            make_school("s1", "Город", {{"teachers_total", 50}, {"courses", 20}, {"vacancies", 4}}),   // 40 %
            make_school("s2", "Город", {{"teachers_total", 100}, {"courses", 30}}),                    // 30 %
            make_school("s3", "Город", {{"teachers_total", 10}, {"courses", 5}}),                      // new school, 50 %
        }),
    });
    Computed c = test::run_default(data);

    // School s1, courses_share: 10 → 25 → 40.
    CHECK_FALSE(c.school(2023, "s1", "courses_share")->change);
    CHECK_FALSE(c.school(2023, "s1", "courses_share")->change_3y);
    CHECK(c.school(2024, "s1", "courses_share")->change == Exact(15));     // 25 − 10
    CHECK_FALSE(c.school(2024, "s1", "courses_share")->change_3y);          // no 2022
    CHECK(c.school(2025, "s1", "courses_share")->change == Exact(15));     // 40 − 25
    CHECK(c.school(2025, "s1", "courses_share")->change_3y == Exact(30));  // 40 − 10

    // School s2: no value in 2024, so no change in 2024 or 2025; but 2023 → 2025 is 30 − 30 = 0.
    CHECK_FALSE(c.school(2024, "s2", "courses_share")->change);
    CHECK_FALSE(c.school(2025, "s2", "courses_share")->change);
    CHECK(c.school(2025, "s2", "courses_share")->change_3y == Exact(0));
    // A school new in 2025 has nothing to compare with.
    CHECK_FALSE(c.school(2025, "s3", "courses_share")->change);
    CHECK_FALSE(c.school(2025, "s3", "courses_share")->change_3y);

    // Municipality: 2023 (10 + 30)/200 = 20 %; 2024 25/100 = 25 %; 2025 (20 + 30 + 5)/(50 + 100 + 10) = 55/160 = 34.375 %.
    check_ratio(c.municipal(2025, "courses_share"), fraction(5500, 160), 55, 160, Level::high);  // 34.375 >= 33
    CHECK(c.municipal(2024, "courses_share")->change == Exact(5));                   // 25 − 20
    CHECK(c.municipal(2025, "courses_share")->change == fraction(75, 8));           // 34.375 − 25 = 9.375
    CHECK(c.municipal(2025, "courses_share")->change_3y == fraction(115, 8));       // 34.375 − 20 = 14.375
    CHECK(c.cluster(2025, "Город", "courses_share")->change == fraction(75, 8));

    // A count: vacancies 3 → 1 → 4.
    CHECK(c.municipal(2024, "vacancies")->change == Exact(-2));    // 1 − 3
    CHECK(c.municipal(2025, "vacancies")->change == Exact(3));     // 4 − 1
    CHECK(c.municipal(2025, "vacancies")->change_3y == Exact(1));  // 4 − 3

    SUBCASE("a gap year: change needs the year just before, change_3y the one two years before") {
        model::Dataset gap = data;
        gap.years.erase(gap.years.begin() + 1);  // 2023 and 2025 only
        Computed g = test::run_default(gap);
        CHECK_FALSE(g.school(2025, "s1", "courses_share")->change);
        CHECK(g.school(2025, "s1", "courses_share")->change_3y == Exact(30));  // 40 − 10
        CHECK_FALSE(g.municipal(2025, "vacancies")->change);
        CHECK(g.municipal(2025, "vacancies")->change_3y == Exact(1));
    }
}
