#include "monsite/render/site_builder.hpp"

#include "monsite/model/contract.hpp"
#include "monsite/render/format.hpp"
#include "monsite/render/prose.hpp"

namespace monsite::render {

using json = nlohmann::ordered_json;
using model::Indicator;

void SiteBuilder::methodology(const YearView& y) {
    json body;
    json directions = json::array();
    for (const auto& d : model::directions()) {
        json list = json::array();
        for (auto i : indicators_of(std::string(d.id))) {
            const Indicator& ind = in_.catalogue.indicators[i];
            list.push_back({{"id", ind.id},
                            {"title", ind.title},
                            {"href", indicator_href(y, ind.id)},
                            {"description", ind.description},
                            {"formula", ind.formula.text},
                            {"formula_words", formula_in_words(ind)},
                            {"unit", unit_label(ind)},
                            {"thresholds", thresholds_text(ind)},
                            {"scopes", ind.school_scope ? "школа, кластер, округ" : "кластер, округ"},
                            {"sensitive", ind.sensitive}});
        }
        if (!list.empty()) directions.push_back({{"name", d.name}, {"indicators", std::move(list)}});
    }
    body["directions"] = std::move(directions);
    body["min_group"] = in_.rules.min_group;
    body["group_high"] = ru_decimal(in_.rules.group_high, 2);
    body["group_medium"] = ru_decimal(in_.rules.group_medium, 2);
    body["direction_high"] = ru_decimal(in_.rules.direction_high, 2);
    body["direction_low"] = ru_decimal(in_.rules.direction_low, 2);
    body["direction_change_same"] = ru_decimal(in_.rules.direction_change_same, 2);
    body["partners"] = in_.rules.partners_per_direction;
    body["problem_pp"] = ru_decimal(in_.rules.problem_percent_points, 2);
    body["problem_relative"] = ru_decimal(in_.rules.problem_relative_percent, 2);
    json tables = json::array();
    for (const auto& spec : model::contract_tables()) {
        json fields = json::array();
        for (const auto& f : spec.fields) fields.push_back({{"id", f.id}, {"header", f.header}, {"required", f.required}});
        tables.push_back({{"name", spec.name}, {"required", spec.required}, {"fields", std::move(fields)}});
    }
    body["tables"] = std::move(tables);
    emit(y, "methodology/", "methodology/", "Методика расчёта показателей",
         "Формулы, пороги, правила группировки и защиты персональных данных.", "methodology", std::move(body),
         year_switcher(y, ""), crumbs(y, {}));
}
}  // namespace monsite::render
