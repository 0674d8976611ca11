#include "monsite/render/site_builder.hpp"

#include <algorithm>
#include <vector>

#include "monsite/compute/summary.hpp"
#include "monsite/render/format.hpp"
#include "monsite/render/prose.hpp"
#include "monsite/render/school_downloads.hpp"
#include "monsite/render/views.hpp"
#include "monsite/util/number_format.hpp"
#include "monsite/util/slug.hpp"

namespace monsite::render {

using json = nlohmann::ordered_json;
using model::Indicator;

namespace {

// Text the template ends with a full stop, without its own final one ("by 1 May." -> "by 1 May"):
// one full stop, never two.
std::string before_stop(const std::string& text) {
    return text.ends_with('.') ? text.substr(0, text.size() - 1) : text;
}

json measure_view(const config::TextCatalogue& texts, const model::Measure& m) {
    const auto* d = m.direction.empty() ? nullptr : model::find_direction(m.direction);
    return {{"measure", m.measure},       {"kind", m.kind},
            {"direction", d ? direction_name(texts, d->id) : ""}, {"period", before_stop(m.period)},
            {"responsible", before_stop(m.responsible)}, {"document", before_stop(m.document)}};
}

}  // namespace

void SiteBuilder::school(const YearView& y, const model::SchoolYear& s) {
    const auto* g = y.results.grouping(s.school_id);
    const auto* values = y.results.school(s.school_id);
    const model::EntityValues* cluster = nullptr;
    for (const auto& c : y.results.clusters)
        if (c.id == s.cluster) cluster = &c;
    json body = school_card(y, s);
    body["values_heading"] = year_text("school_values_heading", y.year);
    body["no_measures"] = year_text("school_no_measures", y.year);
    body["recommendations"] = school_recommendations(y, s.school_id);
    body["has_recommendations"] = !body["recommendations"].empty();
    body["changes"] = school_changes(y, *g);
    body["strengths"] = school_strengths(y, *g);
    body["has_strengths"] = !body["strengths"].empty();

    json directions = json::array();
    for (const auto& d : model::directions()) {
        json rows = json::array();
        for (auto i : indicators_of(std::string(d.id))) {
            if (!values->values[i]) continue;
            const Indicator& ind = in_.catalogue.indicators[i];
            json row = indicator_row(y, i, *values);
            row["municipal"] = value_view(texts(), ind, y.results.municipality.values[i]).to_json();
            row["cluster"] = cluster ? value_view(texts(), ind, cluster->values[i]).to_json() : json(nullptr);
            rows.push_back(std::move(row));
        }
        if (rows.empty()) continue;
        auto level = std::find_if(g->directions.begin(), g->directions.end(),
                                  [&](const auto& x) { return x.direction == d.id; });
        directions.push_back({{"name", direction_name(texts(), d.id)},
                              {"level", level != g->directions.end() ? level_badge(texts(), level->level) : json(nullptr)},
                              {"indicators", std::move(rows)}});
    }
    body["directions"] = std::move(directions);
    body["grid"] = status_grid(y, s.school_id);
    body["trends"] = school_trends(y, s.school_id);
    body["composite_chart"] = composite_chart(y, s.school_id, s.short_name);

    body["partners"] = school_partners(y, *g);
    body["has_partners"] = !g->partners.empty();
    body["is_low"] = g->group == model::Level::low;

    json measures = json::array();
    for (const model::Measure* m : measures_of(y, s.school_id)) measures.push_back(measure_view(texts(), *m));
    body["has_measures"] = !measures.empty();
    body["measures"] = std::move(measures);

    if (y.results.has_subjects)
        for (const auto& ss : y.results.school_subjects)
            if (ss.school_id == s.school_id) {
                body["subjects"] = subject_rows(ss.subjects);
                body["has_subjects"] = !ss.subjects.empty();
            }
    json downloads = json::array();
    // Only the latest year is printed (monsite pdf), and only with build --pdf.
    if (in_.site.pdf && y.latest)
        downloads.push_back({{"href", href(school_pdf_path(s.school_id, y.year))},
                             {"label", year_text("download_school_pdf", y.year)}});
    for (auto& d : json::array({json{{"href", href(school_xlsx_path(s.school_id, y.year))},
                                          {"label", year_text("download_school_xlsx", y.year)}},
                                     json{{"href", href(school_csv_path(s.school_id, y.year))},
                                          {"label", year_text("download_school_csv", y.year)}},
                                     json{{"href", href("data/indicators.csv")}, {"label", text("download_all_csv")}},
                                json{{"href", href("data/monitoring.xlsx")}, {"label", text("download_all_xlsx")}}}))
        downloads.push_back(std::move(d));
    body["downloads"] = std::move(downloads);
    std::string path = y.prefix + school_path(s.school_id);
    emit(y, path, "schools/", s.short_name + " — " + std::to_string(y.year),
         texts().fill("description_school", {{"school", s.name}, {"year", std::to_string(y.year)}}), "school",
         std::move(body), year_switcher(y, school_path(s.school_id),
                       [&s](const model::YearData& d) { return d.find_school(s.school_id) != nullptr; }),
         crumbs(y, {{year_href(y, "schools/"), text("nav_schools")}}));
}

// The level of each direction now against its change since last year, as
// compute::status_grid places them (rows high, medium, low; columns worse, same, better).
json SiteBuilder::status_grid(const YearView& y, const std::string& school_id) const {
    const auto* before = y.previous ? y.previous->grouping(school_id) : nullptr;
    const compute::StatusGrid grid = compute::status_grid(*y.results.grouping(school_id), before, in_.rules);
    auto name_of = [&](const std::string& id) { return direction_name(texts(), id); };
    json rows = json::array();
    for (std::size_t r = 0; r < grid.rows.size(); ++r) {
        json row_cells = json::array();
        for (std::size_t c = 0; c < grid.columns.size(); ++c) {
            json names = json::array();
            for (const auto& id : grid.cells[r][c]) names.push_back(name_of(id));
            // Colour from worst (0: low and worse) to best (4: high and better).
            row_cells.push_back({{"colour", grid.rows.size() - 1 - r + c}, {"names", std::move(names)}});
        }
        rows.push_back({{"status", level_text(texts(), grid.rows[r])}, {"level", model::to_string(grid.rows[r])},
                        {"cells", std::move(row_cells)}});
    }
    json without_change = json::array();
    for (const auto& d : grid.without_previous)
        without_change.push_back({{"name", name_of(d.direction)}, {"status", level_text(texts(), d.level)}});
    // In the order of compute::StatusGrid::columns: worse, same, better.
    json columns = json::array({text("grid_change_worse"), text("grid_change_same"), text("grid_change_better")});
    const std::string same = decimal_text(texts(), in_.rules.direction_change_same, 2);
    const std::string high = decimal_text(texts(), in_.rules.direction_high, 2);
    const std::string low = decimal_text(texts(), in_.rules.direction_low, 2);
    return {{"has_grid", grid.has_cells()}, {"columns", std::move(columns)}, {"rows", std::move(rows)},
            {"lead", texts().fill("school_grid_lead", {{"high", high}, {"low", low}, {"same", same}})},
            {"same", same}, {"direction_high", high}, {"direction_low", low},
            {"without_change", std::move(without_change)}, {"has_without_change", !grid.without_previous.empty()}};
}

json SiteBuilder::school_trends(const YearView& y, const std::string& school_id) const {
    std::vector<int> years;
    for (int year : in_.site.years)
        if (year <= y.year && in_.results.find_year(year) &&
            in_.results.find_year(year)->school(school_id))
            years.push_back(year);
    json header = json::array();
    for (int year : years) header.push_back(std::to_string(year));
    json rows = json::array();
    for (std::size_t i = 0; i < in_.catalogue.indicators.size(); ++i) {
        const Indicator& ind = in_.catalogue.indicators[i];
        if (!ind.school_scope || !ind.rated()) continue;
        json cells = json::array();
        bool any = false;
        for (int year : years) {
            const auto* e = in_.results.find_year(year)->school(school_id);
            const ValueView view = value_view(texts(), ind, e->values[i]);
            any = any || view.has_value();
            cells.push_back(view.text);
        }
        if (any) rows.push_back({{"title", ind.short_title}, {"href", indicator_href(y, ind.id)}, {"cells", std::move(cells)}});
    }
    return {{"years", std::move(header)}, {"rows", std::move(rows)}, {"has_years", years.size() > 1}};
}

json SiteBuilder::composite_chart(const YearView& y, const std::string& school_id, const std::string& name) {
    std::vector<ChartPoint> points;
    json rows = json::array();
    for (int year : in_.site.years) {
        if (year > y.year) break;
        const auto* r = in_.results.find_year(year);
        const auto* gr = r ? r->grouping(school_id) : nullptr;
        if (!gr) continue;
        std::string shown = gr->composite ? decimal_text(texts(), *gr->composite, 2) : text("no_data");
        points.push_back({std::to_string(year), gr->composite ? std::optional<double>(data_double(*gr->composite, 2)) : std::nullopt,
                          model::to_string(gr->group), shown, year == y.year});
        rows.push_back({{"cells", {std::to_string(year), shown, group_name(texts(), gr->group)}}});
    }
    ChartFrame frame{text("school_composite_title"), texts().fill("school_composite_description", {{"school", name}}),
                     text("col_score"), true};
    return chart(trend_chart(texts(), frame, points, group_rules(texts(), in_.rules)), frame,
                 table(text("school_composite_title"), {text("col_year"), text("col_score"), text("col_group")}, rows));
}

// A school's measures in file order. The index of a year is built once per
// builder (thread), so a page costs its own measures, not the whole year's.
const std::vector<const model::Measure*>& SiteBuilder::measures_of(const YearView& y, const std::string& school_id) {
    auto [index, fresh] = measure_index_.try_emplace(y.year);
    if (fresh)
        for (const auto& m : y.data.measures) index->second[m.school_id].push_back(&m);
    static const std::vector<const model::Measure*> none;
    auto it = index->second.find(school_id);
    return it == index->second.end() ? none : it->second;
}
}  // namespace monsite::render
