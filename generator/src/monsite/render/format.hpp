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
// The open-data form as a number (for charts and site.json): exactly value.to_fixed(decimals).
double data_double(const model::Exact& value, int decimals);
// A pooled sum: a whole number, or 2 decimals if it is not whole.
std::string data_sum(const model::Exact& value);
// The same sum as a number: exactly data_sum's decimal.
double data_sum_double(const model::Exact& value);

// The page forms in the catalogue's language (util/number_format), one decimal
// at most, trailing zeros dropped: "73,5 %" / "73.5%", "12 345" / "12,345";
// years and teaching rates take the catalogue's counted word (value_years,
// value_rates): "42 years", "12.5 years" in English.
std::string value_text(const config::TextCatalogue& texts, const model::Indicator& indicator, const model::Exact& value);
// A signed change in the catalogue's language: "+3.2 pp", "−1", "+1.5 years", "0" (English forms).
std::string change_text(const config::TextCatalogue& texts, const model::Indicator& indicator,
                        const model::Exact& change);
// A plain decimal with fixed places in the catalogue's language, zeros kept: "66,67" / "66.67".
std::string decimal_text(const config::TextCatalogue& texts, const model::Exact& value, int decimals);

}  // namespace monsite::render
