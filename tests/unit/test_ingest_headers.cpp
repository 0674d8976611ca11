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

namespace {

// A sheet built row by row: {row index, {column, text}...}; numbers as text are fine for headers.
struct SheetRow {
    std::uint32_t index;
    std::vector<std::pair<std::uint32_t, const char*>> cells;
};
Table sheet(std::initializer_list<SheetRow> rows, std::initializer_list<MergedRange> merges = {}) {
    Table t("Кадры", {"f.xlsx", "Кадры"});
    for (const auto& r : rows) {
        t.begin_row(r.index);
        for (const auto& [column, text] : r.cells) t.add_text(column, text);
        t.end_row();
    }
    for (const auto& m : merges) t.add_merge(m);
    return t;
}
const HeaderCandidate staff[] = {
    {"school_id", "Код ОО", true},
    {"teachers_total", "Всего педагогических работников"},
    {"vacancies", "Вакансии"},
    {"young_0_3", "Молодые специалисты со стажем до 3 лет"},
    {"young_0_1", "Молодые специалисты со стажем до 1 года"},
    {"young_with_mentor", "Молодые специалисты, имеющие наставника"},
    {"cat_highest", "Высшая квалификационная категория"},
};
const SheetRow data_row{9, {{1, "sch01"}, {2, "52"}, {3, "3"}}};

}  // namespace

TEST_CASE("the header row is found below title rows, a blank row and a note") {
    // Row 1: a merged title (one text cell in A), row 2 blank (not stored), row 3 a note, row 4 the header.
    auto t = sheet({{1, {{1, "Сведения о кадрах общеобразовательных организаций\nна 01.09.2025"}}},
                    {3, {{1, "Заполняет ОО"}, {4, "форма 1"}}},
                    {4, {{1, "Код ОО"}, {2, "Всего педагогических работников"}, {3, "Вакансии"}, {4, "Примечание"}}},
                    {5, {{1, "sch01"}, {2, "52"}, {3, "3"}}},
                    {6, {{1, "sch02"}, {2, "41"}, {3, "1"}}}},
                   {{1, 1, 1, 4}});
    auto m = match_headers(t, staff);
    REQUIRE(m.header_row);
    CHECK(m.found);
    CHECK(m.header_row->index == 4);
    CHECK(m.group_row == nullptr);
    CHECK(m.data_begin == 3);  // rows()[3] is sheet row 5
    CHECK(t.rows()[m.data_begin].index == 5);
    CHECK(m.columns[0] == 1);
    CHECK(m.columns[1] == 2);
    CHECK(m.columns[2] == 3);
    REQUIRE(m.unknown.size() == 1);  // the title and the note are not reported
    CHECK(m.unknown[0].text == "Примечание");
    CHECK(m.unknown[0].row == 4);
}

TEST_CASE("the header row is the one matching the most; the earliest on a tie") {
    // Row 2 matches two, row 3 matches three: row 3. Rows 5 and 6 tie with three each: row 5.
    auto t = sheet({{2, {{1, "Код ОО"}, {2, "Вакансии"}}},
                    {3, {{1, "Код ОО"}, {2, "Вакансии"}, {3, "Всего педагогических работников"}}},
                    {4, {{1, "sch01"}, {2, "1"}, {3, "2"}}}});
    auto m = match_headers(t, staff);
    CHECK(m.found);
    CHECK(m.header_row->index == 3);
    auto tie = sheet({{5, {{1, "Код ОО"}, {2, "Вакансии"}, {3, "Всего педагогических работников"}}},
                      {7, {{1, "Код ОО"}, {2, "Вакансии"}, {3, "Всего педагогических работников"}}}});
    CHECK(match_headers(tie, staff).header_row->index == 5);
}

TEST_CASE("a header row needs the key column or two known columns") {
    // The key alone qualifies.
    auto key = sheet({{1, {{1, "Отчёт"}}}, {2, {{1, "Код ОО"}, {2, "Примечание"}}}, {3, {{1, "sch01"}}}});
    auto k = match_headers(key, staff);
    CHECK(k.found);
    CHECK(k.header_row->index == 2);
    // One known column that is not the key does not.
    auto one = sheet({{1, {{1, "Вакансии"}}}, {2, {{1, "sch01"}, {2, "3"}}}});
    auto o = match_headers(one, staff);
    CHECK_FALSE(o.found);
    REQUIRE(o.header_row);
    CHECK(o.header_row->index == 1);  // the first non-empty row, as before
    CHECK(o.data_begin == 1);
    // Two known columns do.
    auto two = sheet({{1, {{1, "Вакансии"}, {2, "teachers_total"}}}, {2, {{1, "3"}, {2, "40"}}}});
    CHECK(match_headers(two, staff).found);
}

TEST_CASE("no header among the first rows: not found, the first row taken") {
    auto t = sheet({{1, {{1, "Школа"}, {2, "Педагогов"}}}, {2, {{1, "sch01"}, {2, "52"}}}});
    auto m = match_headers(t, staff);
    CHECK_FALSE(m.found);
    CHECK(m.header_row->index == 1);
    CHECK(m.columns[0] == 0);
    // A real header below the first header_search_rows non-empty rows is not looked for.
    Table deep("Кадры", {"f.xlsx", "Кадры"});
    for (std::uint32_t r = 1; r <= header_search_rows; ++r) {
        deep.begin_row(r);
        deep.add_text(1, "строка " + std::to_string(r));
        deep.end_row();
    }
    deep.begin_row(header_search_rows + 1);
    deep.add_text(1, "Код ОО");
    deep.add_text(2, "Вакансии");
    deep.end_row();
    CHECK_FALSE(match_headers(deep, staff).found);
}

