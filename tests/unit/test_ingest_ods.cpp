#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include "monsite/ingest/ods_reader.hpp"
#include "monsite/ingest/reader.hpp"
#include "test_support.hpp"

using namespace monsite;
using namespace monsite::ingest;

namespace {

Workbook read_fixture(const std::string& name, util::Diagnostics& diags, const SheetFilter& filter = {},
                      const ReadLimits& limits = {}) {
    return read_ods(test::fixture("ods/" + name), "data/2025/" + name, limits, filter, diags);
}

// "<where>: <message>" of the DataError the fixture gives, or "" if it reads.
std::string ods_data_error(const std::string& name) {
    util::Diagnostics diags;
    try {
        read_fixture(name, diags);
    } catch (const util::DataError& e) {
        return e.to_diagnostic().to_string();
    }
    return "";
}

const Table& sheet(const Workbook& book, const std::string& name) {
    for (const Table& t : book.tables)
        if (t.name() == name) return t;
    static const Table none;
    FAIL("no sheet " << name);
    return none;
}

const Cell* cell_at(const Table& t, std::uint32_t row, std::uint32_t column) {
    for (const Row& r : t.rows()) {
        if (r.index != row) continue;
        for (const Cell& c : t.cells(r))
            if (c.column == column) return &c;
    }
    return nullptr;
}

std::string text_at(const Table& t, std::uint32_t row, std::uint32_t column) {
    const Cell* c = cell_at(t, row, column);
    REQUIRE_MESSAGE(c, "no cell at " << util::cell_address(row, column));
    CHECK(c->kind == CellKind::text);
    return std::string(t.text(*c));
}

double number_at(const Table& t, std::uint32_t row, std::uint32_t column, bool percent = false) {
    const Cell* c = cell_at(t, row, column);
    REQUIRE_MESSAGE(c, "no cell at " << util::cell_address(row, column));
    CHECK(c->kind == CellKind::number);
    CHECK(c->percent_format == percent);
    return c->number;
}

std::vector<std::uint32_t> row_indexes(const Table& t) {
    std::vector<std::uint32_t> out;
    for (const Row& r : t.rows()) out.push_back(r.index);
    return out;
}

}  // namespace

TEST_CASE("ods: every sheet of a LibreOffice workbook, in order") {
    util::Diagnostics diags;
    Workbook book = read_fixture("workbook.ods", diags);
    CHECK(diags.all().empty());
    CHECK(book.file == "data/2025/workbook.ods");
    std::vector<std::string> names;
    for (const Table& t : book.tables) names.push_back(t.name());
    CHECK(names == std::vector<std::string>{"Кадры", "Повторы", "Объединение", "Текст", "Лишний"});
    CHECK(book.skipped_sheets.empty());
    const Table& t = sheet(book, "Кадры");
    CHECK(t.source().sheet == "Кадры");
    CHECK(t.location(17, 3).to_string() == "data/2025/workbook.ods: Кадры!C17");
}

TEST_CASE("ods: typed values from a LibreOffice workbook") {
    util::Diagnostics diags;
    Workbook book = read_fixture("workbook.ods", diags);
    const Table& t = sheet(book, "Кадры");
    CHECK(row_indexes(t) == std::vector<std::uint32_t>{1, 2, 3, 5});  // row 4 is empty
    CHECK(text_at(t, 1, 1) == "Код ОО");
    CHECK(text_at(t, 1, 2) == "Всего педагогических работников");
    CHECK(text_at(t, 2, 1) == "ОО-1");
    CHECK(number_at(t, 2, 2) == 40);
    CHECK(number_at(t, 3, 2) == 12.5);
    CHECK(number_at(t, 3, 3) == 0);  // zero is a value, not an empty cell
    CHECK(number_at(t, 2, 4, true) == 0.25);
    CHECK(number_at(t, 3, 4, true) == 0.125);
    CHECK(number_at(t, 2, 5) == 1);       // Excel's TRUE arrives as the formula =TRUE()
    CHECK(number_at(t, 2, 6) == 42);      // formula =B2+C2 with its cached value
    CHECK(number_at(t, 3, 6) == 12.5);
    CHECK(text_at(t, 2, 7) == "2025-09-01");
    CHECK(number_at(t, 2, 8) == 1234.5);  // currency
    CHECK(cell_at(t, 3, 7) == nullptr);
    CHECK(text_at(t, 5, 1) == "ОО-3");
    CHECK(cell_at(t, 5, 2) == nullptr);
    CHECK(number_at(t, 5, 3) == 3);
    CHECK(t.cell_count() == 8 + 8 + 6 + 2);
}

