#include "monsite/render/site_builder.hpp"

#include <cstdio>

#include "monsite/render/format.hpp"
#include "monsite/render/prose.hpp"
#include "monsite/render/summaries.hpp"
#include "monsite/render/views.hpp"
#include "monsite/util/number_format.hpp"

namespace monsite::render {

using json = nlohmann::ordered_json;
using model::Indicator;

namespace {

// A bin's bound as the page writes it, with the indicator's decimals (trailing zeros dropped).
std::string bound_text(const config::TextCatalogue& texts, double value, int decimals) {
    char fixed[64];
    std::snprintf(fixed, sizeof fixed, "%.*f", decimals, value);
    return util::format_decimal(fixed, texts.language(), true);
}

}  // namespace

// A large site: the distribution of the schools' values by bins, the top and
// bottom 10, and the open data for every school's value.
void SiteBuilder::large_indicator_schools(const YearView& y, std::size_t i, json& body) {
    const Indicator& ind = in_.catalogue.indicators[i];
    const bool percent = ind.unit == model::Unit::percent;
    std::vector<std::optional<double>> numbers;
    std::vector<double> present;
    json rows = json::array();
    for (const auto& s : y.data.schools) {
        const auto& v = y.results.school(s.school_id)->values[i];
        const ValueView view = value_view(texts(), ind, v);
        numbers.push_back(view.number);
        if (view.number) present.push_back(*view.number);
        rows.push_back({{"name", s.short_name},
                        {"href", school_href(y, s.school_id)},
                        {"cluster", s.cluster},
                        {"value", view.to_json()}});
    }
    const int decimals = percent ? 0 : decimals_of(ind);
    std::vector<ChartPoint> bars;
    json bin_rows = json::array();
    for (const Bin& b : value_bins(present, percent)) {
        std::string label = texts().fill("indicator_bin", {{"from", bound_text(texts(), b.from, decimals)},
                                                          {"to", bound_text(texts(), b.to, decimals)}});
        const std::string count = texts().plural("school_count", static_cast<long long>(b.count));
        bars.push_back({label, static_cast<double>(b.count), "", count, false});
        bin_rows.push_back({{"cells", {label, count}}});
    }
    ChartFrame frame{text("indicator_distribution_title"),
                     texts().fill("indicator_distribution_description",
                                  {{"indicator", ind.short_title},
                                   {"schools", texts().plural("school_count", static_cast<long long>(present.size()))}}),
                     text("chart_school_count_axis"), false};
    body["schools_chart"] =
        chart(bar_chart(texts(), frame, bars, std::nullopt, ""), frame,
              table(text("indicator_distribution_table_caption"), {text("col_range"), text("col_schools")}, bin_rows));
    const TopBottom tb = top_bottom(numbers, 10);
    json top = json::array(), bottom = json::array();
    for (std::size_t k : tb.top) top.push_back(rows[k]);
    for (std::size_t k : tb.bottom) bottom.push_back(rows[k]);
    const std::string year = std::to_string(y.year);
    body["large"] = true;
    body["top_caption"] = texts().fill("indicator_top_caption", {{"year", year}});
    body["bottom_caption"] =
        texts().fill("indicator_bottom_caption", {{"year", year}});
    body["top"] = std::move(top);
    body["bottom"] = std::move(bottom);
    body["open_data_href"] = href("data/indicators.csv");
    body["schools_list_href"] = year_href(y, "schools/");
}

void SiteBuilder::indicator(const YearView& y, std::size_t i) {
    const Indicator& ind = in_.catalogue.indicators[i];
    if (!y.results.municipality.values[i]) return;  // does not apply this year
    const std::string year = std::to_string(y.year);
    json body;
    body["title"] = ind.title;
    body["description"] = ind.description;
    body["formula"] = ind.formula.text;
    body["formula_words"] = formula_in_words(texts(), ind);
    body["unit"] = unit_label(texts(), ind);
    body["thresholds"] = thresholds_text(texts(), ind);
    body["sensitive"] = ind.sensitive;
    body["min_group"] = in_.rules.min_group;
    body["privacy"] = texts().fill("indicator_privacy", {{"min_group", std::to_string(in_.rules.min_group)}});
    body["school_scope"] = ind.school_scope;
    body["direction"] = {{"name", direction_name(texts(), ind.direction)},
                         {"href", year_href(y, "directions/" + ind.direction + "/")}};
    const ValueView municipal = value_view(texts(), ind, y.results.municipality.values[i]);
    body["municipal"] = municipal.to_json();
    body["municipal_lead"] = texts().fill("indicator_municipal_value", {{"year", year}});
    body["schools_caption"] = texts().fill("indicator_schools_caption", {{"year", year}});
    const bool percent = ind.unit == model::Unit::percent;
    const std::string axis = text(percent ? "axis_value_percent" : "col_value");

    // Trend over the published years up to this one.
    std::vector<ChartPoint> trend;
    json trend_rows = json::array();
    for (int year_shown : in_.site.years) {
        if (year_shown > y.year) break;
        const auto* r = in_.results.find_year(year_shown);
        if (!r || !r->municipality.values[i]) continue;
        const auto& v = r->municipality.values[i];
        const ValueView view = value_view(texts(), ind, v);
        trend.push_back({std::to_string(year_shown), view.number, model::to_string(v->level), view.text,
                         year_shown == y.year});
        trend_rows.push_back({{"cells", {std::to_string(year_shown), view.text,
                                         view.has_value() ? level_text(texts(), v->level) : "", view.change_text}}});
    }
    ChartFrame trend_frame{text("indicator_trend_title"),
                           texts().fill("indicator_trend_description", {{"indicator", ind.short_title}}), axis, percent};
    body["trend_chart"] = chart(trend_chart(texts(), trend_frame, trend, level_rules(texts(), ind)), trend_frame,
                                table(text("indicator_trend_table_caption"),
                                      {text("col_year"), text("col_value"), text("col_level"), text("col_change")},
                                      trend_rows));

    // Clusters against the municipality.
    const std::string municipal_label = texts().fill("chart_municipal_rule", {{"value", municipal.text}});
    std::vector<ChartPoint> bars;
    json cluster_rows = json::array();
    for (const auto& c : y.results.clusters) {
        const ValueView view = value_view(texts(), ind, c.values[i]);
        bars.push_back({c.id, view.number, c.values[i] ? model::to_string(c.values[i]->level) : "", view.text, false});
        cluster_rows.push_back(
            {{"cells", {c.id, view.text, view.has_value() ? level_text(texts(), c.values[i]->level) : ""}}});
    }
    ChartFrame cluster_frame{text("indicator_clusters_title"),
                             texts().fill("indicator_clusters_description",
                                          {{"indicator", ind.short_title}, {"value", municipal.text}}),
                             axis, percent};
    body["cluster_chart"] =
        chart(bar_chart(texts(), cluster_frame, bars, municipal.number, municipal_label), cluster_frame,
              table(text("indicator_clusters_table_caption"), {text("col_cluster"), text("col_value"), text("col_level")},
                    cluster_rows));

    if (ind.school_scope && in_.site.large) {
        large_indicator_schools(y, i, body);
    } else if (ind.school_scope) {
        std::vector<ChartPoint> schools;
        json school_rows = json::array();
        for (const auto& s : y.data.schools) {
            const auto* values = y.results.school(s.school_id);
            const auto& v = values->values[i];
            const ValueView view = value_view(texts(), ind, v);
            schools.push_back({s.short_name, view.number, v ? model::to_string(v->level) : "", view.text, false});
            school_rows.push_back({{"name", s.short_name},
                                   {"href", school_href(y, s.school_id)},
                                   {"cluster", s.cluster},
                                   {"value", view.to_json()}});
        }
        ChartFrame schools_frame{text("indicator_schools_title"),
                                 texts().fill("indicator_schools_description",
                                              {{"indicator", ind.short_title}, {"value", municipal.text}}),
                                 axis, percent};
        // The table of every school right below holds this chart's data.
        json chart_table = {{"ref", "#schools-table"}, {"ref_label", text("indicator_schools_table_ref")}};
        body["schools_chart"] = chart(schools_chart(texts(), schools_frame, schools, municipal.number, municipal_label),
                                      schools_frame, std::move(chart_table));
        body["schools"] = std::move(school_rows);
    }
    std::string path = y.prefix + "indicators/" + ind.id + "/";
    emit(y, path, "", ind.title + " — " + year, ind.description, "indicator", std::move(body),
         year_switcher(y, "indicators/" + ind.id + "/",
                       [&ind](const model::YearData& d) {
                           return ind.formula.kind != model::FormulaKind::teacher_mean || d.has_teachers;
                       }),
         crumbs(y, {{year_href(y, "directions/" + ind.direction + "/"), direction_name(texts(), ind.direction)}}));
}
}  // namespace monsite::render
