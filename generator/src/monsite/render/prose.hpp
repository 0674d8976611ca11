#pragma once
// Internal to render: the sentences the page kinds put around the numbers
// (site title, direction and group texts, units, formulas and thresholds in words).

#include <map>
#include <string>
#include <vector>

#include "monsite/model/indicator.hpp"
#include "monsite/model/results.hpp"
#include "monsite/model/rules.hpp"
#include "monsite/render/charts.hpp"

namespace monsite::render {

inline constexpr const char* site_title = "Мониторинг профессионального развития педагогов";

// What each direction covers, by direction id.
const std::map<std::string, std::string>& direction_texts();
// What a school of this efficiency group is advised to do.
const char* group_advice(model::Level group);
// The unit of an indicator's values in words.
std::string unit_label(const model::Indicator& ind);
// How an indicator is computed, in words naming the contract's column headers.
std::string formula_in_words(const model::Indicator& ind);
// Which side is better and where the low, medium and high levels lie.
std::string thresholds_text(const model::Indicator& ind);
// The two level boundaries of a rated indicator as chart lines (none if not rated):
// t1 bounds the low level when higher is better, the high level when lower is.
std::vector<ChartRule> level_rules(const model::Indicator& ind);
// The two group boundaries of the composite score as chart lines.
std::vector<ChartRule> group_rules(const model::Rules& rules);

}  // namespace monsite::render
