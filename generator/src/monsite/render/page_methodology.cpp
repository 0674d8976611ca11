#include "monsite/render/site_builder.hpp"

#include "monsite/model/contract.hpp"
#include "monsite/render/format.hpp"
#include "monsite/render/prose.hpp"

namespace monsite::render {

using json = nlohmann::ordered_json;
using model::Indicator;

// How scores, groups, ranks, direction levels, partners and problem zones are
// decided, one sentence each with the rules' thresholds (methodology and report).
json SiteBuilder::method_rules() const {
    auto d2 = [&](const model::Exact& v) { return decimal_text(texts(), v, 2); };
    return json::array(
        {text("method_rule_score"),
         texts().fill("method_rule_group", {{"high", d2(in_.rules.group_high)}, {"medium", d2(in_.rules.group_medium)}}),
         text("method_rule_rating"),
         texts().fill("method_rule_direction", {{"high", d2(in_.rules.direction_high)}, {"low", d2(in_.rules.direction_low)}}),
         texts().fill("method_rule_direction_change", {{"same", d2(in_.rules.direction_change_same)}}),
         texts().fill("method_rule_partners", {{"partners", std::to_string(in_.rules.partners_per_direction)}}),
         texts().fill("method_rule_problem", {{"pp", d2(in_.rules.problem_percent_points)}, {"relative", d2(in_.rules.problem_relative_percent)}})});
}

void SiteBuilder::methodology(const YearView& y) {
    json body;
    const std::string min_group = std::to_string(in_.rules.min_group);
    json directions = json::array();
    for (const auto& d : model::directions()) {
        json list = json::array();
        for (auto i : indicators_of(std::string(d.id))) {
            const Indicator& ind = in_.catalogue.indicators[i];
            list.push_back({{"id", ind.id},
                            {"title", ind.title},
                            {"description", ind.description},
                            {"formula", ind.formula.text},
                            {"formula_words", formula_in_words(texts(), ind)},
                            {"unit", unit_label(texts(), ind)},
                            {"thresholds", thresholds_text(texts(), ind)},
                            {"scopes", text(ind.school_scope ? "scopes_school" : "scopes_cluster")},
                            {"sensitive", ind.sensitive}});
            // An indicator without a value this year has no page (page_indicator.cpp): no link to it.
            if (y.results.municipality.values[i]) list.back()["href"] = indicator_href(y, ind.id);
        }
        if (!list.empty())
            directions.push_back({{"name", direction_name(texts(), d.id)}, {"indicators", std::move(list)}});
    }
    body["directions"] = std::move(directions);
    body["min_group"] = in_.rules.min_group;
    body["group_high"] = decimal_text(texts(), in_.rules.group_high, 2);
    body["group_medium"] = decimal_text(texts(), in_.rules.group_medium, 2);
    body["direction_high"] = decimal_text(texts(), in_.rules.direction_high, 2);
    body["direction_low"] = decimal_text(texts(), in_.rules.direction_low, 2);
    body["direction_change_same"] = decimal_text(texts(), in_.rules.direction_change_same, 2);
    body["partners"] = in_.rules.partners_per_direction;
    body["problem_pp"] = decimal_text(texts(), in_.rules.problem_percent_points, 2);
    body["problem_relative"] = decimal_text(texts(), in_.rules.problem_relative_percent, 2);
    body["rules"] = method_rules();
    body["indicator_privacy"] = texts().fill("method_indicator_privacy", {{"min_group", min_group}});
    body["privacy"] = texts().fill("method_privacy", {{"min_group", min_group}});
    json tables = json::array();
    for (const auto& spec : model::contract_tables()) {
        json fields = json::array();
        for (const auto& f : spec.fields) {
            const std::string& gloss = field_gloss(texts(), f.id);
            fields.push_back({{"id", f.id},
                              {"header", f.header},
                              {"gloss", gloss == f.header ? json() : json(gloss)},  // null: no gloss
                              {"required", f.required}});
        }
        tables.push_back({{"name", spec.name},
                          {"label", texts().fill("method_table", {{"name", std::string(spec.name)}})},
                          {"required", spec.required},
                          {"fields", std::move(fields)}});
    }
    body["tables"] = std::move(tables);
    emit(y, "methodology/", "methodology/", text("title_methodology"), text("description_methodology"), "methodology",
         std::move(body), year_switcher(y, ""), crumbs(y, {}));
}
}  // namespace monsite::render
