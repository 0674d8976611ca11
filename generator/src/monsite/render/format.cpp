#include "monsite/render/format.hpp"

#include "monsite/util/number_format.hpp"

namespace monsite::render {
namespace {

constexpr std::string_view thin_space = "\u202f";  // narrow no-break space
constexpr std::string_view minus = "\u2212";

// "12345.50" -> "12 345,5": trailing zeros of the fraction dropped if asked,
// thousands grouped from five digits on.
std::string russian(std::string fixed, bool trim_zeros) {
    bool negative = !fixed.empty() && fixed.front() == '-';
    if (negative) fixed.erase(0, 1);
    std::string whole = fixed, fraction;
    if (auto dot = fixed.find('.'); dot != std::string::npos) {
        whole = fixed.substr(0, dot);
        fraction = fixed.substr(dot + 1);
    }
    if (trim_zeros)
        while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
    std::string grouped;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0 && whole.size() > 4) grouped += thin_space;
        grouped += whole[i];
    }
    std::string out = negative ? std::string(minus) + grouped : grouped;
    if (!fraction.empty()) out += "," + fraction;
    return out;
}

std::string unit_suffix(const model::Indicator& indicator, bool change) {
    switch (indicator.unit) {
        case model::Unit::percent: return change ? std::string(thin_space) + "п.\u00a0п." : std::string(thin_space) + "%";
        case model::Unit::years: return std::string(thin_space) + "лет";
        case model::Unit::rates: return std::string(thin_space) + "ст.";
        case model::Unit::count: break;
    }
    return {};
}

}  // namespace

int decimals_of(const model::Indicator& indicator) { return indicator.unit == model::Unit::count ? 0 : 2; }

std::string data_number(const model::Indicator& indicator, const model::Exact& value) {
    return value.to_fixed(decimals_of(indicator));
}

std::string data_sum(const model::Exact& value) {
    return value.denominator() == 1 ? value.to_fixed(0) : value.to_fixed(2);
}

std::string ru_decimal(const model::Exact& value, int decimals) { return russian(value.to_fixed(decimals), false); }

std::string ru_value(const model::Indicator& indicator, const model::Exact& value) {
    int places = indicator.unit == model::Unit::count ? 0 : 1;
    return russian(value.to_fixed(places), true) + unit_suffix(indicator, false);
}

std::string ru_change(const model::Indicator& indicator, const model::Exact& change) {
    int places = indicator.unit == model::Unit::count ? 0 : 1;
    std::string text = russian(change.to_fixed(places), true);
    if (text == "0" || text == std::string(minus) + "0") return "0";
    if (text.rfind(minus, 0) != 0) text = "+" + text;
    return text + unit_suffix(indicator, true);
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