TEST_CASE("ods: booleans, time, percent and error values (from CSV through LibreOffice)") {
    util::Diagnostics diags;
    Workbook book = read_fixture("types.ods", diags);
    CHECK(diags.all().empty());
    REQUIRE(book.tables.size() == 1);
    const Table& t = book.tables[0];
    CHECK(t.name() == "types");
    const Cell* yes = cell_at(t, 2, 2);
    const Cell* no = cell_at(t, 3, 2);
    REQUIRE(yes);
    REQUIRE(no);
    CHECK(yes->kind == CellKind::boolean);
    CHECK(yes->number == 1);
    CHECK(no->kind == CellKind::boolean);
    CHECK(no->number == 0);
    CHECK(text_at(t, 2, 3) == "PT12H30M00S");
    CHECK(number_at(t, 2, 4, true) == 0.25);
    CHECK(number_at(t, 3, 4, true) == 0.125);
    CHECK(text_at(t, 2, 5) == "2025-09-01");
    const Cell* div0 = cell_at(t, 2, 6);
    REQUIRE(div0);
    CHECK(div0->kind == CellKind::error);
    CHECK(t.text(*div0) == "#DIV/0!");
    CHECK(number_at(t, 3, 6) == 6);
}

TEST_CASE("ods: repeated cells and rows are materialised, trailing empty repeats are not") {
    util::Diagnostics diags;
    Workbook book = read_fixture("workbook.ods", diags);
    const Table& t = sheet(book, "Повторы");
    CHECK(row_indexes(t) == std::vector<std::uint32_t>{1, 2, 3, 4, 6});
    CHECK(text_at(t, 1, 1) == "x");
    for (std::uint32_t c = 2; c <= 6; ++c) CHECK(number_at(t, 1, c) == 7);
    CHECK(cell_at(t, 1, 7) == nullptr);
    for (std::uint32_t r = 2; r <= 4; ++r) {
        CHECK(text_at(t, r, 1) == "same");
        CHECK(number_at(t, r, 2) == 1);
        CHECK(number_at(t, r, 3) == 1);
    }
    CHECK(text_at(t, 6, 1) == "end");
    CHECK(text_at(t, 6, 26) == "far");
    CHECK(t.cell_count() == 6 + 3 * 3 + 2);
}

TEST_CASE("ods: covered cells of a merged region keep their column positions") {
    util::Diagnostics diags;
    Workbook book = read_fixture("workbook.ods", diags);
    const Table& t = sheet(book, "Объединение");
    CHECK(text_at(t, 1, 1) == "Шапка");
    CHECK(cell_at(t, 1, 2) == nullptr);
    CHECK(cell_at(t, 1, 3) == nullptr);
    CHECK(text_at(t, 1, 4) == "после");
    for (std::uint32_t c = 1; c <= 4; ++c) CHECK(number_at(t, 2, c) == c);
    CHECK(text_at(t, 3, 1) == "верт");
    CHECK(cell_at(t, 4, 1) == nullptr);
    CHECK(text_at(t, 4, 2) == "b4");
}

TEST_CASE("ods: rich text, runs of spaces, paragraphs, links and tabs") {
    util::Diagnostics diags;
    Workbook book = read_fixture("workbook.ods", diags);
    const Table& t = sheet(book, "Текст");
    CHECK(text_at(t, 1, 1) == "a   b");
    CHECK(text_at(t, 2, 1) == "  ведущие");
    CHECK(text_at(t, 3, 1) == "строка1\nстрока2");
    CHECK(text_at(t, 4, 1) == "жирный и обычный");
    CHECK(text_at(t, 5, 1) == "ссылка");
    CHECK(text_at(t, 6, 1) == "tab\there");
}

TEST_CASE("ods: the sheet filter skips sheets without reading them") {
    util::Diagnostics diags;
    std::vector<std::string> asked;
    Workbook book = read_fixture("workbook.ods", diags, [&](std::string_view name) {
        asked.emplace_back(name);
        return name != "Текст" && name != "Лишний";
    });
    CHECK(asked == std::vector<std::string>{"Кадры", "Повторы", "Объединение", "Текст", "Лишний"});
    CHECK(book.tables.size() == 3);
    CHECK(book.skipped_sheets == std::vector<std::string>{"Текст", "Лишний"});
}

TEST_CASE("ods: read_workbook dispatches by extension") {
    util::Diagnostics diags;
    Workbook book = read_workbook(test::fixture("ods/types.ods"), "types.ods", {}, {}, diags);
    REQUIRE(book.tables.size() == 1);
    CHECK(book.tables[0].name() == "types");
}

