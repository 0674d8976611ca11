#include "monsite/render/site_builder.hpp"

#include <cstdint>

#include "monsite/compute/summary.hpp"
#include "monsite/render/format.hpp"
#include "monsite/render/prose.hpp"
#include "monsite/render/views.hpp"

namespace monsite::render {

using json = nlohmann::ordered_json;
using model::Exact;
using model::Indicator;
using model::Level;

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
                         {"name", d.name},
                         {"href", year_href(y, "directions/" + std::string(d.id) + "/")},
                         {"text", direction_texts().at(std::string(d.id))},
                         {"indicators", std::move(items)}});
    }
    body["directions"] = std::move(cards);

    const compute::LevelCounts counts = compute::group_counts(y.results);
    json rows = json::array();
    std::vector<ChartPoint> points;
    for (Level level : {Level::high, Level::medium, Level::low}) {
        std::int64_t n = counts.of(level);
        std::string share = y.results.groupings.empty()
                                ? "0"
                                : ru_value(*percent_share(), Exact::fraction(n * 100, static_cast<std::int64_t>(y.results.groupings.size())));
        rows.push_back({{"cells", {group_name(level), std::to_string(n), share}}});
        points.push_back({group_name(level), static_cast<double>(n), model::to_string(level), std::to_string(n), false});
    }
    ChartFrame frame{"Распределение школ по группам эффективности",
                     "Число школ в группах высокой, средней и низкой эффективности в " + std::to_string(y.year) +
                         " году: " + std::to_string(counts.high) + ", " +
                         std::to_string(counts.medium) + " и " + std::to_string(counts.low) + ".",
                     "Число школ", false};
    body["groups_chart"] = chart(groups_chart(frame, points), frame,
                                 table("Школы по группам эффективности", {"Группа", "Школ", "Доля"}, rows));
    body["groups_href"] = year_href(y, "groups/");
    body["schools_count"] = y.data.schools.size();

    json zones = json::array();
    for (const auto& z : y.results.problem_zones) {
        const Indicator* ind = in_.catalogue.find(z.indicator_id);
        std::size_t i = static_cast<std::size_t>(ind - in_.catalogue.indicators.data());
        std::string reason;
        if (z.low_level) reason = "низкий уровень";
        if (z.wrong_way) reason += std::string(reason.empty() ? "" : "; ") + "ухудшение за год: " + ru_change(*ind, *z.change);
        zones.push_back({{"title", ind->title},
                         {"href", indicator_href(y, ind->id)},
                         {"value", value_view(*ind, y.results.municipality.values[i])},
                         {"reason", reason}});
    }
    body["problem_zones"] = std::move(zones);
    body["has_problem_zones"] = !y.results.problem_zones.empty();
    body["links"] = json::array({json{{"href", year_href(y, "schools/")}, {"label", "Все школы и поиск"}},
                                 json{{"href", year_href(y, "rating/")}, {"label", "Рейтинг школ"}},
                                 json{{"href", year_href(y, "clusters/")}, {"label", "Сравнение кластеров"}},
                                 json{{"href", href("methodology/")}, {"label", "Методика расчёта"}},
                                 json{{"href", href("open-data/")}, {"label", "Открытые данные"}}});
    if (y.results.has_subjects)
        body["links"].push_back({{"href", year_href(y, "subjects/")}, {"label", "Результаты по предметам"}});
    std::string title = site_title + std::string(": ") + in_.site.municipality + ", " + std::to_string(y.year);
    emit(y, y.prefix, "", title,
         "Показатели системы профессионального развития педагогов, " + in_.site.municipality + ", " +
             std::to_string(y.year) + " год.",
         "home", std::move(body), year_switcher(y, ""), json::array());
}
}  // namespace monsite::render
