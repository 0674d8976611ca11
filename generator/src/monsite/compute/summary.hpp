#pragma once
// What the pages say about a year's results, computed once here so render only
// displays it: a school's status x change grid of directions, how many schools
// fall in each level, how many are ranked. Pure functions over model::Results;
// they return ids and enums, never words.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "monsite/model/indicator.hpp"
#include "monsite/model/recommendation.hpp"
#include "monsite/model/results.hpp"
#include "monsite/model/rules.hpp"

namespace monsite::compute {

// How a direction's mean score (0..2) moved since last year: by at most
// rules.direction_change_same either way it stayed the same.
using Change = model::Change;
Change change_of(const model::Exact& now, const model::Exact& before, const model::Rules& rules);

// How an indicator's value moved since last year by the problem-zone rule
// (data-contract.md §6): against its better side by at least
// rules.problem_percent_points (percent units) or rules.problem_relative_percent
// of `before` (other units) is worse, as far the other way better, else same.
// An indicator with better = none is always same.
Change indicator_change(const model::Indicator& indicator, const model::Exact& now, const model::Exact& before,
                        const model::Rules& rules);

// The municipality's mean score (0..2: low 0, medium 1, high 2) in a direction,
// over the direction's rated indicators that have a municipal value; nullopt
// when none has. Its level uses the school thresholds (direction_level_of).
std::optional<model::Exact> municipal_direction_mean(const model::YearResults& year, const model::Catalogue& catalogue,
                                                     std::string_view direction);
// A direction mean score's level: high if >= rules.direction_high, low if < rules.direction_low.
model::Level direction_level_of(const model::Exact& mean, const model::Rules& rules);

// A school's directions by level now (rows) and change since last year (columns),
// after the California School Dashboard's status x change grid. The levels are
// the direction levels of the results, the three the tables show.
struct StatusGrid {
    static constexpr std::array<model::Level, 3> rows{model::Level::high, model::Level::medium, model::Level::low};
    static constexpr std::array<Change, 3> columns{Change::worse, Change::same, Change::better};

    struct Unchanged {  // a direction with a level now but no mean score last year
        std::string direction;
        model::Level level = model::Level::none;
    };

    // cells[row][column]: direction ids in contract order; row and column index rows and columns.
    std::array<std::array<std::vector<std::string>, 3>, 3> cells;
    std::vector<Unchanged> without_previous;  // contract order

    bool has_cells() const;  // some direction has both years
    const std::vector<std::string>& cell(model::Level level, Change change) const;
};

// The grid of one school: `now` its grouping this year, `before` last year's
// (nullptr: no previous year or the school was not in it). Directions without a
// level this year are in neither part.
StatusGrid status_grid(const model::SchoolGrouping& now, const model::SchoolGrouping* before,
                       const model::Rules& rules);

// Schools per level; `none` counts those without one.
struct LevelCounts {
    int high = 0, medium = 0, low = 0, none = 0;
    int of(model::Level level) const;
    int total() const { return high + medium + low + none; }
};

// Schools per effectiveness group (every grouping of the year).
LevelCounts group_counts(const model::YearResults& year);
// Schools per level in one direction (by id), every grouping of the year.
LevelCounts direction_counts(const model::YearResults& year, std::string_view direction);
// Schools per level of one indicator (catalogue index) among schools with a
// published value; schools without a value (no data, suppressed, n/a) are not counted.
LevelCounts indicator_counts(const model::YearResults& year, std::size_t indicator);
// The number of ranked schools (those with a composite score): the "of N" of a rank.
int ranked_count(const model::YearResults& year);

}  // namespace monsite::compute
