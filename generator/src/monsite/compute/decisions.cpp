#include "monsite/compute/decisions.hpp"

#include "monsite/compute/summary.hpp"

namespace monsite::compute {

using model::Level;

namespace {

int rank_of_group(Level level) { return level == Level::high ? 3 : level == Level::medium ? 2 : level == Level::low ? 1 : 0; }

}  // namespace

std::optional<model::GroupMove> group_move(const model::SchoolGrouping& now, const model::SchoolGrouping* before) {
    if (!before || now.group == Level::none || before->group == Level::none || now.group == before->group)
        return std::nullopt;
    return rank_of_group(now.group) < rank_of_group(before->group) ? model::GroupMove::down : model::GroupMove::up;
}

std::vector<GroupMoveRow> group_moves(const model::YearResults& now, const model::YearResults* previous) {
    std::vector<GroupMoveRow> rows;
    if (!previous) return rows;
    for (const auto& g : now.groupings) {
        const auto* before = previous->grouping(g.school_id);
        auto move = group_move(g, before);
        if (!move) continue;
        rows.push_back({g.school_id, *move, before->group, g.group, before->composite, g.composite});
    }
    return rows;
}

std::vector<std::string> low_schools(const model::YearResults& year, std::size_t indicator) {
    std::vector<std::string> ids;
    for (const auto& s : year.schools)
        if (indicator < s.values.size() && s.values[indicator] && s.values[indicator]->has_value() &&
            s.values[indicator]->level == Level::low)
            ids.push_back(s.id);
    return ids;
}

}  // namespace monsite::compute
