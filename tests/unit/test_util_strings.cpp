#include <doctest/doctest.h>

#include <array>
#include <string_view>

#include "monsite/util/error.hpp"
#include "monsite/util/strings.hpp"

using namespace monsite::util;

TEST_CASE("normalize_key folds case, ё, spaces and trailing punctuation") {
    CHECK(normalize_key("  Код  ОО: ") == "код оо");
    CHECK(normalize_key("ВСЕГО\u00a0педагогических   работников.") == "всего педагогических работников");
    CHECK(normalize_key("Объём") == "объем");
    CHECK(normalize_key("ЁЛКА") == "елка");
    CHECK(normalize_key("school_id") == "school_id");
    CHECK(normalize_key("Выявлен дефицит?*") == "выявлен дефицит");
    CHECK(normalize_key("Результат диагностики, %") == "результат диагностики");
    CHECK(normalize_key("Вакансии…") == "вакансии");
}

TEST_CASE("trim removes ASCII and no-break spaces and BOM") {
    CHECK(trim("\xEF\xBB\xBF  abc\u00a0") == "abc");
    CHECK(trim("\u202f12\u202f") == "12");
    CHECK(trim("   ").empty());
}

TEST_CASE("cp1251 decodes Cyrillic") {
    CHECK(cp1251_to_utf8("\xCA\xEE\xE4 \xCE\xCE") == "Код ОО");
    CHECK(cp1251_to_utf8("\xA8\xB8") == "Ёё");
    CHECK(is_valid_utf8("Код"));
    CHECK_FALSE(is_valid_utf8("\xCA\xEE\xE4"));
    CHECK_FALSE(is_valid_utf8("\xC0\x80"));  // overlong
}

TEST_CASE("quote_for_message bounds length and hides control characters") {
    CHECK(quote_for_message("много") == "«много»");
    CHECK(quote_for_message("a\nb") == "«a b»");
    CHECK(quote_for_message("абвгд", 3) == "«абв…»");
}

TEST_CASE("cell addresses") {
    CHECK(column_letters(1) == "A");
    CHECK(column_letters(27) == "AA");
    CHECK(column_letters(16384) == "XFD");
    CHECK(cell_address(17, 3) == "C17");
}

TEST_CASE("locations print in the user's form") {
    SourceLocation book{"data/2025/школа_12.xlsx", "Кадры", 17, 3, false};
    CHECK(book.to_string() == "data/2025/школа_12.xlsx: Кадры!C17");
    SourceLocation csv{"data/2024/Кадры.csv", "", 5, 2, true};
    CHECK(csv.to_string() == "data/2024/Кадры.csv: строка 5, столбец 2");
    Diagnostic d{Severity::warning, {"f.xlsx", "Лист1"}, "неизвестный лист"};
    CHECK(d.to_string() == "f.xlsx: Лист1: предупреждение: неизвестный лист");
}

TEST_CASE("loose_key reads punctuation, hyphens and dashes as spaces") {
    CHECK(loose_key("Педагоги-наставники") == "педагоги наставники");
    CHECK(loose_key("  Педагоги   наставники. ") == "педагоги наставники");
    CHECK(loose_key("Молодые специалисты, имеющие наставника") == "молодые специалисты имеющие наставника");
    CHECK(loose_key("«Точка роста» — центр (2025)") == "точка роста центр 2025");
    CHECK(loose_key("Средняя учебная нагрузка, ставок") == "средняя учебная нагрузка ставок");
    CHECK(loose_key("…") == "");
}

TEST_CASE("edit_distance counts code points and stops above its limit") {
    CHECK(edit_distance("", "") == 0);
    CHECK(edit_distance("abc", "") == 3);
    CHECK(edit_distance("kitten", "sitting") == 3);
    CHECK(edit_distance("педагоги наставники", "педагоги-наставники") == 1);  // one code point, two bytes
    CHECK(edit_distance("вакансии", "ваканси") == 1);
    CHECK(edit_distance("ёж", "еж") == 1);
    CHECK(edit_distance("municipalty", "municipality") == 1);
    CHECK(edit_distance("abcdef", "uvwxyz", 2) == 3);   // gave up: limit + 1
    CHECK(edit_distance("a", "abcdefgh", 3) == 4);      // length alone decides
    CHECK(edit_distance("kitten", "sitting", 3) == 3);  // within the limit: exact
}

TEST_CASE("closest picks the nearest option within the distance, the first on a tie") {
    constexpr std::array<std::string_view, 4> options = {"municipality", "department", "base_url", "base_uri"};
    CHECK(closest("municipalty", options, 2) == 0);
    CHECK(closest("departmnet", options, 2) == 1);
    CHECK(closest("base_urx", options, 2) == 2);  // tie with base_uri: the first
    CHECK_FALSE(closest("theme", options, 2));
    CHECK_FALSE(closest("anything", std::span<const std::string_view>{}, 5));
}