TEST_CASE("a two-row header: a merged group caption over sub-captions, other captions merged down") {
    // A title (row 1), then row 2: Код ОО | Всего | Молодые специалисты (C2:E2) | Высшая ...;
    // row 3: sub-captions under C..E; A, B and F merged down over rows 2-3.
    auto t = sheet({{1, {{1, "Сведения о кадрах"}}},
                    {2, {{1, "Код ОО"}, {2, "Всего педагогических работников"}, {3, "Молодые специалисты"},
                         {6, "Высшая квалификационная категория"}, {7, "Вакансии"}}},
                    {3, {{3, "со стажем до 3 лет"}, {4, "со стажем до 1 года"}, {5, "имеющие наставника"}}},
                    {4, {{1, "sch01"}, {2, "52"}, {3, "6"}, {4, "2"}, {5, "5"}, {6, "18"}, {7, "3"}}}},
                   {{1, 1, 1, 7}, {2, 1, 3, 1}, {2, 2, 3, 2}, {2, 3, 2, 5}, {2, 6, 3, 6}, {2, 7, 3, 7}});
    auto m = match_headers(t, staff);
    CHECK(m.found);
    REQUIRE(m.group_row);
    CHECK(m.group_row->index == 2);
    CHECK(m.header_row->index == 3);
    CHECK(t.rows()[m.data_begin].index == 4);
    CHECK(m.columns == std::vector<std::uint32_t>{1, 2, 7, 3, 4, 5, 6});
    CHECK(m.unknown.empty());
}

TEST_CASE("a two-row header without merge records: the group caption is carried to the right") {
    // As CSV or ODS give it: the caption in its first column only.
    auto t = sheet({{1, {{1, "Код ОО"}, {2, "Молодые специалисты"}, {5, "Вакансии"}}},
                    {2, {{2, "со стажем до 3 лет"}, {3, "со стажем до 1 года"}, {4, "имеющие наставника"},
                         {6, "Примечание"}}},
                    {3, {{1, "sch01"}, {2, "6"}, {3, "2"}, {4, "5"}, {5, "3"}}}});
    auto m = match_headers(t, staff);
    CHECK(m.found);
    REQUIRE(m.group_row);
    CHECK(m.header_row->index == 2);
    CHECK(m.columns == std::vector<std::uint32_t>{1, 0, 5, 2, 3, 4, 0});
    // An unknown sub-caption keeps the caption over it, for the suggestion.
    REQUIRE(m.unknown.size() == 1);
    CHECK(m.unknown[0].text == "Примечание");
    CHECK(m.unknown[0].caption == "Вакансии");
    CHECK(m.unknown[0].row == 2);
}

TEST_CASE("with merge records, only the merged block carries its caption") {
    // C2 is outside the merged block A..B of «Молодые специалисты»: it gets no caption.
    auto t = sheet({{1, {{1, "Молодые специалисты"}, {4, "Код ОО"}}},
                    {2, {{1, "со стажем до 3 лет"}, {2, "со стажем до 1 года"}, {3, "имеющие наставника"}}},
                    {3, {{1, "6"}, {2, "2"}, {3, "5"}, {4, "sch01"}}}},
                   {{1, 1, 1, 2}, {1, 4, 2, 4}});
    auto m = match_headers(t, staff);
    CHECK(m.found);
    CHECK(m.columns[3] == 1);
    CHECK(m.columns[4] == 2);
    CHECK(m.columns[5] == 0);
    REQUIRE(m.unknown.size() == 1);
    CHECK(m.unknown[0].text == "имеющие наставника");
    CHECK(m.unknown[0].caption.empty());
}

TEST_CASE("a plain header is not mistaken for a two-row one") {
    // The first data row under the header: never a better match than the header alone.
    auto t = sheet({{1, {{1, "Код ОО"}, {2, "Вакансии"}}}, {2, {{1, "sch01"}, {2, "3"}}}, data_row});
    auto m = match_headers(t, staff);
    CHECK(m.found);
    CHECK(m.group_row == nullptr);
    CHECK(m.header_row->index == 1);
    CHECK(m.data_begin == 1);
}

TEST_CASE("header slips: a hyphen, a few letters, one word") {
    CHECK(header_slip("Педагоги наставники", "Педагоги-наставники") == 0);
    CHECK(header_slip("Педагоги -  наставники.", "Педагоги-наставники") == 0);
    CHECK(header_slip("Ваканси", "Вакансии") == 1);
    CHECK(header_slip("Всего педагогическх работников", "Всего педагогических работников") == 1);
    CHECK(header_slip("Высшая категория", "Высшая квалификационная категория") == 100);  // one word less
    CHECK(header_slip("Средний возраст педагогов", "Средний возраст") == 100);          // one word more
    CHECK_FALSE(header_slip("Примечание", "Предмет"));
    CHECK_FALSE(header_slip("Категория", "Высшая категория"));  // one word left: too little to tell
    CHECK_FALSE(header_slip("ИОМ", "ФИО"));                     // short keys: one letter at most
    CHECK(header_slip("Срок", "Сроки") == 1);
    CHECK_FALSE(header_slip("", "Вакансии"));
}

TEST_CASE("similar_header suggests the closest candidate not already present") {
    std::vector<bool> none(std::size(staff), false);
    CHECK(similar_header("Ваканси", staff, none) == 2);
    CHECK(similar_header("Молодые специалисты имеющие наставника", staff, none) == 5);
    CHECK(similar_header("teachers_totl", staff, none) == 1);  // by id too
    CHECK_FALSE(similar_header("Примечание", staff, none));
    std::vector<bool> taken = none;
    taken[2] = true;
    CHECK_FALSE(similar_header("Ваканси", staff, taken));
}
