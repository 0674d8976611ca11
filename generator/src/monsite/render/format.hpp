#pragma once
// Numbers as they are written in published files and on pages.

#include <string>
#include <string_view>

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

}  // namespace monsite::render
