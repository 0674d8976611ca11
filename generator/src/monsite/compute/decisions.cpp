#include "monsite/compute/decisions.hpp"

#include "monsite/compute/summary.hpp"

namespace monsite::compute {

using model::Level;
using model::Verdict;

namespace {

int rank_of_group(Level level) { return level == Level::high ? 3 : level == Level::medium ? 2 : level == Level::low ? 1 : 0; }

}  // namespace

namespace {

// The indicator's published value for the school (or the municipality when
// school_id is empty) in `year`; nullopt without one (no data, suppressed, n/a).
std::optional<model::Exact> indicator_value(const model::YearResults* year, const std::string& school_id,
                                            std::size_t indicator) {
    if (!year) return std::nullopt;
    const model::EntityValues* entity = school_id.empty() ? &year->municipality : year->school(school_id);
    const auto* v = model::published(entity, indicator);
    return v ? std::optional<model::Exact>(v->value) : std::nullopt;
}

// The direction's mean score (0..2) of the school, or of the municipality.
std::optional<model::Exact> direction_mean(const model::YearResults* year, const std::string& school_id,
                                           const std::string& direction, const model::Catalogue& catalogue) {
    if (!year) return std::nullopt;
    if (school_id.empty()) return municipal_direction_mean(*year, catalogue, direction);
    const auto* g = year->grouping(school_id);
    if (!g) return std::nullopt;
    for (const auto& d : g->directions)
        if (d.direction == direction) return d.mean;
    return std::nullopt;
}

}  // namespace

std::vector<model::MeasureEffect> measure_effects(const model::Dataset& data, const model::Results& results,
                                                  std::size_t year, const model::Catalogue& catalogue,
                                                  const model::Rules& rules) {
    std::vector<model::MeasureEffect> effects;
    if (year >= results.years.size()) return effects;
    const model::YearResults& now = results.years[year];
    const model::YearData* plan = data.find_year(now.year);
    if (!plan) return effects;
    const model::YearResults* before = results.find_year(now.year - 1);
    const model::YearResults* after = results.find_year(now.year + 1);
    for (std::size_t k = 0; k < plan->measures.size(); ++k) {
        const model::Measure& m = plan->measures[k];
        const model::Indicator* ind = m.indicator.empty() ? nullptr : catalogue.find(m.indicator);
        if (!ind && m.direction.empty()) continue;  // tied to neither
        model::MeasureEffect e;
        e.measure = k;
        e.school_id = m.school_id;
        if (ind) {
            e.indicator = static_cast<std::size_t>(ind - catalogue.indicators.data());
            e.direction = ind->direction;
            e.before = indicator_value(before, m.school_id, e.indicator);
            e.during = indicator_value(&now, m.school_id, e.indicator);
            e.after = indicator_value(after, m.school_id, e.indicator);
        } else {
            e.direction = m.direction;
            e.before = direction_mean(before, m.school_id, m.direction, catalogue);
            e.during = direction_mean(&now, m.school_id, m.direction, catalogue);
            e.after = direction_mean(after, m.school_id, m.direction, catalogue);
        }
        if (e.during && e.after) e.change = *e.after - *e.during;
        if (ind && !ind->rated())
            e.verdict = Verdict::not_rated;
        else if (!after)
            e.verdict = Verdict::too_early;
        else if (!e.change)
            e.verdict = Verdict::no_data;
        else {
            const Change c = ind ? indicator_change(*ind, *e.after, *e.during, rules) : change_of(*e.after, *e.during, rules);
            e.verdict = c == Change::better ? Verdict::improved : c == Change::worse ? Verdict::worsened : Verdict::unchanged;
        }
        effects.push_back(std::move(e));
    }
    return effects;
}

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
