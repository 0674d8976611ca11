#include <doctest/doctest.h>

#include "monsite/ingest/headers.hpp"

using namespace monsite::ingest;

namespace {
Table header_table(std::initializer_list<const char*> headers, std::uint32_t row = 2) {
    Table t("Кадры", {"f.xlsx", "Кадры"});
    t.begin_row(row);
    std::uint32_t column = 1;
    for (const char* h : headers) t.add_text(column++, h);
    t.end_row();
    return t;
}
const HeaderCandidate candidates[] = {
    {"school_id", "Код ОО"},
    {"teachers_total", "Всего педагогических работников"},
    {"young_0_3", "Молодые специалисты со стажем до 3 лет"},
};
}  // namespace

TEST_CASE("headers match by text or id, ignoring case, spaces, ё and trailing punctuation") {
    auto t = header_table({"  КОД  оо:", "teachers_total", "Молодые специалисты со стажем до 3 лет."});
    auto m = match_headers(t, candidates);
    REQUIRE(m.header_row);
    CHECK(m.header_row->index == 2);
    CHECK(m.columns == std::vector<std::uint32_t>{1, 2, 3});
    CHECK(m.unknown.empty());
}

TEST_CASE("unknown, personal and duplicated columns are reported") {
    auto t = header_table({"Код ОО", "ФИО директора", "Примечание", "Код ОО", "Телефон", "Дата рождения"});
    auto m = match_headers(t, candidates);
    CHECK(m.columns[0] == 1);
    CHECK(m.columns[1] == 0);
    REQUIRE(m.unknown.size() == 1);
    CHECK(m.unknown[0].text == "Примечание");
    CHECK(m.personal.size() == 3);
    REQUIRE(m.duplicates.size() == 1);
    CHECK(m.duplicates[0].column == 4);
    CHECK(m.duplicates[0].first_column == 1);
}

TEST_CASE("personal-data headers") {
    for (const char* h : {"ФИО", "Фамилия", "Имя", "Отчество", "СНИЛС", "Паспорт", "Паспортные данные", "Телефон",
                          "E-mail", "Электронная почта", "Дата рождения", "Адрес проживания", "Фамилия, имя"})
        CHECK_MESSAGE(is_personal_data_header(h), h);
    for (const char* h : {"Наименование ОО", "Краткое наименование", "Код педагога", "Возраст", "Территория"})
        CHECK_FALSE_MESSAGE(is_personal_data_header(h), h);
}

TEST_CASE("an empty table has no header row") {
    Table t("Кадры", {"f.xlsx", "Кадры"});
    auto m = match_headers(t, candidates);
    CHECK(m.header_row == nullptr);
}
