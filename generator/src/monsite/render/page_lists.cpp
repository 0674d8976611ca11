#include "monsite/render/site_builder.hpp"

#include <algorithm>
#include <set>

#include "monsite/render/format.hpp"
#include "monsite/render/prose.hpp"
#include "monsite/render/views.hpp"
#include "monsite/util/slug.hpp"

namespace monsite::render {

using json = nlohmann::ordered_json;
using model::Indicator;
using model::Level;

void SiteBuilder::schools_index(const YearView& y) {
    json body;
    json list = json::array();
    std::set<std::string> clusters, types;
    for (const auto& s : y.data.schools) {
        list.push_back(school_card(y, s));
        clusters.insert(s.cluster);
        types.insert(s.type);
    }
    body["schools"] = std::move(list);
    body["count"] = y.data.schools.size();
    json c = json::array(), t = json::array();
    for (const auto& x : clusters) c.push_back(x);
    for (const auto& x : types) t.push_back(x);
    body["clusters"] = std::move(c);
    body["types"] = std::move(t);
    body["groups"] = json::array({json{{"value", "high"}, {"name", group_name(Level::high)}},
                                  json{{"value", "medium"}, {"name", group_name(Level::medium)}},
                                  json{{"value", "low"}, {"name", group_name(Level::low)}}});
    emit(y, y.prefix + "schools/", "schools/", "Школы — " + std::to_string(y.year),
         "Все школы округа с группой эффективности и местом в рейтинге; поиск и фильтры.", "schools",
         std::move(body), year_switcher(y, "schools/"), crumbs(y, {}));
}

void SiteBuilder::groups(const YearView& y) {
    json body;
    json list = json::array();
    for (Level level : {Level::high, Level::medium, Level::low, Level::none}) {
        json members = json::array();
        for (const auto& g : y.results.groupings)
            if (g.group == level) members.push_back(school_card(y, *y.data.find_school(g.school_id)));
        if (level == Level::none && members.empty()) continue;
        list.push_back({{"name", group_name(level)},
                        {"badge", level_badge(level)},
                        {"advice", group_advice(level)},
                        {"count", members.size()},
                        {"schools", std::move(members)}});
    }
    body["groups"] = std::move(list);
    body["high"] = ru_decimal(in_.rules.group_high, 0);
    body["medium"] = ru_decimal(in_.rules.group_medium, 0);
    emit(y, y.prefix + "groups/", "groups/", "Группы эффективности — " + std::to_string(y.year),
         "Школы по группам эффективности деятельности и рекомендации для каждой группы.", "groups", std::move(body),
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
        for (const auto& c : y.results.clusters) cells.push_back(value_view(ind, c.values[i]));
        rows.push_back({{"title", ind.short_title},
                        {"href", indicator_href(y, ind.id)},
                        {"municipal", value_view(ind, y.results.municipality.values[i])},
                        {"cells", std::move(cells)}});
    }
    body["rows"] = std::move(rows);
    json members = json::array();
    for (const auto& c : y.results.clusters) {
        json schools = json::array();
        for (const auto& s : y.data.schools)
            if (s.cluster == c.id) schools.push_back(school_card(y, s));
        members.push_back({{"name", c.id}, {"anchor", "cluster-" + util::slug(c.id)}, {"count", schools.size()}, {"schools", std::move(schools)}});
    }
    body["clusters"] = std::move(members);
    emit(y, y.prefix + "clusters/", "clusters/", "Кластеры — " + std::to_string(y.year),
         "Сравнение кластеров школ по всем показателям.", "clusters", std::move(body),
         year_switcher(y, "clusters/"), crumbs(y, {}));
}

void SiteBuilder::rating(const YearView& y) {
    json body;
    std::vector<const model::SchoolGrouping*> order;
    for (const auto& g : y.results.groupings) order.push_back(&g);
    std::stable_sort(order.begin(), order.end(), [](const auto* a, const auto* b) {
        if ((a->rank > 0) != (b->rank > 0)) return a->rank > 0;
        if (a->rank != b->rank) return a->rank < b->rank;
        return a->school_id < b->school_id;
    });
    json rows = json::array();
    for (const auto* g : order) rows.push_back(school_card(y, *y.data.find_school(g->school_id)));
    body["schools"] = std::move(rows);
    emit(y, y.prefix + "rating/", "rating/", "Рейтинг школ — " + std::to_string(y.year),
         "Школы по интегральному баллу: место, балл и группа эффективности.", "rating", std::move(body),
         year_switcher(y, "rating/"), crumbs(y, {}));
}

void SiteBuilder::subjects(const YearView& y) {
    json body;
    body["subjects"] = subject_rows(y.results.subjects);
    body["min_group"] = in_.rules.min_group;
    std::vector<ChartPoint> bars;
    for (const auto& s : y.results.subjects)
        if (s.average_score)
            bars.push_back({s.subject, std::stod(s.average_score->to_fixed(2)), "", ru_decimal(*s.average_score, 1), false});
    ChartFrame frame{"Средний результат диагностики по предметам",
                     "Средний результат диагностики педагогов по предметам, в процентах; предметы, где результатов "
                     "меньше " + std::to_string(in_.rules.min_group) + ", не показаны.",
                     "Средний результат, %", true};
    json rows = json::array();
    for (const auto& p : bars) rows.push_back({{"cells", {p.label, p.value_text}}});
    body["chart"] = chart(bar_chart(frame, bars, std::nullopt, ""), frame,
                          table("Средний результат по предметам", {"Предмет", "Средний результат, %"}, rows));
    emit(y, y.prefix + "subjects/", "", "Результаты по предметам — " + std::to_string(y.year),
         "Число педагогов, средний результат диагностики и доля педагогов с дефицитами по предметам.", "subjects",
         std::move(body), year_switcher(y, "subjects/", [](const model::YearData& d) { return d.has_teachers; }),
         crumbs(y, {}));
}
}  // namespace monsite::render
