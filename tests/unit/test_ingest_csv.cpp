#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "monsite/ingest/csv_reader.hpp"
#include "monsite/ingest/reader.hpp"
#include "test_support.hpp"

using namespace monsite;
using namespace monsite::ingest;

namespace {

Workbook read_csv_file(const std::filesystem::path& path, util::Diagnostics& diags, const ReadLimits& limits = {},
                       const SheetFilter& filter = {}) {
    return read_csv(path, "data/2025/" + path.filename().string(), limits, filter, diags);
}

Workbook read_csv_fixture(const std::string& name, util::Diagnostics& diags) {
    return read_csv_file(test::fixture("csv/" + name), diags);
}

// "<where>: <message>" of the DataError, or "" if the file reads.
std::string csv_data_error(const std::filesystem::path& path, const ReadLimits& limits = {}) {
    util::Diagnostics diags;
    try {
        read_csv_file(path, diags, limits);
    } catch (const util::DataError& e) {
        return e.to_diagnostic().to_string();
    }
    return "";
}

// Rows as (line, [texts by column, "" where empty]).
using Rows = std::vector<std::pair<std::uint32_t, std::vector<std::string>>>;

Rows rows_of(const Table& t) {
    Rows out;
    for (const Row& r : t.rows()) {
        std::vector<std::string> fields;
        for (const Cell& c : t.cells(r)) {
            CHECK(c.kind == CellKind::text);
            if (fields.size() < c.column) fields.resize(c.column);
            fields[c.column - 1] = std::string(t.text(c));
        }
        out.emplace_back(r.index, fields);
    }
    return out;
}

Rows read_text(const std::string& bytes, const std::string& name = "t.csv") {
    test::TempDir dir;
    test::write_file(dir / name, bytes);
    util::Diagnostics diags;
    Workbook book = read_csv_file(dir / name, diags);
    CHECK(diags.all().empty());
    REQUIRE(book.tables.size() == 1);
    return rows_of(book.tables[0]);
}

}  // namespace

TEST_CASE("csv: UTF-8 without BOM, semicolons") {
    util::Diagnostics diags;
    Workbook book = read_csv_fixture("utf8.csv", diags);
    CHECK(diags.all().empty());
    CHECK(book.file == "data/2025/utf8.csv");
    REQUIRE(book.tables.size() == 1);
    const Table& t = book.tables[0];
    CHECK(t.name() == "utf8");
    CHECK(t.source().line_based);
    CHECK(t.location(17, 0).to_string() == "data/2025/utf8.csv: строка 17");
    CHECK(t.location(17, 2).to_string() == "data/2025/utf8.csv: строка 17, столбец 2");
    CHECK(rows_of(t) == Rows{{1, {"Код ОО", "Вакансии", "Средний возраст"}}, {2, {"ОО-1", "3", "41,5"}}, {3, {"ОО-2"}}});
}

TEST_CASE("csv: UTF-8 with BOM, commas, CRLF") {
    util::Diagnostics diags;
    Workbook book = read_csv_fixture("utf8_bom.csv", diags);
    REQUIRE(book.tables.size() == 1);
    CHECK(rows_of(book.tables[0]) == Rows{{1, {"Код ОО", "Вакансии"}}, {2, {"ОО-1", "3"}}, {3, {"ОО-2", "0"}}});
}

TEST_CASE("csv: Windows-1251") {
    util::Diagnostics diags;
    Workbook book = read_csv_fixture("cp1251.csv", diags);
    REQUIRE(book.tables.size() == 1);
    CHECK(rows_of(book.tables[0]) == Rows{{1, {"Код ОО", "Вакансии", "Средний возраст"}},
                                          {2, {"ОО-1", "2", "38,5"}},
                                          {3, {"Ёлочка", "0", "45,25"}}});
}

TEST_CASE("csv: quoted fields keep delimiters, quotes and line ends; rows are numbered by their first line") {
    util::Diagnostics diags;
    Workbook book = read_csv_fixture("quoted.csv", diags);
    CHECK(diags.all().empty());
    REQUIRE(book.tables.size() == 1);
    CHECK(rows_of(book.tables[0]) == Rows{
                                         {1, {"Код ОО", "Наименование ОО", "Примечание"}},
                                         {2, {"ОО-1", "Школа \"Лидер\", г. Тверь", "две\nстроки"}},
                                         {4, {"ОО-2", "a,b"}},
                                         {6, {"ОО-3", "многострочное\n\nполе", "x\"y"}},
                                         {9, {"ОО-4", "послехвост"}},
                                         {10, {"ОО-5", "cr"}},
                                         {11, {"ОО-6", "конец"}},
                                     });
}

TEST_CASE("csv: an unterminated quote names the line where the field began") {
    std::string e = csv_data_error(test::fixture("csv/unterminated.csv"));
    CHECK(e.find("data/2025/unterminated.csv: строка 3, столбец 2: ") == 0);
    CHECK(e.find("незакрытая кавычка") != std::string::npos);
    CHECK(e.find("начатое в строке 3") != std::string::npos);
}

