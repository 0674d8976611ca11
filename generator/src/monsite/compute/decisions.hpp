#pragma once
// What the decisions pages say about a year, decided here so render only shows
// it: the measures table's rows judged a year later, the schools behind each problem
// zone, group moves, partner pairs (docs/recommendations.md). Pure; no words.

#include <optional>
#include <string>
#include <vector>

#include "monsite/model/dataset.hpp"
#include "monsite/model/indicator.hpp"
#include "monsite/model/recommendation.hpp"
#include "monsite/model/results.hpp"
#include "monsite/model/rules.hpp"

namespace monsite::compute {

// The measures of results.years[year] tied to an indicator or a direction, in
// the order of the year's measures, each judged by comparing year+1 with year
// (indicator: indicator_change; direction: change_of on the mean score).
std::vector<model::MeasureEffect> measure_effects(const model::Dataset& data, const model::Results& results,
                                                  std::size_t year, const model::Catalogue& catalogue,
                                                  const model::Rules& rules);

// A school whose effectiveness group changed since last year.
struct GroupMoveRow {
    std::string school_id;
    model::GroupMove move = model::GroupMove::down;
    model::Level before = model::Level::none, now = model::Level::none;
    std::optional<model::Exact> composite_before, composite_now;
};
// By school_id; empty without a previous year.
std::vector<GroupMoveRow> group_moves(const model::YearResults& now, const model::YearResults* previous);
// The move of one school's group, if it changed (both years need a group).
std::optional<model::GroupMove> group_move(const model::SchoolGrouping& now, const model::SchoolGrouping* before);

// The schools whose published level in the indicator (catalogue index) is low, by school_id.
std::vector<std::string> low_schools(const model::YearResults& year, std::size_t indicator);

}  // namespace monsite::compute
