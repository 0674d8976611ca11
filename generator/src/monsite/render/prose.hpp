#pragma once
// Internal to render: the sentences the page kinds put around the numbers
// (direction and group texts, units, formulas and thresholds in words), in the
// catalogue's language.

#include <string>
#include <vector>

#include "monsite/config/i18n.hpp"
#include "monsite/model/contract.hpp"
#include "monsite/model/indicator.hpp"
#include "monsite/model/results.hpp"
#include "monsite/model/rules.hpp"
#include "monsite/render/charts.hpp"

namespace monsite::render {

// A direction's display name (direction_<id>) and what it covers (direction_<id>_text).
const std::string& direction_name(const config::TextCatalogue& texts, std::string_view id);
const std::string& direction_text(const config::TextCatalogue& texts, std::string_view id);
// What a contract column means (field_<id>): in Russian the header itself, in
// English a short gloss. with_gloss: the quoted header, followed by the gloss
// (field_glossed) when the catalogue's text differs from the header.
const std::string& field_gloss(const config::TextCatalogue& texts, std::string_view id);
std::string with_gloss(const config::TextCatalogue& texts, const model::FieldSpec& field);
// The unit of an indicator's values in words.
const std::string& unit_label(const config::TextCatalogue& texts, const model::Indicator& ind);
// How an indicator is computed, in words naming the contract's column headers (glossed).
std::string formula_in_words(const config::TextCatalogue& texts, const model::Indicator& ind);
// Which side is better and where the low, medium and high levels lie.
std::string thresholds_text(const config::TextCatalogue& texts, const model::Indicator& ind);
// The two level boundaries of a rated indicator as chart lines (none if not rated):
// t1 bounds the low level when higher is better, the high level when lower is.
std::vector<ChartRule> level_rules(const config::TextCatalogue& texts, const model::Indicator& ind);
// The two group boundaries of the composite score as chart lines.
std::vector<ChartRule> group_rules(const config::TextCatalogue& texts, const model::Rules& rules);

}  // namespace monsite::render
