#pragma once
// Numbers written the way each interface language writes them, from the
// plain decimal text the calculations give ("-12345.50", as Exact::to_fixed):
//   ru: "−12 345,5", "30,5 %", "+1,2 п. п." — decimal comma, narrow no-break
//       spaces (U+202F) between thousands from five digits on and before "%";
//   en: "−12,345.5", "30.5%", "+1.2 pp" — decimal point, thousands comma.
// Both use the minus sign U+2212. Rounding is the caller's (to_fixed).

#include <string>
#include <string_view>

#include "monsite/util/language.hpp"

namespace monsite::util {

// "-12345.50" -> "−12 345,50" (ru) / "−12,345.50" (en); with trim_zeros the
// fraction loses its trailing zeros ("12,5", "12"). Text that is not a plain
// decimal ([-]digits[.digits]) is returned unchanged.
std::string format_decimal(std::string_view fixed, Language language, bool trim_zeros);

// 12345 -> "12 345" (ru), "12,345" (en).
std::string format_integer(long long n, Language language);

// A percentage, trailing zeros dropped: "30.50" -> "30,5 %" (ru), "30.5%" (en).
std::string format_percent(std::string_view fixed, Language language);

// A signed change, trailing zeros dropped: "+1,2", "−3" ("+1.2", "−3"); a zero
// change is "0" with no sign and no unit. With percent_points the unit follows:
// "+1,2 п. п." (ru), "+1.2 pp" (en).
std::string format_change(std::string_view fixed, Language language, bool percent_points);

// For choosing a plural form of a number already written by format_decimal:
// its whole part and whether it shows a fraction ("12,5" -> 12, true).
struct ShownNumber {
    long long whole = 0;
    bool fraction = false;
};
ShownNumber shown_number(std::string_view fixed, bool trim_zeros);

}  // namespace monsite::util
