#include <doctest/doctest.h>

#include "monsite/config/i18n.hpp"
#include "monsite/util/plural.hpp"

using namespace monsite;
using util::Language;
using util::PluralCategory;

TEST_CASE("plural_ru: CLDR one, few, many for whole numbers") {
    CHECK(util::plural_ru(1) == PluralCategory::one);
    CHECK(util::plural_ru(21) == PluralCategory::one);
    CHECK(util::plural_ru(101) == PluralCategory::one);
    CHECK(util::plural_ru(11) == PluralCategory::many);
    CHECK(util::plural_ru(111) == PluralCategory::many);
    CHECK(util::plural_ru(2) == PluralCategory::few);
    CHECK(util::plural_ru(4) == PluralCategory::few);
    CHECK(util::plural_ru(22) == PluralCategory::few);
    CHECK(util::plural_ru(24) == PluralCategory::few);
    CHECK(util::plural_ru(12) == PluralCategory::many);
    CHECK(util::plural_ru(14) == PluralCategory::many);
    CHECK(util::plural_ru(112) == PluralCategory::many);
    CHECK(util::plural_ru(0) == PluralCategory::many);
    CHECK(util::plural_ru(5) == PluralCategory::many);
    CHECK(util::plural_ru(25) == PluralCategory::many);
    CHECK(util::plural_ru(-21) == PluralCategory::one);
}

TEST_CASE("plural_en: one for 1 only") {
    CHECK(util::plural_en(1) == PluralCategory::one);
    CHECK(util::plural_en(0) == PluralCategory::other);
    CHECK(util::plural_en(2) == PluralCategory::other);
    CHECK(util::plural_en(21) == PluralCategory::other);
    CHECK(util::plural_en(11) == PluralCategory::other);
}

TEST_CASE("a number shown with a fraction takes other") {
    CHECK(util::plural_category(Language::ru, 1, true) == PluralCategory::other);
    CHECK(util::plural_category(Language::ru, 1, false) == PluralCategory::one);
    CHECK(util::plural_category(Language::en, 1, true) == PluralCategory::other);
}

TEST_CASE("plural categories and their names") {
    CHECK(util::plural_categories(Language::ru).size() == 4);
    CHECK(util::plural_categories(Language::en).size() == 2);
    CHECK(util::parse_plural_category("few") == PluralCategory::few);
    CHECK_FALSE(util::parse_plural_category("two").has_value());
    CHECK(util::to_string(PluralCategory::many) == "many");
}

TEST_CASE("built-in Russian catalogue: школа and педагог take the right form") {
    const auto ru = config::builtin_texts(Language::ru);
    CHECK(ru.plural("school_count", 1) == "1 школа");
    CHECK(ru.plural("school_count", 2) == "2 школы");
    CHECK(ru.plural("school_count", 5) == "5 школ");
    CHECK(ru.plural("school_count", 11) == "11 школ");
    CHECK(ru.plural("school_count", 21) == "21 школа");
    CHECK(ru.plural("school_count", 22) == "22 школы");
    CHECK(ru.plural("school_count", 24) == "24 школы");
    CHECK(ru.plural("school_count", 25) == "25 школ");
    CHECK(ru.plural("school_count", 111) == "111 школ");
    CHECK(ru.plural("teacher_count", 1) == "1 педагог");
    CHECK(ru.plural("teacher_count", 3) == "3 педагога");
    CHECK(ru.plural("teacher_count", 5) == "5 педагогов");
    CHECK(ru.plural("teacher_count", 12345) == "12\u202f345 педагогов");
    CHECK(ru.plural("school_count", 2) == "2 школы");
    CHECK(ru.plural("school_count", 21) == "21 школа");
    CHECK(ru.plural("school_count", 5) == "5 школ");
}

TEST_CASE("built-in English catalogue: one and other") {
    const auto en = config::builtin_texts(Language::en);
    CHECK(en.plural("school_count", 1) == "1 school");
    CHECK(en.plural("school_count", 21) == "21 schools");
    CHECK(en.plural("teacher_count", 0) == "0 teachers");
    CHECK(en.plural("teacher_count", 1234) == "1,234 teachers");
}

TEST_CASE("plural_decimal: the form follows the number as shown") {
    const auto ru = config::builtin_texts(Language::ru);
    CHECK(ru.plural_decimal("value_years", "42.00") == "42\u202fгода");
    CHECK(ru.plural_decimal("value_years", "41.0") == "41\u202fгод");
    CHECK(ru.plural_decimal("value_years", "45.0") == "45\u202fлет");
    CHECK(ru.plural_decimal("value_years", "12.5") == "12,5\u202fгода");
    CHECK(ru.plural_decimal("value_rates", "1.5") == "1,5\u202fставки");
    const auto en = config::builtin_texts(Language::en);
    CHECK(en.plural_decimal("value_years", "1.0") == "1\u00a0year");
    CHECK(en.plural_decimal("value_years", "1.5") == "1.5\u00a0years");
}
