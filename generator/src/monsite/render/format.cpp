#include "monsite/render/format.hpp"

#include <charconv>

#include "monsite/util/number_format.hpp"

namespace monsite::render {
namespace {

constexpr std::string_view minus = "\u2212";

}  // namespace

int decimals_of(const model::Indicator& indicator) { return indicator.unit == model::Unit::count ? 0 : 2; }

std::string data_number(const model::Indicator& indicator, const model::Exact& value) {
    return value.to_fixed(decimals_of(indicator));
}

double data_double(const model::Exact& value, int decimals) {
    const std::string text = value.to_fixed(decimals);
    double number = 0;
    std::from_chars(text.data(), text.data() + text.size(), number);
    return number;
}

std::string data_sum(const model::Exact& value) {
    return value.denominator() == 1 ? value.to_fixed(0) : value.to_fixed(2);
}

std::string decimal_text(const config::TextCatalogue& texts, const model::Exact& value, int decimals) {
    return util::format_decimal(value.to_fixed(decimals), texts.language(), false);
}

std::string value_text(const config::TextCatalogue& texts, const model::Indicator& indicator, const model::Exact& value) {
    const util::Language language = texts.language();
    switch (indicator.unit) {
        case model::Unit::percent: return util::format_percent(value.to_fixed(1), language);
        case model::Unit::count: return util::format_decimal(value.to_fixed(0), language, true);
        case model::Unit::years: return texts.plural_decimal("value_years", value.to_fixed(1));
        case model::Unit::rates: return texts.plural_decimal("value_rates", value.to_fixed(1));
    }
    return {};
}

std::string change_text(const config::TextCatalogue& texts, const model::Indicator& indicator,
                        const model::Exact& change) {
    const util::Language language = texts.language();
    const bool count = indicator.unit == model::Unit::count;
    const std::string fixed = change.to_fixed(count ? 0 : 1);
    if (indicator.unit == model::Unit::percent || count) return util::format_change(fixed, language, !count);
    std::string text = util::format_change(fixed, language, false);
    if (text == "0") return text;
    const bool negative = fixed.front() == '-';
    const std::string magnitude = negative ? fixed.substr(1) : fixed;
    const char* key = indicator.unit == model::Unit::years ? "value_years" : "value_rates";
    return (negative ? std::string(minus) : std::string("+")) + texts.plural_decimal(key, magnitude);
}

}  // namespace monsite::render
