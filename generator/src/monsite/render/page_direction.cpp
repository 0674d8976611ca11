#include "monsite/render/site_builder.hpp"

#include <algorithm>

#include "monsite/compute/summary.hpp"
#include "monsite/render/format.hpp"
#include "monsite/render/prose.hpp"
#include "monsite/render/summaries.hpp"
#include "monsite/render/views.hpp"

namespace monsite::render {

using json = nlohmann::ordered_json;
using model::Level;

// The direction's indicators with a municipal value: the indicator row and the
// number of schools at each level of it (the direction page and the report).
json SiteBuilder::direction_indicators(const YearView& y, const model::Direction& d) const {
    json rows = json::array();
    for (auto i : indicators_of(std::string(d.id))) {
        if (!y.results.municipality.values[i]) continue;
        json row = indicator_row(y, i, y.results.municipality);
        // Schools by level in this indicator.
        const compute::LevelCounts by_level = compute::indicator_counts(y.results, i);
        row["schools_high"] = by_level.high;
        row["schools_medium"] = by_level.medium;
        row["schools_low"] = by_level.low;
        rows.push_back(std::move(row));
    }
    return rows;
}

void SiteBuilder::direction(const YearView& y, const model::Direction& d) {
    json body;
    body["name"] = direction_name(texts(), d.id);
    body["text"] = direction_text(texts(), d.id);
    body["indicators_heading"] = year_text("area_indicators_heading", y.year);
    body["indicators"] = direction_indicators(y, d);
    json levels = json::array();
    for (const auto& g : y.results.groupings) {
        auto it = std::find_if(g.directions.begin(), g.directions.end(),
                               [&](const auto& x) { return x.direction == d.id; });
        if (it == g.directions.end() || it->level == Level::none) continue;
        const auto* s = y.data.find_school(g.school_id);
        levels.push_back({{"name", s->short_name},
                          {"href", school_href(y, s->school_id)},
                          {"level", level_badge(texts(), it->level)},
                          {"mean", decimal_text(texts(), *it->mean, 2)}});
        if (in_.site.large) levels.back()["mean_value"] = it->mean->to_fixed(4);
    }
    if (in_.site.large) {
        // The 10 highest and the 10 lowest mean scores, highest first.
        std::vector<std::optional<double>> means;
        for (const auto& row : levels) means.push_back(std::stod(row["mean_value"].get<std::string>()));
        const TopBottom tb = top_bottom(means, large_rows() / 2);
        json shown = json::array();
        for (std::size_t k : tb.top) shown.push_back(levels[k]);
        for (auto k = tb.bottom.rbegin(); k != tb.bottom.rend(); ++k) shown.push_back(levels[*k]);
        for (auto& row : shown) row.erase("mean_value");
        levels = std::move(shown);
        large_note(y, body);
    }
    body["schools"] = std::move(levels);
    std::string path = y.prefix + "directions/" + std::string(d.id) + "/";
    emit(y, path, "", direction_name(texts(), d.id) + " — " + std::to_string(y.year), direction_text(texts(), d.id),
         "direction", std::move(body), year_switcher(y, "directions/" + std::string(d.id) + "/"),
         crumbs(y, {}));
}
}  // namespace monsite::render
