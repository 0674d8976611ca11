#include "monsite/compute/summary.hpp"

#include <algorithm>
#include <cstdint>

namespace monsite::compute {

using model::Exact;
using model::Level;

Change change_of(const Exact& now, const Exact& before, const model::Rules& rules) {
    Exact delta = now - before;
    if (delta > rules.direction_change_same) return Change::better;
    if (delta < Exact(0) - rules.direction_change_same) return Change::worse;
    return Change::same;
}

Change indicator_change(const model::Indicator& ind, const Exact& now, const Exact& before, const model::Rules& rules) {
    if (!ind.rated() || now == before) return Change::same;
    const bool up = now > before;
    const bool wrong = ind.better == model::Better::higher ? !up : up;
    const Exact size = up ? now - before : before - now;
    bool large = false;
    if (ind.unit == model::Unit::percent) {
        large = size >= rules.problem_percent_points;
    } else {
        const Exact base = before < Exact(0) ? Exact(0) - before : before;
        large = !base.is_zero() && size * Exact(100) >= base * rules.problem_relative_percent;
    }
    if (!large) return Change::same;
    return wrong ? Change::worse : Change::better;
}

std::optional<Exact> municipal_direction_mean(const model::YearResults& year, const model::Catalogue& catalogue,
                                              std::string_view direction) {
    std::int64_t sum = 0, count = 0;
    for (std::size_t i = 0; i < catalogue.indicators.size(); ++i) {
        const auto& ind = catalogue.indicators[i];
        if (ind.direction != direction || !ind.rated() || i >= year.municipality.values.size()) continue;
        const auto& v = year.municipality.values[i];
        if (!v || !v->has_value() || v->level == Level::none) continue;
        sum += v->level == Level::high ? 2 : v->level == Level::medium ? 1 : 0;
        ++count;
    }
    if (count == 0) return std::nullopt;
    return Exact::fraction(sum, count);
}

Level direction_level_of(const Exact& mean, const model::Rules& rules) {
    return mean >= rules.direction_high ? Level::high : mean < rules.direction_low ? Level::low : Level::medium;
}

namespace {

std::size_t row_of(Level level) {
    return static_cast<std::size_t>(std::find(StatusGrid::rows.begin(), StatusGrid::rows.end(), level) -
                                    StatusGrid::rows.begin());
}

std::size_t column_of(Change change) {
    return static_cast<std::size_t>(std::find(StatusGrid::columns.begin(), StatusGrid::columns.end(), change) -
                                    StatusGrid::columns.begin());
}

}  // namespace

bool StatusGrid::has_cells() const {
    for (const auto& row : cells)
        for (const auto& c : row)
            if (!c.empty()) return true;
    return false;
}

const std::vector<std::string>& StatusGrid::cell(Level level, Change change) const {
    static const std::vector<std::string> none;
    std::size_t r = row_of(level);
    return r < rows.size() ? cells[r][column_of(change)] : none;
}

StatusGrid status_grid(const model::SchoolGrouping& now, const model::SchoolGrouping* before,
                       const model::Rules& rules) {
    StatusGrid grid;
    for (const auto& d : now.directions) {
        if (!d.mean || d.level == Level::none) continue;
        const model::DirectionLevel* last = model::direction_of(before, d.direction);
        if (!last || !last->mean) {
            grid.without_previous.push_back({d.direction, d.level});
            continue;
        }
        grid.cells[row_of(d.level)][column_of(change_of(*d.mean, *last->mean, rules))].push_back(d.direction);
    }
    return grid;
}

int LevelCounts::of(Level level) const {
    switch (level) {
    case Level::high: return high;
    case Level::medium: return medium;
    case Level::low: return low;
    case Level::none: return none;
    }
    return 0;
}

namespace {

void add(LevelCounts& counts, Level level) {
    switch (level) {
    case Level::high: ++counts.high; break;
    case Level::medium: ++counts.medium; break;
    case Level::low: ++counts.low; break;
    case Level::none: ++counts.none; break;
    }
}

}  // namespace

LevelCounts group_counts(const model::YearResults& year) {
    LevelCounts counts;
    for (const auto& g : year.groupings) add(counts, g.group);
    return counts;
}

LevelCounts direction_counts(const model::YearResults& year, std::string_view direction) {
    LevelCounts counts;
    for (const auto& g : year.groupings) {
        const model::DirectionLevel* d = model::direction_of(&g, direction);
        add(counts, d ? d->level : Level::none);
    }
    return counts;
}

LevelCounts indicator_counts(const model::YearResults& year, std::size_t indicator) {
    LevelCounts counts;
    for (const auto& s : year.schools)
        if (indicator < s.values.size() && s.values[indicator] && s.values[indicator]->has_value())
            add(counts, s.values[indicator]->level);
    return counts;
}

int ranked_count(const model::YearResults& year) {
    return static_cast<int>(std::count_if(year.groupings.begin(), year.groupings.end(),
                                          [](const model::SchoolGrouping& g) { return g.rank > 0; }));
}

}  // namespace monsite::compute
