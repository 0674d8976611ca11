#pragma once
// Numbers as they are written in published files and on pages.

#include <string>
#include <string_view>

#include "monsite/config/i18n.hpp"
#include "monsite/model/exact.hpp"
#include "monsite/model/indicator.hpp"

namespace monsite::render {

// Decimal places of an indicator's values: 0 for counts, 2 otherwise.
int decimals_of(const model::Indicator& indicator);

// Open-data form: "73.00", "12" (rounded half away from zero, '.' as the point).
std::string data_number(const model::Indicator& indicator, const model::Exact& value);
// A pooled sum: a whole number, or 2 decimals if it is not whole.
std::string data_sum(const model::Exact& value);

// Russian form for pages: "73,5 %", "12 345", "12,3 лет" — one decimal at most
// (trailing zero dropped), decimal comma, thin no-break spaces between thousands
// (from five digits on, as Russian typography does) and before the unit.
std::string ru_value(const model::Indicator& indicator, const model::Exact& value);
// A signed change: "+3,2 п. п.", "−1", "0".
std::string ru_change(const model::Indicator& indicator, const model::Exact& change);
// A plain Russian decimal: "66,67".
std::string ru_decimal(const model::Exact& value, int decimals);

// The page forms in the catalogue's language (util/number_format): "73,5 %" /
// "73.5%", "12 345" / "12,345"; years and teaching rates take the catalogue's
// counted word (value_years, value_rates): "42 года", "12,5 года" / "42 years".
std::string value_text(const config::TextCatalogue& texts, const model::Indicator& indicator, const model::Exact& value);
// A signed change in the catalogue's language: "+3,2 п. п." / "+3.2 pp", "−1", "+1,5 года", "0".
std::string change_text(const config::TextCatalogue& texts, const model::Indicator& indicator,
                        const model::Exact& change);

}  // namespace monsite::render
