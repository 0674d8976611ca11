#include "monsite/util/number_format.hpp"

#include <charconv>

namespace monsite::util {
namespace {

constexpr std::string_view narrow_nbsp = "\u202f";
constexpr std::string_view nbsp = "\u00a0";
constexpr std::string_view minus_sign = "\u2212";

struct Parts {
    bool negative = false;
    std::string_view whole, fraction;
};

bool all_digits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

// [-]digits[.digits]; false for anything else.
bool split(std::string_view fixed, Parts& out) {
    if (!fixed.empty() && fixed.front() == '-') {
        out.negative = true;
        fixed.remove_prefix(1);
    }
    auto dot = fixed.find('.');
    out.whole = fixed.substr(0, dot);
    out.fraction = dot == std::string_view::npos ? std::string_view() : fixed.substr(dot + 1);
    if (out.whole.empty() || !all_digits(out.whole) || !all_digits(out.fraction)) return false;
    return dot == std::string_view::npos || !out.fraction.empty();
}

std::string_view trimmed(std::string_view fraction) {
    while (!fraction.empty() && fraction.back() == '0') fraction.remove_suffix(1);
    return fraction;
}

// Russian groups from five digits on ("1234", "12 345"), English from four ("1,234").
std::string grouped(std::string_view whole, Language language) {
    const std::string_view separator = language == Language::ru ? narrow_nbsp : ",";
    const std::size_t min_digits = language == Language::ru ? 5 : 4;
    std::string out;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && whole.size() >= min_digits && (whole.size() - i) % 3 == 0) out += separator;
        out += whole[i];
    }
    return out;
}

bool is_zero(const Parts& p) {
    return p.whole.find_first_not_of('0') == std::string_view::npos &&
           p.fraction.find_first_not_of('0') == std::string_view::npos;
}

}  // namespace

std::string format_decimal(std::string_view fixed, Language language, bool trim_zeros) {
    Parts p;
    if (!split(fixed, p)) return std::string(fixed);
    std::string_view fraction = trim_zeros ? trimmed(p.fraction) : p.fraction;
    std::string out = p.negative && !(trim_zeros && is_zero(p)) ? std::string(minus_sign) : std::string();
    out += grouped(p.whole, language);
    if (!fraction.empty()) {
        out += language == Language::ru ? ',' : '.';
        out += fraction;
    }
    return out;
}

std::string format_integer(long long n, Language language) { return format_decimal(std::to_string(n), language, false); }

std::string format_percent(std::string_view fixed, Language language) {
    std::string text = format_decimal(fixed, language, true);
    return language == Language::ru ? text + std::string(narrow_nbsp) + "%" : text + "%";
}

std::string format_change(std::string_view fixed, Language language, bool percent_points) {
    Parts p;
    if (!split(fixed, p)) return std::string(fixed);
    if (is_zero(p)) return "0";
    std::string text = format_decimal(fixed, language, true);
    if (!p.negative) text = "+" + text;
    if (percent_points)
        text += language == Language::ru ? std::string(narrow_nbsp) + "п." + std::string(nbsp) + "п."
                                         : std::string(nbsp) + "pp";
    return text;
}

ShownNumber shown_number(std::string_view fixed, bool trim_zeros) {
    Parts p;
    ShownNumber out;
    if (!split(fixed, p)) return out;
    // Only the last digits decide a plural form, so a whole part too long for
    // long long keeps its last four.
    std::string_view digits = p.whole.size() > 18 ? p.whole.substr(p.whole.size() - 4) : p.whole;
    (void)std::from_chars(digits.data(), digits.data() + digits.size(), out.whole);
    out.fraction = !(trim_zeros ? trimmed(p.fraction) : p.fraction).empty();
    return out;
}

}  // namespace monsite::util
