#include "monsite/render/site_builder.hpp"

#include <algorithm>
#include <set>

#include "monsite/render/format.hpp"
#include "monsite/render/prose.hpp"
#include "monsite/render/views.hpp"
#include "monsite/util/number_format.hpp"
#include "monsite/util/slug.hpp"

namespace monsite::render {

using json = nlohmann::ordered_json;
using model::Indicator;
using model::Level;

namespace {
constexpr std::size_t kSummaryRows = 10;  // schools shown per group or cluster on a large site
}

// A large site's group or cluster: the sentence and link to the full schools list.
void SiteBuilder::more_link(const YearView& y, std::size_t count, json& entry) const {
    entry["more"] = texts().fill("list_summary_more", {{"schools", texts().plural("school_count", static_cast<long long>(count))}});
    entry["more_href"] = year_href(y, "schools/");
}

void SiteBuilder::schools_index(const YearView& y) {
    json body;
    json list = json::array();
    std::set<std::string> clusters, types;
    for (const auto& s : y.data.schools) {
        list.push_back(school_card(y, s));
        clusters.insert(s.cluster);
        types.insert(in_.catalogue.type_name(s.type));
    }
    body["count"] = y.data.schools.size();
    body["lead"] = texts().fill("schools_lead", {{"schools", texts().plural("school_count", static_cast<long long>(y.data.schools.size()))}});
    body["heading"] = year_text("schools_heading", y.year);
    // The filter script fills {shown} and {total} itself as one types.
    body["filter_status"] = texts().text("schools_filter_status");
    json c = json::array(), t = json::array();
    for (const auto& x : clusters) c.push_back(x);
    for (const auto& x : types) t.push_back(x);
    body["clusters"] = std::move(c);
    body["types"] = std::move(t);
    body["groups"] = json::array({json{{"value", "high"}, {"name", group_name(texts(), Level::high)}},
                                  json{{"value", "medium"}, {"name", group_name(texts(), Level::medium)}},
                                  json{{"value", "low"}, {"name", group_name(texts(), Level::low)}}});
    if (in_.site.large) {
        // Pages of 100 rows; the search reads the year's index of every school.
        body["index_href"] = href(schools_index_path(y));
        schools_index_json(y);
        emit_list_pages(y, "schools/", "schools/", year_text("title_schools", y.year), text("description_schools"),
                        "schools", body, std::move(list), "schools", "schools/");
        return;
    }
    body["schools"] = std::move(list);
    emit(y, y.prefix + "schools/", "schools/", year_text("title_schools", y.year), text("description_schools"), "schools",
         std::move(body), year_switcher(y, "schools/"), crumbs(y, {}));
}

// The titles of the recommendation rules written for a group (content/recommendations/).
json SiteBuilder::group_rule_titles(Level level) const {
    json titles = json::array();
    if (level == Level::none) return titles;
    for (const auto& r : in_.recommendations)
        if (r.when.group == level && r.scope == model::RuleScope::school) titles.push_back(r.title);
    return titles;
}

void SiteBuilder::groups(const YearView& y) {
    json body;
    json list = json::array();
    for (Level level : {Level::high, Level::medium, Level::low, Level::none}) {
        json members = json::array();
        std::size_t count = 0;
        if (in_.site.large) {
            // The 10 best ranked of the group; every member is in the schools list.
            for (const auto& card : rating_rows(y))
                if (card["group"] == model::to_string(level) && count++ < kSummaryRows) members.push_back(card);
        } else {
            for (const auto& g : y.results.groupings)
                if (g.group == level) members.push_back(school_card(y, *y.data.find_school(g.school_id)));
            count = members.size();
        }
        if (level == Level::none && count == 0) continue;
        json entry = {{"name", group_name(texts(), level)},
                        {"badge", level_badge(texts(), level)},
                        {"rules", group_rule_titles(level)},
                        {"has_rules", !group_rule_titles(level).empty()},
                        {"count", count},
                        {"count_text", texts().plural("school_count", static_cast<long long>(count))},
                        {"schools", std::move(members)}};
        if (in_.site.large) more_link(y, count, entry);
        list.push_back(std::move(entry));
    }
    body["groups"] = std::move(list);
    body["high"] = decimal_text(texts(), in_.rules.group_high, 0);
    body["medium"] = decimal_text(texts(), in_.rules.group_medium, 0);
    body["heading"] = year_text("groups_heading", y.year);
    body["lead"] = texts().fill("groups_lead", {{"high", body["high"].get<std::string>()}, {"medium", body["medium"].get<std::string>()}});
    emit(y, y.prefix + "groups/", "groups/", year_text("title_groups", y.year), text("description_groups"), "groups", std::move(body),
         year_switcher(y, "groups/"), crumbs(y, {}));
}

void SiteBuilder::clusters(const YearView& y) {
    json body;
    json columns = json::array();
    for (const auto& c : y.results.clusters) columns.push_back(c.id);
    body["columns"] = std::move(columns);
    json rows = json::array();
    for (std::size_t i = 0; i < in_.catalogue.indicators.size(); ++i) {
        const Indicator& ind = in_.catalogue.indicators[i];
        if (!y.results.municipality.values[i]) continue;
        json cells = json::array();
        for (const auto& c : y.results.clusters) cells.push_back(value_view(texts(), ind, c.values[i]).to_json());
        rows.push_back({{"title", ind.short_title},
                        {"href", indicator_href(y, ind.id)},
                        {"municipal", value_view(texts(), ind, y.results.municipality.values[i]).to_json()},
                        {"cells", std::move(cells)}});
    }
    body["rows"] = std::move(rows);
    json members = json::array();
    const json ranked = in_.site.large ? rating_rows(y) : json::array();
    for (const auto& c : y.results.clusters) {
        json schools = json::array();
        std::size_t count = 0;
        if (in_.site.large) {
            // The 10 best ranked of the cluster; every member is in the schools list.
            for (const auto& card : ranked)
                if (card["cluster"] == c.id && count++ < kSummaryRows) schools.push_back(card);
        } else {
            for (const auto& s : y.data.schools)
                if (s.cluster == c.id) schools.push_back(school_card(y, s));
            count = schools.size();
        }
        json entry = {{"name", c.id}, {"anchor", "cluster-" + util::slug(c.id)}, {"count", count},
                      {"count_text", texts().plural("school_count", static_cast<long long>(count))},
                      {"schools", std::move(schools)}};
        if (in_.site.large) more_link(y, count, entry);
        members.push_back(std::move(entry));
    }
    body["clusters"] = std::move(members);
    body["heading"] = year_text("clusters_heading", y.year);
    emit(y, y.prefix + "clusters/", "clusters/", year_text("title_clusters", y.year), text("description_clusters"), "clusters", std::move(body),
         year_switcher(y, "clusters/"), crumbs(y, {}));
}

// Every school's card, ranked first by rank (then by code), the unranked last.
json SiteBuilder::rating_rows(const YearView& y) const {
    std::vector<const model::SchoolGrouping*> order;
    for (const auto& g : y.results.groupings) order.push_back(&g);
    std::stable_sort(order.begin(), order.end(), [](const auto* a, const auto* b) {
        if ((a->rank > 0) != (b->rank > 0)) return a->rank > 0;
        if (a->rank != b->rank) return a->rank < b->rank;
        return a->school_id < b->school_id;
    });
    json rows = json::array();
    for (const auto* g : order) rows.push_back(school_card(y, *y.data.find_school(g->school_id)));
    return rows;
}

void SiteBuilder::rating(const YearView& y) {
    json body;
    body["heading"] = year_text("rating_heading", y.year);
    if (in_.site.large) {
        emit_list_pages(y, "rating/", "rating/", year_text("title_rating", y.year), text("description_rating"), "rating",
                        body, rating_rows(y), "schools", "rating/");
        return;
    }
    body["schools"] = rating_rows(y);
    emit(y, y.prefix + "rating/", "rating/", year_text("title_rating", y.year), text("description_rating"), "rating", std::move(body),
         year_switcher(y, "rating/"), crumbs(y, {}));
}

void SiteBuilder::subjects(const YearView& y) {
    json body;
    body["subjects"] = subject_rows(y.results.subjects);
    body["min_group"] = in_.rules.min_group;
    const std::string min_group = util::format_integer(in_.rules.min_group, texts().language());
    body["heading"] = year_text("subjects_heading", y.year);
    body["lead"] = texts().fill("subjects_lead", {{"min_group", min_group}});
    std::vector<ChartPoint> bars;
    for (const auto& s : y.results.subjects)
        if (s.average_score)
            bars.push_back({subject_name(texts(), s.subject), data_double(*s.average_score, 2), "",
                            decimal_text(texts(), *s.average_score, 1), false});
    ChartFrame frame{text("subjects_chart_title"), texts().fill("subjects_chart_description", {{"min_group", min_group}}),
                     text("col_average_result"), true};
    json rows = json::array();
    for (const auto& p : bars) rows.push_back({{"cells", {p.label, p.value_text}}});
    body["chart"] = chart(bar_chart(texts(), frame, bars, std::nullopt, ""), frame,
                          table(text("subjects_table_caption"), {text("col_subject"), text("col_average_result")}, rows));
    emit(y, y.prefix + "subjects/", "", year_text("title_subjects", y.year), text("description_subjects"), "subjects",
         std::move(body), year_switcher(y, "subjects/", [](const model::YearData& d) { return d.has_teachers; }),
         crumbs(y, {}));
}
}  // namespace monsite::render
