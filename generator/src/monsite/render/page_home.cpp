#include "monsite/render/site_builder.hpp"

#include <cstdint>

#include "monsite/compute/summary.hpp"
#include "monsite/render/format.hpp"
#include "monsite/render/prose.hpp"
#include "monsite/render/views.hpp"
#include "monsite/util/number_format.hpp"

namespace monsite::render {

using json = nlohmann::ordered_json;
using model::Exact;
using model::Indicator;
using model::Level;

// A bar per level: how many schools are at it (of `counts.total()`), with the
// data table (level, schools, share); `name` words each level.
json SiteBuilder::level_count_chart(const compute::LevelCounts& counts, const ChartFrame& frame, const std::string& caption,
                                    const std::string& first_column, const std::function<std::string(Level)>& name) {
    json rows = json::array();
    std::vector<ChartPoint> points;
    for (Level level : {Level::high, Level::medium, Level::low}) {
        std::int64_t n = counts.of(level);
        std::string share = counts.total() == 0
                                ? "0"
                                : value_text(texts(), *percent_share(), Exact::fraction(n * 100, static_cast<std::int64_t>(counts.total())));
        const std::string count = util::format_integer(n, texts().language());
        rows.push_back({{"cells", {name(level), count, share}}});
        points.push_back({name(level), static_cast<double>(n), model::to_string(level), count, false});
    }
    return chart(groups_chart(texts(), frame, points), frame,
                 table(caption, {first_column, text("col_schools"), text("col_share")}, rows));
}

// The schools of the year by effectiveness group (the home page and the report).
json SiteBuilder::groups_chart_of(const YearView& y) {
    const compute::LevelCounts counts = compute::group_counts(y.results);
    auto count_text = [&](Level level) { return util::format_integer(counts.of(level), texts().language()); };
    ChartFrame frame{text("home_groups_chart_title"),
                     texts().fill("home_groups_chart_description", {{"year", std::to_string(y.year)},
                                                                    {"high", count_text(Level::high)},
                                                                    {"medium", count_text(Level::medium)},
                                                                    {"low", count_text(Level::low)}}),
                     text("chart_school_count_axis"), false};
    return level_count_chart(counts, frame, text("home_groups_table_caption"), text("col_group"),
                             [&](Level level) { return group_name(texts(), level); });
}

void SiteBuilder::home(const YearView& y) {
    json body;
    json cards = json::array();
    for (const auto& d : model::directions()) {
        json items = json::array();
        for (auto i : indicators_of(std::string(d.id))) {
            if (!y.results.municipality.values[i]) continue;
            items.push_back(indicator_row(y, i, y.results.municipality));
        }
        cards.push_back({{"id", d.id},
                         {"name", direction_name(texts(), d.id)},
                         {"href", year_href(y, "directions/" + std::string(d.id) + "/")},
                         {"text", direction_text(texts(), d.id)},
                         {"indicators", std::move(items)}});
    }
    body["directions"] = std::move(cards);

    body["groups_chart"] = groups_chart_of(y);
    body["groups_href"] = year_href(y, "groups/");
    body["decisions_href"] = year_href(y, "decisions/");
    body["schools_count"] = y.data.schools.size();
    const auto schools = static_cast<long long>(y.data.schools.size());
    body["heading"] = texts().fill("home_heading", {{"municipality", in_.site.municipality}, {"year", std::to_string(y.year)}});
    body["lead"] = texts().fill("home_lead", {{"schools", texts().plural("school_count", schools)}});
    if (schools == 0) body["no_data"] = year_text("home_no_data", y.year);  // a new site, its year folder empty
    body["no_problem_zones"] = year_text("home_no_problem_zones", y.year);

    json zones = json::array();
    for (const auto& z : y.results.problem_zones) {
        const Indicator* ind = in_.catalogue.find(z.indicator_id);
        std::size_t i = static_cast<std::size_t>(ind - in_.catalogue.indicators.data());
        std::string reason;
        if (z.low_level) reason = text("zone_low_level");
        if (z.wrong_way)
            reason += std::string(reason.empty() ? "" : "; ") +
                      texts().fill("zone_worse", {{"change", change_text(texts(), *ind, *z.change)}});
        zones.push_back({{"title", ind->title},
                         {"href", indicator_href(y, ind->id)},
                         {"value", value_view(texts(), *ind, y.results.municipality.values[i]).to_json()},
                         {"reason", reason}});
    }
    body["problem_zones"] = std::move(zones);
    body["has_problem_zones"] = !y.results.problem_zones.empty();
    body["links"] = json::array({json{{"href", year_href(y, "schools/")}, {"label", text("link_all_schools")}},
                                 json{{"href", year_href(y, "rating/")}, {"label", text("link_rating")}},
                                 json{{"href", year_href(y, "clusters/")}, {"label", text("link_clusters")}},
                                 json{{"href", href("methodology/")}, {"label", text("link_methodology")}},
                                 json{{"href", href("open-data/")}, {"label", text("link_open_data")}}});
    if (y.results.has_subjects)
        body["links"].push_back({{"href", year_href(y, "subjects/")}, {"label", text("link_subjects")}});
    if (y.latest) body["links"].push_back({{"href", href("report/")}, {"label", text("link_report")}});
    // The report's PDF exists only when monsite build --pdf prints it (pdf/batch.hpp).
    if (y.latest && in_.site.pdf)
        body["links"].push_back({{"href", href("data/report-" + std::to_string(y.year) + ".pdf")},
                                 {"label", year_text("link_report_pdf", y.year)}});
    const std::string year = std::to_string(y.year);
    std::string title = texts().fill("title_home", {{"site", text("site_title")}, {"municipality", in_.site.municipality}, {"year", year}});
    emit(y, y.prefix, "", title,
         texts().fill("description_home", {{"municipality", in_.site.municipality}, {"year", year}}),
         "home", std::move(body), year_switcher(y, ""), json::array());
}
}  // namespace monsite::render
