#include "monsite/util/plural.hpp"

#include <array>

namespace monsite::util {

std::string_view to_string(PluralCategory category) {
    switch (category) {
        case PluralCategory::one: return "one";
        case PluralCategory::few: return "few";
        case PluralCategory::many: return "many";
        case PluralCategory::other: break;
    }
    return "other";
}

std::optional<PluralCategory> parse_plural_category(std::string_view name) {
    if (name == "one") return PluralCategory::one;
    if (name == "few") return PluralCategory::few;
    if (name == "many") return PluralCategory::many;
    if (name == "other") return PluralCategory::other;
    return std::nullopt;
}

PluralCategory plural_ru(long long n) {
    // The rule looks at the last digits only; the sign does not matter.
    unsigned long long a = n < 0 ? 0ULL - static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n);
    unsigned long long last = a % 10, last_two = a % 100;
    if (last == 1 && last_two != 11) return PluralCategory::one;
    if (last >= 2 && last <= 4 && !(last_two >= 12 && last_two <= 14)) return PluralCategory::few;
    return PluralCategory::many;
}

PluralCategory plural_en(long long n) { return n == 1 || n == -1 ? PluralCategory::one : PluralCategory::other; }

PluralCategory plural_category(Language language, long long n) {
    return language == Language::ru ? plural_ru(n) : plural_en(n);
}

PluralCategory plural_category(Language language, long long whole, bool shows_fraction) {
    return shows_fraction ? PluralCategory::other : plural_category(language, whole);
}

std::span<const PluralCategory> plural_categories(Language language) {
    static constexpr std::array<PluralCategory, 4> ru = {PluralCategory::one, PluralCategory::few,
                                                         PluralCategory::many, PluralCategory::other};
    static constexpr std::array<PluralCategory, 2> en = {PluralCategory::one, PluralCategory::other};
    if (language == Language::ru) return ru;
    return en;
}

}  // namespace monsite::util