TEST_CASE("ods: hand-made edge cases") {
    util::Diagnostics diags;
    auto started = std::chrono::steady_clock::now();
    Workbook book = read_fixture("edge.ods", diags);
    // Over a million empty repeated rows and thousands of empty columns cost nothing.
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));
    REQUIRE(book.tables.size() == 2);
    const Table& t = sheet(book, "Края");
    CHECK(row_indexes(t) == std::vector<std::uint32_t>{1, 2, 3, 4, 1005, 1006});
    CHECK(text_at(t, 1, 2) == "Значение");
    for (std::uint32_t r = 2; r <= 4; ++r) {
        CHECK(text_at(t, r, 1) == "ОО-1");
        CHECK(number_at(t, r, 2) == 5);
    }
    CHECK(text_at(t, 1005, 1) == "с примечанием");  // annotation and drawing text ignored
    CHECK(text_at(t, 1005, 2) == "из атрибута");    // office:string-value wins
    CHECK(text_at(t, 1005, 3) == "много пробелов ");  // XML white space collapses
    CHECK(number_at(t, 1005, 4) == -1500);
    CHECK(text_at(t, 1005, 5) == "без типа");
    CHECK(cell_at(t, 1005, 6) == nullptr);  // "12,5" is not an ODF number
    const Cell* err = cell_at(t, 1006, 1);
    REQUIRE(err);
    CHECK(err->kind == CellKind::error);
    CHECK(t.text(*err) == "#DIV/0!");
    CHECK(cell_at(t, 1006, 2) == nullptr);  // a formula giving "" is just empty
    REQUIRE(cell_at(t, 1006, 3));
    CHECK(cell_at(t, 1006, 3)->kind == CellKind::boolean);
    CHECK(sheet(book, "Пустой").rows().empty());

    REQUIRE(diags.all().size() == 1);
    CHECK(diags.all()[0].where.to_string() == "data/2025/edge.ods: Края!F1005");
    CHECK(diags.all()[0].message.find("12,5") != std::string::npos);
}

TEST_CASE("ods: a formula without a cached value is a cell error") {
    util::Diagnostics diags;
    Workbook book = read_fixture("formula_no_value.ods", diags);
    REQUIRE(diags.error_count() == 2);
    CHECK(diags.all()[0].where.to_string() == "data/2025/formula_no_value.ods: Кадры!B2");
    CHECK(diags.all()[1].where.to_string() == "data/2025/formula_no_value.ods: Кадры!B3");
    CHECK(diags.all()[0].message.find("пересчитайте") != std::string::npos);
    const Table& t = sheet(book, "Кадры");
    CHECK(text_at(t, 2, 1) == "ОО-1");  // reading goes on
    CHECK(text_at(t, 3, 1) == "ОО-2");
    CHECK(cell_at(t, 2, 2) == nullptr);
}

TEST_CASE("ods: text longer than the cell limit") {
    util::Diagnostics diags;
    Workbook book = read_fixture("long_text.ods", diags);
    REQUIRE(diags.error_count() == 1);
    CHECK(diags.all()[0].where.to_string() == "data/2025/long_text.ods: Кадры!B1");
    CHECK(diags.all()[0].message.find("32767") != std::string::npos);
    const Table& t = sheet(book, "Кадры");
    CHECK(text_at(t, 1, 1) == "Код ОО");
    CHECK(cell_at(t, 1, 2) == nullptr);

    util::Diagnostics tight;
    ReadLimits limits;
    limits.max_cell_chars = 6;
    Workbook small = read_fixture("workbook.ods", tight, [](std::string_view n) { return n == "Текст"; }, limits);
    CHECK(tight.error_count() == 4);  // "  ведущие", two lines, rich text, "tab\there"
    CHECK(text_at(sheet(small, "Текст"), 1, 1) == "a   b");
    CHECK(text_at(sheet(small, "Текст"), 5, 1) == "ссылка");
}

TEST_CASE("ods: data beyond the sheet limits") {
    std::string columns = ods_data_error("beyond_columns.ods");
    CHECK(columns.find("data/2025/beyond_columns.ods: Кадры, строка 2: ") == 0);
    CHECK(columns.find("XFD") != std::string::npos);
    std::string rows = ods_data_error("beyond_rows.ods");
    CHECK(rows.find("data/2025/beyond_rows.ods: Кадры: ") == 0);
    CHECK(rows.find("1048576") != std::string::npos);
    std::string cells = ods_data_error("too_many_cells.ods");
    CHECK(cells.find("data/2025/too_many_cells.ods: ") == 0);
    CHECK(cells.find("слишком большой") != std::string::npos);
}

TEST_CASE("ods: broken and foreign files") {
    CHECK(ods_data_error("malformed.ods").find("повреждённый XML в части content.xml") != std::string::npos);
    CHECK(ods_data_error("deep.ods").find("вложенность") != std::string::npos);
    std::string mime = ods_data_error("wrong_mimetype.ods");
    CHECK(mime.find("data/2025/wrong_mimetype.ods: файл не является таблицей OpenDocument (текстовый документ") == 0);
    CHECK(ods_data_error("no_mimetype.ods").find("нет записи mimetype") != std::string::npos);
    CHECK(ods_data_error("encrypted.ods").find("защищён паролем") != std::string::npos);
    CHECK(ods_data_error("not_zip.ods").find("не zip-архив") != std::string::npos);
    CHECK(ods_data_error("missing.ods").find("data/2025/missing.ods") == 0);
}
