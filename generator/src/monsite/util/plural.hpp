#pragma once
// CLDR plural categories and the cardinal rules of the interface languages:
// which form of a counted word a number takes ("21 школа", "24 школы", "25 школ").

#include <optional>
#include <span>
#include <string_view>

#include "monsite/util/language.hpp"

namespace monsite::util {

enum class PluralCategory { one, few, many, other };

std::string_view to_string(PluralCategory category);
// "one", "few", "many", "other"; anything else (CLDR's "zero" and "two" too): nullopt.
std::optional<PluralCategory> parse_plural_category(std::string_view name);

// Russian, whole numbers: one (1, 21, 101; not 11), few (2–4, 22–24; not 12–14), many (the rest).
PluralCategory plural_ru(long long n);
// English, whole numbers: one (1), other (the rest).
PluralCategory plural_en(long long n);
PluralCategory plural_category(Language language, long long n);
// A number shown with a fraction ("1,5", "12.3") takes `other` in both languages;
// without one, the whole-number rule applies.
PluralCategory plural_category(Language language, long long whole, bool shows_fraction);

// The forms a plural entry of the language must have, in CLDR order:
// ru: one, few, many, other; en: one, other.
std::span<const PluralCategory> plural_categories(Language language);

}  // namespace monsite::util
