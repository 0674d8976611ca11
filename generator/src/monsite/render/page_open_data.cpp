#include "monsite/render/site_builder.hpp"

#include "monsite/render/prose.hpp"

namespace monsite::render {

using json = nlohmann::ordered_json;

void SiteBuilder::open_data(const YearView& y) {
    json body;
    body["files"] = json::array(
        {json{{"href", href("data/indicators.csv")}, {"name", "indicators.csv"}, {"text", "Все значения показателей: год × уровень × объект × показатель (CSV, UTF-8)"}},
         json{{"href", href("data/schools.csv")}, {"name", "schools.csv"}, {"text", "Школы: интегральный балл, группа, место в рейтинге (CSV, UTF-8)"}},
         json{{"href", href("data/monitoring.xlsx")}, {"name", "monitoring.xlsx"}, {"text", "Обе таблицы в одной книге Excel"}},
         json{{"href", href("data/site.json")}, {"name", "site.json"}, {"text", "Все данные сайта в формате JSON"}}});
    body["indicator_columns"] = json::array(
        {json{{"name", "year"}, {"text", "год мониторинга (состояние на 1 сентября)"}},
         json{{"name", "scope"}, {"text", "уровень: municipality — округ, cluster — кластер, school — школа"}},
         json{{"name", "entity_id"}, {"text", "municipality, название кластера или код школы"}},
         json{{"name", "indicator_id"}, {"text", "код показателя (см. список ниже)"}},
         json{{"name", "value"}, {"text", "значение: проценты от 0 до 100 и средние — с двумя знаками после точки, количества — целым числом"}},
         json{{"name", "numerator"}, {"text", "числитель — сумма по школам (для долей); пусто для сумм и средних"}},
         json{{"name", "denominator"}, {"text", "знаменатель — сумма по школам (для долей); пусто для сумм и средних"}},
         json{{"name", "level"}, {"text", "уровень: low, medium, high; пусто для справочных показателей"}},
         json{{"name", "note"}, {"text", "пусто; no_data — нет данных; suppressed — скрыто для защиты персональных данных (знаменатель меньше " + std::to_string(in_.rules.min_group) + ")"}}});
    body["school_columns"] = json::array(
        {json{{"name", "year"}, {"text", "год мониторинга"}},
         json{{"name", "school_id"}, {"text", "код школы"}},
         json{{"name", "name"}, {"text", "полное наименование"}},
         json{{"name", "type"}, {"text", "тип школы"}},
         json{{"name", "cluster"}, {"text", "кластер"}},
         json{{"name", "composite"}, {"text", "интегральный балл 0–100, два знака после точки"}},
         json{{"name", "group"}, {"text", "группа эффективности: low, medium, high"}},
         json{{"name", "rank"}, {"text", "место в рейтинге года (равные баллы — одно место)"}}});
    json ids = json::array();
    for (const auto& ind : in_.catalogue.indicators)
        ids.push_back({{"id", ind.id}, {"title", ind.title}, {"unit", unit_label(ind)}, {"href", indicator_href(y, ind.id)}});
    body["indicators"] = std::move(ids);
    emit(y, "open-data/", "open-data/", "Открытые данные", "Файлы открытых данных мониторинга и их описание.",
         "open_data", std::move(body), year_switcher(y, ""), crumbs(y, {}));
}
}  // namespace monsite::render
