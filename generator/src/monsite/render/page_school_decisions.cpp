// The school page's parts that turn numbers into decisions: its recommendations
// by addressee, partner schools with their values, strong directions, and what
// changed since last year.

#include "monsite/render/site_builder.hpp"

#include "monsite/compute/decisions.hpp"
#include "monsite/compute/summary.hpp"
#include "monsite/render/format.hpp"
#include "monsite/render/prose.hpp"
#include "monsite/render/recommendation_view.hpp"
#include "monsite/render/views.hpp"

namespace monsite::render {

using json = nlohmann::ordered_json;
using model::Level;

json SiteBuilder::school_recommendations(const YearView& y, const std::string& school_id) const {
    json groups = json::array();
    const auto* decisions = in_.decisions_of(y.year);
    for (model::Addressee a : model::all_addressees) {
        json items = json::array();
        if (decisions)
            for (const auto& m : decisions->recommendations)
                if (m.school_id == school_id && in_.recommendations[m.rule].addressee == a)
                    items.push_back(recommendation_view(in_, m, y.year).to_json());
        if (items.empty()) continue;
        const std::string id = model::to_string(a);
        groups.push_back({{"addressee", id}, {"name", text("addressee_" + id)}, {"items", std::move(items)}});
    }
    return groups;
}

// A direction's rated indicators of one school in one line: "Short title: value; ...".
std::string SiteBuilder::direction_values(const YearView& y, const std::string& school_id,
                                          const std::string& direction) const {
    std::string out;
    const auto* values = y.results.school(school_id);
    if (!values) return out;
    for (auto i : indicators_of(direction)) {
        const auto& ind = in_.catalogue.indicators[i];
        if (!ind.rated() || !values->values[i]) continue;
        const ValueView v = value_view(texts(), ind, values->values[i]);
        if (!v.has_value()) continue;
        if (!out.empty()) out += "; ";
        out += texts().fill("school_value_pair", {{"indicator", ind.short_title}, {"value", v.text}});
    }
    return out;
}

json SiteBuilder::school_partners(const YearView& y, const model::SchoolGrouping& g) const {
    json rows = json::array();
    for (const auto& p : g.partners) {
        const auto* own = model::direction_of(&g, p.direction);
        json partners = json::array();
        for (const auto& id : p.partners) {
            const auto* other = y.data.find_school(id);
            const auto* og = y.results.grouping(id);
            const auto* d = model::direction_of(og, p.direction);
            partners.push_back({{"name", other->short_name},
                                {"href", school_href(y, id)},
                                {"cluster", other->cluster},
                                {"level", d ? level_badge(texts(), d->level) : json(nullptr)},
                                {"mean", d && d->mean ? decimal_text(texts(), *d->mean, 2) : text("no_data")},
                                {"values_text", direction_values(y, id, p.direction)}});
        }
        rows.push_back({{"direction", direction_name(texts(), p.direction)},
                        {"own_mean", own && own->mean ? decimal_text(texts(), *own->mean, 2) : text("no_data")},
                        {"own_values_text", direction_values(y, g.school_id, p.direction)},
                        {"schools", std::move(partners)}});
    }
    return rows;
}

json SiteBuilder::school_strengths(const YearView& y, const model::SchoolGrouping& g) const {
    json rows = json::array();
    for (const auto& d : g.directions) {
        if (d.level != Level::high) continue;
        rows.push_back({{"direction", direction_name(texts(), d.direction)},
                        {"mean", d.mean ? decimal_text(texts(), *d.mean, 2) : text("no_data")},
                        {"values_text", direction_values(y, g.school_id, d.direction)}});
    }
    return rows;
}

json SiteBuilder::school_changes(const YearView& y, const model::SchoolGrouping& g) const {
    const auto* before = y.previous ? y.previous->grouping(g.school_id) : nullptr;
    if (!before) return {{"has_previous", false}, {"first", year_text("school_changes_first", y.year)}};
    json items = json::array();
    const auto move = compute::group_move(g, before);
    const std::string group_before = group_name(texts(), before->group), group_now = group_name(texts(), g.group);
    if (move == model::GroupMove::down)
        items.push_back(texts().fill("school_changes_group_down", {{"before", group_before}, {"now", group_now}}));
    else if (move == model::GroupMove::up)
        items.push_back(texts().fill("school_changes_group_up", {{"before", group_before}, {"now", group_now}}));
    else if (g.group != Level::none)
        items.push_back(texts().fill("school_changes_group_same", {{"group", group_now}}));
    if (g.rank > 0 && before->rank > 0) {
        const std::string rank_before = std::to_string(before->rank), rank_now = std::to_string(g.rank);
        if (g.rank < before->rank)
            items.push_back(texts().fill("school_changes_rank_up", {{"before", rank_before}, {"now", rank_now}}));
        else if (g.rank > before->rank)
            items.push_back(texts().fill("school_changes_rank_down", {{"before", rank_before}, {"now", rank_now}}));
        else
            items.push_back(texts().fill("school_changes_rank_same", {{"now", rank_now}}));
    }
    const compute::StatusGrid grid = compute::status_grid(g, before, in_.rules);
    std::vector<std::string> better, worse;
    for (std::size_t r = 0; r < grid.rows.size(); ++r) {
        for (const auto& id : grid.cells[r][2]) better.push_back(direction_name(texts(), id));
        for (const auto& id : grid.cells[r][0]) worse.push_back(direction_name(texts(), id));
    }
    auto list = [this](const std::vector<std::string>& names) {
        std::string out;
        for (const auto& n : names) out += (out.empty() ? "" : ", ") + texts().fill("quoted", {{"text", n}});
        return out;
    };
    if (!better.empty()) items.push_back(texts().fill("school_changes_directions_better", {{"directions", list(better)}}));
    if (!worse.empty()) items.push_back(texts().fill("school_changes_directions_worse", {{"directions", list(worse)}}));
    if (better.empty() && worse.empty() && grid.has_cells()) items.push_back(text("school_changes_directions_same"));
    return {{"has_previous", true}, {"heading", year_text("school_changes_heading", y.previous->year)},
            {"items", std::move(items)}};
}

}  // namespace monsite::render
