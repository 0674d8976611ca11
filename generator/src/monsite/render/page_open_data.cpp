#include "monsite/render/site_builder.hpp"

#include "monsite/render/prose.hpp"

namespace monsite::render {

using json = nlohmann::ordered_json;

namespace {

// A column of an open-data file and its description (key data_col_<file>_<column>).
json column(const std::string& name, const std::string& text) { return {{"name", name}, {"text", text}}; }

}  // namespace

void SiteBuilder::open_data(const YearView& y) {
    json body;
    body["files"] = json::array(
        {json{{"href", href("data/indicators.csv")}, {"name", "indicators.csv"}, {"text", text("data_file_indicators")}},
         json{{"href", href("data/schools.csv")}, {"name", "schools.csv"}, {"text", text("data_file_schools")}},
         json{{"href", href("data/recommendations.csv")}, {"name", "recommendations.csv"}, {"text", text("data_file_recommendations")}},
         json{{"href", href("data/monitoring.xlsx")}, {"name", "monitoring.xlsx"}, {"text", text("data_file_xlsx")}},
         json{{"href", href("data/site.json")}, {"name", "site.json"}, {"text", text("data_file_site_json")}}});
    json indicator_columns = json::array();
    for (const char* name : {"year", "scope", "entity_id", "indicator_id", "value", "numerator", "denominator", "level"})
        indicator_columns.push_back(column(name, text("data_col_indicators_" + std::string(name))));
    indicator_columns.push_back(
        column("note", texts().fill("data_col_indicators_note", {{"min_group", std::to_string(in_.rules.min_group)}})));
    body["indicator_columns"] = std::move(indicator_columns);
    json school_columns = json::array();
    for (const char* name : {"year", "school_id", "name", "type", "cluster", "composite", "group", "rank"})
        school_columns.push_back(column(name, text("data_col_schools_" + std::string(name))));
    body["school_columns"] = std::move(school_columns);
    json recommendation_columns = json::array();
    for (const char* name : {"year", "school_id", "addressee", "rule_id", "priority", "reason"})
        recommendation_columns.push_back(column(name, text("data_col_recommendations_" + std::string(name))));
    body["recommendation_columns"] = std::move(recommendation_columns);
    json ids = json::array();
    for (std::size_t i = 0; i < in_.catalogue.indicators.size(); ++i) {
        const auto& ind = in_.catalogue.indicators[i];
        ids.push_back({{"id", ind.id}, {"title", ind.title}, {"unit", unit_label(texts(), ind)}});
        // An indicator without a value this year has no page (page_indicator.cpp): no link to it.
        if (y.results.municipality.values[i]) ids.back()["href"] = indicator_href(y, ind.id);
    }
    body["indicators"] = std::move(ids);
    emit(y, "open-data/", "open-data/", text("title_open_data"), text("description_open_data"), "open_data",
         std::move(body), year_switcher(y, ""), crumbs(y, {}));
}
}  // namespace monsite::render