TEST_CASE("csv: UTF-16, UTF-32 and NUL bytes are rejected") {
    CHECK(csv_data_error(test::fixture("csv/utf16.csv")) ==
          "data/2025/utf16.csv: кодировка UTF-16 не поддерживается; сохраните файл как CSV UTF-8 или Windows-1251");
    std::string nul = csv_data_error(test::fixture("csv/nul.csv"));
    CHECK(nul.find("data/2025/nul.csv: строка 3: ") == 0);
    CHECK(nul.find("нулевой байт") != std::string::npos);

    test::TempDir dir;
    test::write_file(dir / "be.csv", std::string("\xFE\xFF\x04\x1A", 4));
    CHECK(csv_data_error(dir / "be.csv").find("UTF-16") != std::string::npos);
    test::write_file(dir / "u32.csv", std::string("\xFF\xFE\0\0\x1A\x04\0\0", 8));
    CHECK(csv_data_error(dir / "u32.csv").find("UTF-32") != std::string::npos);
    test::write_file(dir / "bad.csv", "\xEF\xBB\xBF" "a;b\nc;\xCA\xEE\xE4\n");
    CHECK(csv_data_error(dir / "bad.csv").find("data/2025/bad.csv: строка 2: ") == 0);
}

TEST_CASE("csv: delimiter detection") {
    // Any ';' outside quotes in the first non-blank record means ';'.
    CHECK(read_text("a;b,c;d\n") == Rows{{1, {"a", "b,c", "d"}}});
    CHECK(read_text("a,b;c,d\n") == Rows{{1, {"a,b", "c,d"}}});
    CHECK(read_text("Код ОО;Средняя учебная нагрузка, ставок\n") ==
          Rows{{1, {"Код ОО", "Средняя учебная нагрузка, ставок"}}});
    CHECK(read_text("a,b\n") == Rows{{1, {"a", "b"}}});
    CHECK(read_text("\"x;y;z\",b\n") == Rows{{1, {"x;y;z", "b"}}});
    // Blank lines do not decide; a record of bare delimiters (Excel's empty row) does.
    CHECK(read_text("\n  \n;;\nКод;Вакансии\n1;2,5\n") ==
          Rows{{2, {"  "}}, {4, {"Код", "Вакансии"}}, {5, {"1", "2,5"}}});
    CHECK(read_text("one\n") == Rows{{1, {"one"}}});
    // A title line without any delimiter above the header does not decide either.
    CHECK(read_text("Сведения о кадрах на 01.09.2025\nКод;Средняя учебная нагрузка, ставок\n1;2,5\n") ==
          Rows{{1, {"Сведения о кадрах на 01.09.2025"}}, {2, {"Код", "Средняя учебная нагрузка, ставок"}},
               {3, {"1", "2,5"}}});
    CHECK(read_text("a;b,c\n") == Rows{{1, {"a", "b,c"}}});
}

TEST_CASE("csv: line ends and edge records") {
    CHECK(read_text("a\rb\r\nc\nd") == Rows{{1, {"a"}}, {2, {"b"}}, {3, {"c"}}, {4, {"d"}}});
    CHECK(read_text("").empty());
    CHECK(read_text("\xEF\xBB\xBF").empty());
    CHECK(read_text("a;;c;\n;\n") == Rows{{1, {"a", "", "c"}}});
    CHECK(read_text("\"\"\"\";\"\"\n") == Rows{{1, {"\""}}});
    CHECK(read_text("\"a\r\rb\"\n") == Rows{{1, {"a\n\nb"}}});
}

TEST_CASE("csv: limits and the sheet filter") {
    test::TempDir dir;
    test::write_file(dir / "Кадры.csv", "Код;Текст\n1;длинный текст\n2;ok\n");

    util::Diagnostics diags;
    ReadLimits limits;
    limits.max_cell_chars = 5;
    Workbook book = read_csv_file(dir / "Кадры.csv", diags, limits);
    REQUIRE(diags.error_count() == 1);
    CHECK(diags.all()[0].to_string().find("data/2025/Кадры.csv: строка 2, столбец 2: ") == 0);
    REQUIRE(book.tables.size() == 1);
    CHECK(book.tables[0].name() == "Кадры");
    CHECK(rows_of(book.tables[0]) == Rows{{1, {"Код", "Текст"}}, {2, {"1"}}, {3, {"2", "ok"}}});

    ReadLimits small;
    small.max_csv_bytes = 10;
    CHECK(csv_data_error(dir / "Кадры.csv", small).find("больше") != std::string::npos);

    util::Diagnostics none;
    Workbook skipped = read_csv_file(dir / "Кадры.csv", none, {}, [](std::string_view n) { return n != "Кадры"; });
    CHECK(skipped.tables.empty());
    CHECK(skipped.skipped_sheets == std::vector<std::string>{"Кадры"});

    Workbook via = read_workbook(dir / "Кадры.csv", "Кадры.csv", {}, {}, none);
    REQUIRE(via.tables.size() == 1);
    CHECK(none.all().empty());
}
