// The municipal annual report (/report/, latest year only): one page made to be
// printed as the report's PDF (pdf/ prints it). A title page, the contents (its
// .toc-page spans stay empty: pdf/ fills them with page numbers), the overview,
// the seven directions, groups and rating, problem zones, recommendations and
// the plan, the measures' effectiveness, the methodology and an appendix of
// every school. Every part comes from the builders of the other pages
// (site_builder.hpp) and is shown with their partials.

#include <string>
#include <utility>

#include "monsite/compute/summary.hpp"
#include "monsite/render/format.hpp"
#include "monsite/render/prose.hpp"
#include "monsite/render/site_builder.hpp"
#include "monsite/render/views.hpp"
#include "monsite/util/number_format.hpp"

namespace monsite::render {

using json = nlohmann::ordered_json;
using model::Level;

namespace {

// The report's sections in order: the id of each h2 (report-<id>) and the
// catalogue key of its heading (the template shows the same key).
constexpr std::pair<const char*, const char*> kSections[] = {
    {"overview", "report_overview_heading"},
    {"directions", "report_directions_heading"},
    {"groups", "report_groups_heading"},
    {"zones", "decisions_zones_heading"},
    {"recommendations", "report_recommendations_heading"},
    {"effectiveness", "report_effectiveness_heading"},
    {"methodology", "report_methodology_heading"},
    {"appendix", "report_appendix_heading"},
};

std::string direction_anchor(std::string_view id) { return "report-direction-" + std::string(id); }

}  // namespace

// The overview: a lead, the facts (schools, teachers when known, groups, ranked
// schools, problem zones, measures) and the municipality's mean score and level
// in each direction.
json SiteBuilder::report_overview(const YearView& y) const {
    const auto lang = texts().language();
    auto number = [&](std::size_t n) { return util::format_integer(static_cast<std::int64_t>(n), lang); };
    json facts = json::array();
    auto fact = [&](const std::string& label, std::string value) {
        facts.push_back({{"label", label}, {"value", std::move(value)}});
    };
    fact(text("report_fact_schools"), number(y.data.schools.size()));
    if (y.data.has_teachers) fact(text("report_fact_teachers"), number(y.data.teachers.size()));
    const compute::LevelCounts groups = compute::group_counts(y.results);
    for (Level level : {Level::high, Level::medium, Level::low})
        fact(group_name(texts(), level), number(static_cast<std::size_t>(groups.of(level))));
    fact(text("report_fact_ranked"), number(static_cast<std::size_t>(y.ranked)));
    fact(text("report_fact_zones"), number(y.results.problem_zones.size()));
    fact(text("report_fact_measures"), number(y.data.measures.size()));

    json directions = json::array();
    for (const auto& d : model::directions()) {
        const auto mean = compute::municipal_direction_mean(y.results, in_.catalogue, d.id);
        directions.push_back({{"anchor", direction_anchor(d.id)},
                              {"name", direction_name(texts(), d.id)},
                              {"mean", mean ? decimal_text(texts(), *mean, 2) : text("no_data")},
                              {"level", level_badge(texts(), mean ? compute::direction_level_of(*mean, in_.rules) : Level::none)}});
    }
    const auto schools = static_cast<long long>(y.data.schools.size());
    return {{"lead", texts().fill("report_overview_lead", {{"municipality", in_.site.municipality},
                                                           {"year", std::to_string(y.year)},
                                                           {"schools", texts().plural("school_count", schools)}})},
            {"facts", std::move(facts)},
            {"directions", std::move(directions)}};
}

// Each direction: its indicators' table (as on the direction page) and one
// chart, the schools by their level in the direction.
json SiteBuilder::report_directions(const YearView& y) {
    json list = json::array();
    for (const auto& d : model::directions()) {
        const std::string& name = direction_name(texts(), d.id);
        const compute::LevelCounts counts = compute::direction_counts(y.results, d.id);
        auto count = [&](Level level) { return util::format_integer(counts.of(level), texts().language()); };
        ChartFrame frame{texts().fill("report_direction_chart_title", {{"direction", name}}),
                         texts().fill("report_direction_chart_description", {{"direction", name},
                                                                             {"year", std::to_string(y.year)},
                                                                             {"high", count(Level::high)},
                                                                             {"medium", count(Level::medium)},
                                                                             {"low", count(Level::low)}}),
                         text("chart_school_count_axis"), false};
        json chart_view = level_count_chart(counts, frame, frame.title, text("col_level"), [&](Level level) {
            return level_name(texts(), model::to_string(level));
        });
        list.push_back({{"id", d.id},
                        {"anchor", direction_anchor(d.id)},
                        {"name", name},
                        {"text", direction_text(texts(), d.id)},
                        {"indicators", direction_indicators(y, d)},
                        {"chart", std::move(chart_view)}});
    }
    return list;
}

void SiteBuilder::report(const YearView& y) {
    json body;
    body["heading"] = text("report_title");
    body["department"] = in_.site.department;

    json contents = json::array();
    for (const auto& [id, key] : kSections) {
        json entry = {{"id", std::string("report-") + id}, {"title", text(key)}};
        json children = json::array();
        if (std::string_view(id) == "directions")
            for (const auto& d : model::directions())
                children.push_back({{"id", direction_anchor(d.id)}, {"title", direction_name(texts(), d.id)}});
        entry["has_children"] = !children.empty();
        entry["children"] = std::move(children);
        contents.push_back(std::move(entry));
    }
    body["contents"] = std::move(contents);

    body["overview"] = report_overview(y);
    body["directions"] = report_directions(y);

    body["groups_lead"] = texts().fill("groups_lead", {{"high", decimal_text(texts(), in_.rules.group_high, 0)},
                                                       {"medium", decimal_text(texts(), in_.rules.group_medium, 0)}});
    body["groups_chart"] = groups_chart_of(y);
    body["schools"] = rating_rows(y);
    cap_rows(body["schools"]);
    large_note(y, body);

    decision_sections(y, body);

    body["effect_method"] = effect_method();
    body["effects"] = effect_tables(y);
    body["has_effects"] = !body["effects"].empty();
    body["no_effects"] = year_text("effect_none", y.year);

    body["rules"] = method_rules();
    body["privacy"] = texts().fill("method_privacy", {{"min_group", std::to_string(in_.rules.min_group)}});

    json appendix = json::array();
    for (const auto& s : y.data.schools) appendix.push_back(school_card(y, s));
    cap_rows(appendix);
    body["appendix"] = std::move(appendix);

    const model::YearData* shown = &y.data;
    emit(y, "report/", "", year_text("title_report", y.year), year_text("description_report", y.year), "report",
         std::move(body), year_switcher(y, "report/", [shown](const model::YearData& d) { return &d == shown; }),
         crumbs(y, {}));
}

}  // namespace monsite::render
