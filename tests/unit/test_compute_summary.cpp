// What compute says about a year for the pages (compute/summary.hpp): a school's
// status x change grid, schools per level and the number of ranked schools, on
// hand-made schools. Every expected place is worked out in the comment next to it.

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "compute_fixtures.hpp"
#include "monsite/compute/summary.hpp"

using namespace monsite;
using compute::Change;
using compute::StatusGrid;
using model::Level;
using monsite::test::fraction;
using monsite::test::make_dataset;
using monsite::test::make_school;
using monsite::test::make_year;
using monsite::test::rated_school;

namespace {

using Ids = std::vector<std::string>;

// A grouping with the given direction means (nullopt: no rated indicator),
// levelled by the default rules as compute levels them.
model::SchoolGrouping grouping(std::vector<std::pair<std::string, std::optional<model::Exact>>> means) {
    model::Rules rules;
    model::SchoolGrouping g;
    g.school_id = "s";
    for (auto& [direction, mean] : means) {
        Level level = !mean                              ? Level::none
                      : *mean >= rules.direction_high    ? Level::high
                      : *mean < rules.direction_low      ? Level::low
                                                         : Level::medium;
        g.directions.push_back({direction, mean, level});
    }
    return g;
}

// Every direction id placed in the grid or listed without last year, sorted.
Ids all_placed(const StatusGrid& grid) {
    Ids out;
    for (const auto& row : grid.cells)
        for (const auto& cell : row) out.insert(out.end(), cell.begin(), cell.end());
    for (const auto& d : grid.without_previous) out.push_back(d.direction);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("summary: the grid has the three table levels as rows and worse, same, better as columns") {
    CHECK(StatusGrid::rows == std::array<Level, 3>{Level::high, Level::medium, Level::low});
    CHECK(StatusGrid::columns == std::array<Change, 3>{Change::worse, Change::same, Change::better});
}

TEST_CASE("summary: a change of at most the rule's band either way is «same»") {
    model::Rules rules;  // direction_change_same = 0.1
    CHECK(rules.direction_change_same == fraction(1, 10));
    CHECK(compute::change_of(fraction(11, 10), 1, rules) == Change::same);    // +0.1: on the band
    CHECK(compute::change_of(fraction(9, 10), 1, rules) == Change::same);     // -0.1: on the band
    CHECK(compute::change_of(1, 1, rules) == Change::same);
    CHECK(compute::change_of(fraction(111, 100), 1, rules) == Change::better);  // +0.11
    CHECK(compute::change_of(fraction(89, 100), 1, rules) == Change::worse);    // -0.11
    rules.direction_change_same = 0;  // every move counts
    CHECK(compute::change_of(fraction(101, 100), 1, rules) == Change::better);
    CHECK(compute::change_of(fraction(99, 100), 1, rules) == Change::worse);
    CHECK(compute::change_of(1, 1, rules) == Change::same);
    rules.direction_change_same = fraction(1, 2);
    CHECK(compute::change_of(fraction(3, 2), 1, rules) == Change::same);  // +0.5 within 0.5
    CHECK(compute::change_of(2, 1, rules) == Change::better);
}

TEST_CASE("summary: grid of hand-made groupings: up, down, same, no previous year, no level") {
    // Levels: >= 1.5 high, < 0.75 low, else medium.
    auto now = grouping({{"diagnostics", 2},                      // high, was 1: better
                         {"mastery", fraction(3, 2)},             // high, was 2: worse (-0.5)
                         {"young", fraction(1, 2)},               // low, was 0.45: same (+0.05)
                         {"communities", 1},                      // medium, was none: without previous
                         {"network", std::nullopt},               // no level now: nowhere
                         {"staffing", fraction(3, 4)}});          // medium (0.75 is not low), was 1: worse
    auto before = grouping({{"diagnostics", 1},
                            {"mastery", 2},
                            {"young", fraction(45, 100)},
                            {"communities", std::nullopt},
                            {"network", 2},
                            {"staffing", 1}});
    StatusGrid grid = compute::status_grid(now, &before, model::Rules{});
    CHECK(grid.cell(Level::high, Change::better) == Ids{"diagnostics"});
    CHECK(grid.cell(Level::high, Change::worse) == Ids{"mastery"});
    CHECK(grid.cell(Level::low, Change::same) == Ids{"young"});
    CHECK(grid.cell(Level::medium, Change::worse) == Ids{"staffing"});
    REQUIRE(grid.without_previous.size() == 1);
    CHECK(grid.without_previous[0].direction == "communities");
    CHECK(grid.without_previous[0].level == Level::medium);
    // Nothing else anywhere: "network" has no level this year.
    CHECK(all_placed(grid) == Ids{"communities", "diagnostics", "mastery", "staffing", "young"});
    CHECK(grid.has_cells());
    CHECK(grid.cells[0][2] == Ids{"diagnostics"});  // rows[0] = high, columns[2] = better
    CHECK(grid.cells[2][1] == Ids{"young"});        // rows[2] = low, columns[1] = same
    CHECK(grid.cell(Level::none, Change::same).empty());

    SUBCASE("a wider band moves the small changes to «same»") {
        model::Rules rules;
        rules.direction_change_same = fraction(1, 2);
        StatusGrid wide = compute::status_grid(now, &before, rules);
        CHECK(wide.cell(Level::high, Change::worse).empty());
        CHECK(wide.cell(Level::high, Change::same) == Ids{"mastery"});       // -0.5 within 0.5
        CHECK(wide.cell(Level::high, Change::better) == Ids{"diagnostics"});  // +1
        CHECK(wide.cell(Level::medium, Change::same) == Ids{"staffing"});    // -0.25
    }
    SUBCASE("without a previous year every direction with a level is listed apart, none in the grid") {
        StatusGrid first = compute::status_grid(now, nullptr, model::Rules{});
        CHECK_FALSE(first.has_cells());
        Ids ids;
        for (const auto& d : first.without_previous) ids.push_back(d.direction);
        CHECK(ids == Ids{"diagnostics", "mastery", "young", "communities", "staffing"});
        CHECK(first.without_previous[0].level == Level::high);
        CHECK(first.without_previous[2].level == Level::low);
    }
}

TEST_CASE("summary: grid of a computed school across two years") {
    // Scores 0, 1, 2 give a direction mean of that score (mastery: the mean of two).
    auto data = make_dataset({
        make_year(2024, {rated_school("a", "A", {{"diag_coverage", 1},           // diagnostics 1
                                                 {"courses_share", 2},            // mastery (2 + 2) / 2 = 2
                                                 {"competitions_share", 2},
                                                 {"mentors_share", 0}})}),        // young 0
        make_year(2025, {rated_school("a", "A", {{"diag_coverage", 2},           // diagnostics 2: high, better
                                                 {"courses_share", 2},            // mastery (2 + 1) / 2 = 1.5: high, worse
                                                 {"competitions_share", 1},
                                                 {"mentors_share", 0},            // young 0: low, same
                                                 {"network_share", 1}}),          // communities 1: medium, new
                         rated_school("b", "A", {{"diag_coverage", 0}})}),        // b: not in 2024
    });
    auto c = test::run_default(data);
    StatusGrid grid = compute::status_grid(c.grouping(2025, "a"), c.year(2024).grouping("a"), c.rules);
    CHECK(grid.cell(Level::high, Change::better) == Ids{"diagnostics"});
    CHECK(grid.cell(Level::high, Change::worse) == Ids{"mastery"});
    CHECK(grid.cell(Level::low, Change::same) == Ids{"young"});
    REQUIRE(grid.without_previous.size() == 1);
    CHECK(grid.without_previous[0].direction == "communities");
    CHECK(grid.without_previous[0].level == Level::medium);
    CHECK(all_placed(grid) == Ids{"communities", "diagnostics", "mastery", "young"});
    // The grid's levels are the results' direction levels, the ones the tables show.
    for (const auto& d : c.grouping(2025, "a").directions)
        for (std::size_t r = 0; r < StatusGrid::rows.size(); ++r)
            for (const auto& cell : grid.cells[r])
                for (const auto& id : cell)
                    if (id == d.direction) CHECK(d.level == StatusGrid::rows[r]);

    StatusGrid b = compute::status_grid(c.grouping(2025, "b"), c.year(2024).grouping("b"), c.rules);
    CHECK_FALSE(b.has_cells());
    REQUIRE(b.without_previous.size() == 1);
    CHECK(b.without_previous[0].direction == "diagnostics");
    CHECK(b.without_previous[0].level == Level::low);
}

TEST_CASE("summary: schools per group, per direction level and per indicator level; ranked schools") {
    auto data = make_dataset({make_year(2025, {
        rated_school("h", "A", {{"diag_coverage", 2}, {"courses_share", 2}}),    // composite 100: high
        rated_school("m", "A", {{"diag_coverage", 1}, {"courses_share", 1}}),    // 50: medium
        rated_school("l1", "A", {{"diag_coverage", 0}, {"courses_share", 0}}),   // 0: low
        rated_school("l2", "A", {{"diag_coverage", 0}}),                         // 0: low, no mastery
        make_school("z", "A", {{"teachers_total", 100}}),                        // nothing rated: no group, no rank
    })});
    auto c = test::run_default(data);
    const auto& year = c.year(2025);

    auto groups = compute::group_counts(year);
    CHECK(groups.high == 1);
    CHECK(groups.medium == 1);
    CHECK(groups.low == 2);
    CHECK(groups.none == 1);
    CHECK(groups.total() == 5);
    CHECK(groups.of(Level::low) == 2);
    CHECK(groups.of(Level::none) == 1);

    auto diagnostics = compute::direction_counts(year, "diagnostics");
    CHECK(diagnostics.high == 1);
    CHECK(diagnostics.medium == 1);
    CHECK(diagnostics.low == 2);
    CHECK(diagnostics.none == 1);  // z
    auto mastery = compute::direction_counts(year, "mastery");
    CHECK(mastery.high == 1);
    CHECK(mastery.medium == 1);
    CHECK(mastery.low == 1);
    CHECK(mastery.none == 2);  // l2, z

    // diag_coverage: z has teachers but no «diagnosed»: no data, not counted.
    auto coverage = compute::indicator_counts(year, test::indicator_index(c.catalogue, "diag_coverage"));
    CHECK(coverage.high == 1);
    CHECK(coverage.medium == 1);
    CHECK(coverage.low == 2);
    CHECK(coverage.none == 0);
    CHECK(coverage.total() == 4);
    auto courses = compute::indicator_counts(year, test::indicator_index(c.catalogue, "courses_share"));
    CHECK(courses.total() == 3);  // h, m, l1

    CHECK(compute::ranked_count(year) == 4);  // every school but z
    int ranked = 0;
    for (const auto& g : year.groupings) ranked += g.rank > 0 ? 1 : 0;
    CHECK(ranked == 4);
    CHECK(c.grouping(2025, "z").rank == 0);
    CHECK(c.grouping(2025, "l2").rank == 3);  // ties share a rank: 1, 2, 3, 3
}
