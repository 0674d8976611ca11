#pragma once
// Internal to render: the sentences the page kinds put around the numbers
// (site title, direction and group texts, units, formulas and thresholds in words).

#include <map>
#include <string>

#include "monsite/model/indicator.hpp"
#include "monsite/model/results.hpp"

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

}  // namespace monsite::render
