#include "monsite/render/site_builder.hpp"

#include "monsite/render/format.hpp"
#include "monsite/render/prose.hpp"
#include "monsite/render/views.hpp"

namespace monsite::render {

using json = nlohmann::ordered_json;
using model::Indicator;

void SiteBuilder::indicator(const YearView& y, std::size_t i) {
    const Indicator& ind = in_.catalogue.indicators[i];
    if (!y.results.municipality.values[i]) return;  // does not apply this year
    json body;
    body["title"] = ind.title;
    body["description"] = ind.description;
    body["formula"] = ind.formula.text;
    body["formula_words"] = formula_in_words(ind);
    body["unit"] = unit_label(ind);
    body["thresholds"] = thresholds_text(ind);
    body["sensitive"] = ind.sensitive;
    body["min_group"] = in_.rules.min_group;
    body["school_scope"] = ind.school_scope;
    const auto* dir = model::find_direction(ind.direction);
    body["direction"] = {{"name", dir->name}, {"href", year_href(y, "directions/" + ind.direction + "/")}};
    body["municipal"] = value_view(ind, y.results.municipality.values[i]);
    const bool percent = ind.unit == model::Unit::percent;
    const std::string axis = ind.unit == model::Unit::percent ? "Значение, %" : "Значение";

    // Trend over the published years up to this one.
    std::vector<ChartPoint> trend;
    json trend_rows = json::array();
    for (int year : in_.site.years) {
        if (year > y.year) break;
        const auto* r = in_.results.find_year(year);
        if (!r || !r->municipality.values[i]) continue;
        const auto& v = r->municipality.values[i];
        json view = value_view(ind, v);
        trend.push_back({std::to_string(year), chart_value(ind, v), model::to_string(v->level),
                         view["text"].get<std::string>(), year == y.year});
        trend_rows.push_back({{"cells", {std::to_string(year), view["text"].get<std::string>(),
                                         v->has_value() ? level_text(v->level) : "",
                                         v->change ? ru_change(ind, *v->change) : ""}}});
    }
    ChartFrame trend_frame{"Динамика по округу", "Значение показателя «" + ind.short_title + "» по округу по годам.",
                           axis, percent};
    body["trend_chart"] =
        chart(trend_chart(trend_frame, trend, level_rules(ind)), trend_frame,
              table("Значение по округу по годам", {"Год", "Значение", "Уровень", "Изменение за год"}, trend_rows));

    // Clusters against the municipality.
    const std::string municipal_text = body["municipal"]["text"].get<std::string>();
    std::vector<ChartPoint> bars;
    json cluster_rows = json::array();
    for (const auto& c : y.results.clusters) {
        json view = value_view(ind, c.values[i]);
        bars.push_back({c.id, chart_value(ind, c.values[i]), c.values[i] ? model::to_string(c.values[i]->level) : "",
                        view["text"].get<std::string>(), false});
        cluster_rows.push_back({{"cells", {c.id, view["text"].get<std::string>(),
                                           c.values[i] && c.values[i]->has_value() ? level_text(c.values[i]->level) : ""}}});
    }
    ChartFrame cluster_frame{"Сравнение кластеров",
                             "Значение показателя «" + ind.short_title + "» в каждом кластере; линия — значение по округу (" +
                                 municipal_text + ").",
                             axis, percent};
    body["cluster_chart"] = chart(bar_chart(cluster_frame, bars, chart_value(ind, y.results.municipality.values[i]),
                                            "Округ: " + municipal_text),
                                  cluster_frame, table("Значения по кластерам", {"Кластер", "Значение", "Уровень"}, cluster_rows));

    if (ind.school_scope) {
        std::vector<ChartPoint> schools;
        json school_rows = json::array();
        for (const auto& s : y.data.schools) {
            const auto* values = y.results.school(s.school_id);
            const auto& v = values->values[i];
            json view = value_view(ind, v);
            schools.push_back({s.short_name, chart_value(ind, v), v ? model::to_string(v->level) : "",
                               view["text"].get<std::string>(), false});
            school_rows.push_back({{"name", s.short_name},
                                   {"href", school_href(y, s.school_id)},
                                   {"cluster", s.cluster},
                                   {"value", view}});
        }
        ChartFrame schools_frame{"Все школы",
                                 "Значение показателя «" + ind.short_title +
                                     "» в каждой школе, по убыванию; линия — значение по округу (" + municipal_text + ").",
                                 axis, percent};
        // The table of every school right below holds this chart's data.
        json chart_table = {{"ref", "#schools-table"}, {"ref_label", "Значения по школам — в таблице ниже"}};
        body["schools_chart"] = chart(schools_chart(schools_frame, schools, chart_value(ind, y.results.municipality.values[i]),
                                                    "Округ: " + municipal_text),
                                      schools_frame, std::move(chart_table));
        body["schools"] = std::move(school_rows);
    }
    std::string path = y.prefix + "indicators/" + ind.id + "/";
    emit(y, path, "", ind.title + " — " + std::to_string(y.year), ind.description, "indicator", std::move(body),
         year_switcher(y, "indicators/" + ind.id + "/",
                       [&ind](const model::YearData& d) {
                           return ind.formula.kind != model::FormulaKind::teacher_mean || d.has_teachers;
                       }),
         crumbs(y, {{year_href(y, "directions/" + ind.direction + "/"), std::string(dir->name)}}));
}
}  // namespace monsite::render
