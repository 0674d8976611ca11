#include "monsite/render/prose.hpp"

#include <vector>

#include "monsite/render/format.hpp"

namespace monsite::render {

using model::Exact;
using model::Indicator;
using model::Level;

const std::string& direction_name(const config::TextCatalogue& texts, std::string_view id) {
    return texts.text("direction_" + std::string(id));
}

const std::string& direction_text(const config::TextCatalogue& texts, std::string_view id) {
    return texts.text("direction_" + std::string(id) + "_text");
}

const std::string& field_gloss(const config::TextCatalogue& texts, std::string_view id) {
    return texts.text("field_" + std::string(id));
}

std::string with_gloss(const config::TextCatalogue& texts, const model::FieldSpec& field) {
    std::string quoted = texts.fill("quoted", {{"text", std::string(field.header)}});
    const std::string& gloss = field_gloss(texts, field.id);
    if (gloss == field.header) return quoted;
    return texts.fill("field_glossed", {{"header", quoted}, {"gloss", gloss}});
}

namespace {

std::string field_header(const config::TextCatalogue& texts, std::size_t index) {
    return with_gloss(texts, *model::school_fields()[index]);
}

std::string fields_text(const config::TextCatalogue& texts, const std::vector<std::size_t>& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? " + " : "") + field_header(texts, fields[i]);
    return out;
}

}  // namespace

const std::string& unit_label(const config::TextCatalogue& texts, const Indicator& ind) {
    switch (ind.unit) {
        case model::Unit::percent: return texts.text("unit_percent");
        case model::Unit::count: return texts.text("unit_count");
        case model::Unit::years: return texts.text("unit_years");
        case model::Unit::rates: return texts.text("unit_rates");
    }
    return texts.text("unit_count");
}

std::string formula_in_words(const config::TextCatalogue& texts, const Indicator& ind) {
    const auto& f = ind.formula;
    const std::string scale = ind.unit == model::Unit::percent ? texts.text("formula_times_100") : "";
    switch (f.kind) {
        case model::FormulaKind::ratio:
            return texts.fill("formula_ratio", {{"numerator", fields_text(texts, f.numerator)},
                                                {"denominator", fields_text(texts, f.denominator)},
                                                {"scale", scale}});
        case model::FormulaKind::sum: return texts.fill("formula_sum", {{"field", field_header(texts, f.numerator[0])}});
        case model::FormulaKind::weighted_mean:
            return texts.fill("formula_weighted_mean", {{"field", field_header(texts, f.numerator[0])},
                                                        {"weight", field_header(texts, f.weight)}});
        case model::FormulaKind::share_of_schools: {
            const std::string condition =
                f.text.substr(f.text.find('(') + 1, f.text.rfind(')') - f.text.find('(') - 1);
            return texts.fill("formula_share_of_schools", {{"condition", texts.fill("quoted", {{"text", condition}})},
                                                           {"field", field_header(texts, f.numerator[0])},
                                                           {"scale", scale}});
        }
        case model::FormulaKind::teacher_mean: {
            const auto& teachers = model::table_spec(model::TableId::teachers);
            const auto& field = teachers.fields[model::field_index(model::TableId::teachers)(f.teacher_field)];
            return texts.fill("formula_teacher_mean", {{"field", with_gloss(texts, field)}});
        }
    }
    return {};
}

std::string thresholds_text(const config::TextCatalogue& texts, const Indicator& ind) {
    const std::string t1 = value_text(texts, ind, ind.t1), t2 = value_text(texts, ind, ind.t2);
    switch (ind.better) {
        case model::Better::higher: return texts.fill("thresholds_higher", {{"t1", t1}, {"t2", t2}});
        case model::Better::lower: return texts.fill("thresholds_lower", {{"t1", t1}, {"t2", t2}});
        case model::Better::none: break;
    }
    return texts.text("thresholds_none");
}

std::vector<ChartRule> level_rules(const config::TextCatalogue& texts, const Indicator& ind) {
    if (!ind.rated()) return {};
    const bool higher = ind.better == model::Better::higher;
    auto rule = [&](const Exact& v, bool low) {
        return ChartRule{v.to_double(), texts.fill(low ? "rule_low_level" : "rule_high_level",
                                                   {{"value", value_text(texts, ind, v)}})};
    };
    return {rule(ind.t1, higher), rule(ind.t2, !higher)};
}

std::vector<ChartRule> group_rules(const config::TextCatalogue& texts, const model::Rules& rules) {
    return {{rules.group_medium.to_double(),
             texts.fill("rule_low_group", {{"value", decimal_text(texts, rules.group_medium, 0)}})},
            {rules.group_high.to_double(),
             texts.fill("rule_high_group", {{"value", decimal_text(texts, rules.group_high, 0)}})}};
}

}  // namespace monsite::render
