#include "monsite/render/format.hpp"

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
    // value * 10^decimals rounded half away from zero (as to_fixed), an integer q;
    // q / 10^decimals in one correctly rounded division is the double nearest to
    // the decimal to_fixed writes (q below 2^53, 10^decimals exact for decimals <= 22).
    model::Exact scale = 1;
    for (int i = 0; i < decimals; ++i) scale = scale * model::Exact(10);
    const model::Exact scaled = value * scale;
    const model::Exact::Int den = scaled.denominator();
    const model::Exact::Int magnitude = scaled.numerator() < 0 ? -scaled.numerator() : scaled.numerator();
    model::Exact::Int q = magnitude / den;
    if (magnitude % den >= den - magnitude % den) ++q;
    const double number = static_cast<double>(q) / static_cast<double>(scale.numerator());
    return scaled.numerator() < 0 && q != 0 ? -number : number;
}

std::string data_sum(const model::Exact& value) {
    return value.denominator() == 1 ? value.to_fixed(0) : value.to_fixed(2);
}

double data_sum_double(const model::Exact& value) { return data_double(value, value.denominator() == 1 ? 0 : 2); }

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
