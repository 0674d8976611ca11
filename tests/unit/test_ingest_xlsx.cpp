#include <doctest/doctest.h>
#include <xlsxwriter.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "monsite/ingest/xlsx_parts.hpp"
#include "monsite/ingest/xlsx_reader.hpp"
#include "monsite/ingest/xlsx_sheet.hpp"
#include "monsite/util/error.hpp"

using namespace monsite;
using namespace monsite::ingest;
namespace fs = std::filesystem;

namespace {

const fs::path fixtures = fs::path(MONSITE_FIXTURES) / "xlsx";

// A folder under the system temp dir, removed at the end of the test.
struct TempDir {
    fs::path path;
    TempDir() {
        static int counter = 0;
        path = fs::temp_directory_path() /
               ("monsite_xlsx_" + std::to_string(::getpid()) + "_" + std::to_string(++counter));
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

// Writes a workbook with libxlsxwriter; `fill` adds sheets and cells.
fs::path make_book(const TempDir& dir, const std::string& name, const std::function<void(lxw_workbook*)>& fill,
                   bool constant_memory = false) {
    fs::path path = dir.path / name;
    lxw_workbook_options options{};
    options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
    lxw_workbook* book = workbook_new_opt(path.c_str(), &options);
    REQUIRE(book != nullptr);
    fill(book);
    REQUIRE(workbook_close(book) == LXW_NO_ERROR);
    return path;
}

Workbook read(const fs::path& path, util::Diagnostics& diags, const SheetFilter& filter = {},
              const ReadLimits& limits = {}) {
    return read_xlsx(path, path.filename().string(), limits, filter, diags);
}

const Table& table_named(const Workbook& book, const std::string& name) {
    for (const auto& t : book.tables)
        if (t.name() == name) return t;
    FAIL("no table " << name);
    throw 0;
}

// The cell at (row, column), or nullptr.
const Cell* cell_at(const Table& table, std::uint32_t row, std::uint32_t column) {
    for (const auto& r : table.rows()) {
        if (r.index != row) continue;
        for (const auto& c : table.cells(r))
            if (c.column == column) return &c;
    }
    return nullptr;
}

std::string text_at(const Table& table, std::uint32_t row, std::uint32_t column) {
    const Cell* c = cell_at(table, row, column);
    REQUIRE_MESSAGE(c != nullptr, "no cell at " << util::cell_address(row, column));
    CHECK((c->kind == CellKind::text || c->kind == CellKind::error));
    return std::string(table.text(*c));
}

double number_at(const Table& table, std::uint32_t row, std::uint32_t column, bool percent = false) {
    const Cell* c = cell_at(table, row, column);
    REQUIRE_MESSAGE(c != nullptr, "no cell at " << util::cell_address(row, column));
    CHECK(c->kind == CellKind::number);
    CHECK(c->percent_format == percent);
    return c->number;
}

bool boolean_at(const Table& table, std::uint32_t row, std::uint32_t column) {
    const Cell* c = cell_at(table, row, column);
    REQUIRE_MESSAGE(c != nullptr, "no cell at " << util::cell_address(row, column));
    CHECK(c->kind == CellKind::boolean);
    return c->number != 0;
}

// Reads a file that must fail; returns the error.
util::DataError read_failure(const fs::path& path, const ReadLimits& limits = {}, const SheetFilter& filter = {}) {
    util::Diagnostics diags;
    try {
        read_xlsx(path, "data/2025/" + path.filename().string(), limits, filter, diags);
    } catch (const util::DataError& e) {
        return e;
    }
    FAIL("no DataError for " << path.filename().string());
    throw 0;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("xlsx part names resolve like URIs, without the file system") {
    using xlsx::resolve_target;
    CHECK(resolve_target("xl/workbook.xml", "worksheets/sheet1.xml") == "xl/worksheets/sheet1.xml");
    CHECK(resolve_target("xl/workbook.xml", "/xl/worksheets/sheet1.xml") == "xl/worksheets/sheet1.xml");
    CHECK(resolve_target("xl/workbook.xml", "./worksheets/../sharedStrings.xml") == "xl/sharedStrings.xml");
    CHECK(resolve_target("xl/workbook.xml", "../../../etc/passwd") == "etc/passwd");
    CHECK(resolve_target("xl/workbook.xml", "worksheets\\sheet2.xml") == "xl/worksheets/sheet2.xml");
    CHECK(resolve_target("", "xl/workbook.xml") == "xl/workbook.xml");
    CHECK(xlsx::rels_part_of("xl/workbook.xml") == "xl/_rels/workbook.xml.rels");
    CHECK(xlsx::rels_part_of("book.xml") == "_rels/book.xml.rels");
    CHECK(xlsx::type_is("http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles"));
    CHECK_FALSE(xlsx::type_is("http://x/relationships/stylesWithEffects", "styles"));
    CHECK_FALSE(xlsx::type_is("styles", "styles"));
}

TEST_CASE("xlsx percent formats are found outside quotes, brackets and escapes") {
    using xlsx::is_percent_format;
    CHECK(is_percent_format("0%"));
    CHECK(is_percent_format("0.0%"));
    CHECK(is_percent_format("[Red]0.00%;-0.00%"));
    CHECK(is_percent_format("#,##0.0\" \"%"));
    CHECK_FALSE(is_percent_format("\"%\" 0"));
    CHECK_FALSE(is_percent_format("0\\%"));
    CHECK_FALSE(is_percent_format("[$%-419]0"));
    CHECK_FALSE(is_percent_format("General"));
    CHECK_FALSE(is_percent_format("0_%"));
}

TEST_CASE("xlsx string escapes and cell references") {
    std::string s = "a_x000D_b_x005F_x0041_c_xD83D__xDE00_";
    xlsx::decode_escapes(s);
    CHECK(s == "a\rb_x0041_c\xF0\x9F\x98\x80");
    std::string t = "plain_text_xZZZZ_";
    xlsx::decode_escapes(t);
    CHECK(t == "plain_text_xZZZZ_");

    std::uint32_t r = 9, c = 9;
    CHECK(xlsx::parse_cell_ref("C17", r, c));
    CHECK((r == 17 && c == 3));
    CHECK(xlsx::parse_cell_ref("XFD1048576", r, c));
    CHECK((r == 1048576 && c == 16384));
    CHECK_FALSE(xlsx::parse_cell_ref("XFE5", r, c));
    CHECK((r == 5 && c == 0));
    CHECK_FALSE(xlsx::parse_cell_ref("B1048577", r, c));
    CHECK((r == 0 && c == 2));
    CHECK_FALSE(xlsx::parse_cell_ref("AAAAAAAAAAAA99999999999999", r, c));
    CHECK_FALSE(xlsx::parse_cell_ref("A0", r, c));
    CHECK_FALSE(xlsx::parse_cell_ref("1A", r, c));
    CHECK(xlsx::parse_cell_ref("D", r, c));
    CHECK((r == 0 && c == 4));
}

TEST_CASE("xlsx written by libxlsxwriter: strings, numbers, booleans, formulas, percents, sparse cells") {
    TempDir dir;
    fs::path path = make_book(dir, "book.xlsx", [](lxw_workbook* wb) {
        lxw_format* pct = workbook_add_format(wb);
        format_set_num_format(pct, "0%");
        lxw_format* pct1 = workbook_add_format(wb);
        format_set_num_format(pct1, "0.0%");
        lxw_format* money = workbook_add_format(wb);
        format_set_num_format(money, "#,##0.00\" ₽\"");
        lxw_worksheet* s1 = workbook_add_worksheet(wb, "Кадры");
        worksheet_write_string(s1, 0, 0, "Код ОО", nullptr);
        worksheet_write_string(s1, 0, 1, "Всего педагогических работников", nullptr);
        worksheet_write_string(s1, 0, 2, "Доля", nullptr);
        worksheet_write_string(s1, 1, 0, "ОО-001", nullptr);
        worksheet_write_number(s1, 1, 1, 42, nullptr);
        worksheet_write_number(s1, 1, 2, 0.25, pct);
        worksheet_write_number(s1, 1, 3, 1234.5, money);
        worksheet_write_string(s1, 2, 0, "ОО-001", nullptr);  // shared twice
        worksheet_write_formula_num(s1, 2, 1, "=B2/2", nullptr, 21);
        worksheet_write_formula_num(s1, 2, 2, "=C2/2", pct1, 0.125);
        worksheet_write_boolean(s1, 2, 3, 1, nullptr);
        worksheet_write_boolean(s1, 2, 4, 0, nullptr);
        worksheet_write_number(s1, 99, 26, -1.5e-7, nullptr);  // AA100
        worksheet_write_string(s1, 4, 0, "  пробелы & <теги>  ", nullptr);
        lxw_worksheet* s2 = workbook_add_worksheet(wb, "Лишний");
        worksheet_write_string(s2, 0, 0, "не читать", nullptr);
        lxw_worksheet* s3 = workbook_add_worksheet(wb, "ОО");
        worksheet_write_string(s3, 3, 5, "F4", nullptr);
    });

    util::Diagnostics diags;
    std::vector<std::string> asked;
    Workbook book = read(path, diags, [&](std::string_view name) {
        asked.emplace_back(name);
        return name != "Лишний";
    });
    CHECK(diags.all().empty());
    CHECK(book.file == "book.xlsx");
    CHECK(asked == std::vector<std::string>{"Кадры", "Лишний", "ОО"});
    REQUIRE(book.tables.size() == 2);
    CHECK(book.skipped_sheets == std::vector<std::string>{"Лишний"});

    const Table& t = book.tables[0];
    CHECK(t.name() == "Кадры");
    CHECK(t.source().file == "book.xlsx");
    CHECK(t.source().sheet == "Кадры");
    CHECK(text_at(t, 1, 1) == "Код ОО");
    CHECK(text_at(t, 1, 2) == "Всего педагогических работников");
    CHECK(text_at(t, 2, 1) == "ОО-001");
    CHECK(number_at(t, 2, 2) == 42);
    CHECK(number_at(t, 2, 3, true) == 0.25);
    CHECK(number_at(t, 2, 4) == 1234.5);
    CHECK(text_at(t, 3, 1) == "ОО-001");
    CHECK(number_at(t, 3, 2) == 21);
    CHECK(number_at(t, 3, 3, true) == 0.125);
    CHECK(boolean_at(t, 3, 4));
    CHECK_FALSE(boolean_at(t, 3, 5));
    CHECK(text_at(t, 5, 1) == "  пробелы & <теги>  ");
    CHECK(number_at(t, 100, 27) == -1.5e-7);
    REQUIRE(t.rows().size() == 5);
    CHECK(t.rows()[3].index == 5);
    CHECK(t.rows()[4].index == 100);
    CHECK(t.cell_count() == 14);

    const Table& oo = table_named(book, "ОО");
    REQUIRE(oo.rows().size() == 1);
    CHECK(oo.rows()[0].index == 4);
    CHECK(text_at(oo, 4, 6) == "F4");
}

TEST_CASE("xlsx merged cells are recorded with the sheet") {
    TempDir dir;
    fs::path path = make_book(dir, "merged.xlsx", [](lxw_workbook* wb) {
        lxw_worksheet* s = workbook_add_worksheet(wb, "Кадры");
        worksheet_merge_range(s, 0, 0, 0, 6, "Сведения о кадрах на 01.09.2025", nullptr);
        worksheet_merge_range(s, 1, 2, 1, 4, "Молодые специалисты", nullptr);
        worksheet_merge_range(s, 1, 0, 2, 0, "Код ОО", nullptr);
        worksheet_write_string(s, 2, 2, "со стажем до 3 лет", nullptr);
    });
    util::Diagnostics diags;
    Workbook book = read(path, diags);
    CHECK(diags.all().empty());
    const Table& t = table_named(book, "Кадры");
    CHECK(text_at(t, 1, 1) == "Сведения о кадрах на 01.09.2025");
    CHECK(text_at(t, 2, 3) == "Молодые специалисты");
    const Cell* covered = cell_at(t, 2, 4);
    CHECK((covered == nullptr || t.text(*covered).empty()));  // only the top-left cell holds the text
    REQUIRE(t.merges().size() == 3);
    auto has = [&](std::uint32_t r1, std::uint32_t c1, std::uint32_t r2, std::uint32_t c2) {
        for (const auto& m : t.merges())
            if (m.first_row == r1 && m.first_column == c1 && m.last_row == r2 && m.last_column == c2) return true;
        return false;
    };
    CHECK(has(1, 1, 1, 7));
    CHECK(has(2, 3, 2, 5));
    CHECK(has(2, 1, 3, 1));

    // Beyond Table::max_merges, merges are not kept.
    Table manual("Кадры", {"f.xlsx", "Кадры"});
    CHECK(manual.merges().empty());
    for (std::size_t i = 0; i < Table::max_merges + 5; ++i) manual.add_merge({1, 1, 1, 2});
    CHECK(manual.merges().size() == Table::max_merges);
}

TEST_CASE("xlsx in constant-memory mode (inline strings) and without a filter") {
    TempDir dir;
    fs::path path = make_book(
        dir, "inline.xlsx",
        [](lxw_workbook* wb) {
            lxw_worksheet* s = workbook_add_worksheet(wb, "Педагоги");
            worksheet_write_string(s, 0, 0, "Код педагога", nullptr);
            worksheet_write_string(s, 0, 2, "Возраст", nullptr);
            worksheet_write_string(s, 1, 0, "П-1", nullptr);
            worksheet_write_number(s, 1, 2, 35, nullptr);
            worksheet_write_string(s, 3, 1, "длинный текст длинный текст", nullptr);
        },
        true);
    util::Diagnostics diags;
    Workbook book = read(path, diags);
    CHECK(diags.all().empty());
    REQUIRE(book.tables.size() == 1);
    const Table& t = book.tables[0];
    CHECK(text_at(t, 1, 1) == "Код педагога");
    CHECK(text_at(t, 1, 3) == "Возраст");
    CHECK(text_at(t, 2, 1) == "П-1");
    CHECK(number_at(t, 2, 3) == 35);

    SUBCASE("an inline string over the cap is a cell error, reading goes on") {
        ReadLimits limits;
        limits.max_cell_chars = 12;
        util::Diagnostics capped;
        Workbook b = read(path, capped, {}, limits);
        REQUIRE(capped.all().size() == 1);
        CHECK(capped.all()[0].where.to_string() == "inline.xlsx: Педагоги!B4");
        CHECK(contains(capped.all()[0].message, "длиннее 12 символов"));
        CHECK(cell_at(b.tables[0], 4, 2) == nullptr);
        CHECK(text_at(b.tables[0], 1, 1) == "Код педагога");  // exactly 12 characters
    }
}

TEST_CASE("xlsx shaped like Excel's output") {
    util::Diagnostics diags;
    Workbook book = read(fixtures / "excel_style.xlsx", diags);
    REQUIRE(book.tables.size() == 3);
    CHECK(book.tables[0].name() == "Кадры");
    CHECK(book.tables[1].name() == "Лист2");
    CHECK(book.tables[2].name() == "ОО");
    const Table& t = book.tables[0];

    CHECK(text_at(t, 1, 1) == "Код ОО");
    CHECK(text_at(t, 1, 4) == "Примечание");  // inline string
    // cells without r follow each other
    CHECK(text_at(t, 2, 1) == "ОО-001");
    CHECK(number_at(t, 2, 2) == 42);
    CHECK(number_at(t, 2, 3, true) == 0.25);                 // builtin 0%
    CHECK(text_at(t, 2, 4) == "богатый текст");              // rich inline runs, no phonetic text
    // a row without r follows row 2
    CHECK(text_at(t, 3, 1) == "ОО-002");
    CHECK(cell_at(t, 3, 2) == nullptr);                      // formula without a value
    CHECK(number_at(t, 3, 3, true) == 0.125);                // custom 0.0%
    CHECK(text_at(t, 3, 4) == "Школа № 1");                  // rich shared string, no phonetic text
    CHECK(text_at(t, 5, 1) == "ОО-003");                     // t="str" formula
    CHECK(number_at(t, 5, 2) == 7);                          // "%" in quotes is not a percent
    CHECK(boolean_at(t, 5, 3));
    const Cell* err = cell_at(t, 5, 4);
    REQUIRE(err != nullptr);
    CHECK(err->kind == CellKind::error);
    CHECK(t.text(*err) == "#DIV/0!");
    CHECK(text_at(t, 5, 5) == "2025-09-01T00:00:00");        // t="d" kept as stored
    CHECK(number_at(t, 5, 6, true) == doctest::Approx(0.15)); // builtin 0.00%
    CHECK(text_at(t, 5, 7) == "Строка\rперевод");            // _x000D_
    CHECK(cell_at(t, 5, 8) == nullptr);                      // styled but empty
    CHECK_FALSE(boolean_at(t, 7, 3));

    REQUIRE(diags.all().size() == 1);
    CHECK(diags.all()[0].where.to_string() == "excel_style.xlsx: Кадры!B3");
    CHECK(contains(diags.all()[0].message, "пересчитайте и сохраните"));

    CHECK(text_at(book.tables[1], 1, 1) == "второй лист");  // absolute target
    CHECK(number_at(book.tables[2], 2, 2) == -3.5);
}

TEST_CASE("xlsx without _rels/.rels falls back to xl/workbook.xml; part names ignore case") {
    util::Diagnostics diags;
    Workbook book = read(fixtures / "fallback_no_package_rels.xlsx", diags);
    CHECK(diags.all().empty());
    REQUIRE(book.tables.size() == 1);
    CHECK(book.tables[0].name() == "Лист1");
    CHECK(text_at(book.tables[0], 1, 2) == "ок");
}

TEST_CASE("xlsx saved by LibreOffice") {
    util::Diagnostics diags;
    Workbook book = read(fixtures / "libreoffice.xlsx", diags, [](std::string_view name) { return name != "Пустой"; });
    CHECK(diags.all().empty());
    REQUIRE(book.tables.size() == 2);
    CHECK(book.skipped_sheets == std::vector<std::string>{"Пустой"});
    const Table& t = table_named(book, "Кадры");
    CHECK(text_at(t, 1, 1) == "Код ОО");
    CHECK(text_at(t, 1, 3) == "Реализуется целевая модель наставничества");
    CHECK(text_at(t, 2, 1) == "ОО-001");
    CHECK(number_at(t, 2, 2) == 42);
    CHECK(boolean_at(t, 2, 3));
    CHECK(number_at(t, 2, 4, true) == 0.25);
    CHECK(number_at(t, 3, 2) == 21.5);
    CHECK_FALSE(boolean_at(t, 3, 3));
    CHECK(number_at(t, 3, 4, true) == 0.125);
    CHECK(number_at(t, 10, 6) == 3.25);
    CHECK(t.rows().size() == 4);
    CHECK(text_at(table_named(book, "ОО"), 1, 3) == "Код ОО");

    util::Diagnostics csv_diags;
    Workbook from_csv = read(fixtures / "libreoffice_from_csv.xlsx", csv_diags);
    CHECK(csv_diags.all().empty());
    REQUIRE(from_csv.tables.size() == 1);
    const Table& c = from_csv.tables[0];
    CHECK(c.name() == "libreoffice_from_csv");
    CHECK(text_at(c, 1, 2) == "Всего педагогических работников");
    CHECK(number_at(c, 2, 3) == 44.5);
    CHECK(number_at(c, 2, 4, true) == 0.25);
    CHECK(c.rows().size() == 4);  // the empty line 4 is not stored
    CHECK(text_at(c, 5, 1) == "ОО-003");
    CHECK(number_at(c, 5, 4, true) == 0.125);
}

TEST_CASE("broken xlsx files name the file and the place") {
    SUBCASE("not a zip") {
        auto e = read_failure(fixtures / "not_a_zip.xlsx");
        CHECK(e.where().file == "data/2025/not_a_zip.xlsx");
        CHECK(e.status() == util::ExitStatus::invalid_data);
        CHECK(contains(e.message(), "не zip-архив"));
    }
    SUBCASE("empty file") {
        auto e = read_failure(fixtures / "empty.xlsx");
        CHECK(e.where().file == "data/2025/empty.xlsx");
        CHECK(contains(e.message(), "пуст"));
    }
    SUBCASE("truncated zip") {
        auto e = read_failure(fixtures / "truncated.xlsx");
        CHECK(e.where().file == "data/2025/truncated.xlsx");
        CHECK(contains(e.message(), "обрезан"));
    }
    SUBCASE("malformed XML in a sheet") {
        auto e = read_failure(fixtures / "malformed_sheet.xlsx");
        CHECK(e.where().file == "data/2025/malformed_sheet.xlsx");
        CHECK(e.where().sheet == "Кадры");
        CHECK(contains(e.message(), "xl/worksheets/sheet1.xml"));
        CHECK(contains(e.where().to_string(), "malformed_sheet.xlsx: Кадры"));
    }
    SUBCASE("a cell reference beyond XFD1048576") {
        auto e = read_failure(fixtures / "ref_beyond_limit.xlsx");
        CHECK(e.where().file == "data/2025/ref_beyond_limit.xlsx");
        CHECK(e.where().sheet == "Кадры");
        CHECK(e.where().row == 5);
        CHECK(e.where().column == 0);
        CHECK(contains(e.message(), "«XFE5»"));
        CHECK(contains(e.message(), "«Кадры»"));
        CHECK(contains(e.message(), "XFD1048576"));
    }
    SUBCASE("a sheet name listed twice") {
        auto e = read_failure(fixtures / "duplicate_sheet.xlsx");
        CHECK(e.where().file == "data/2025/duplicate_sheet.xlsx");
        CHECK(e.where().sheet == "кадры");
        CHECK(contains(e.message(), "дважды"));
    }
    SUBCASE("a sheet part missing") {
        auto e = read_failure(fixtures / "missing_sheet_part.xlsx");
        CHECK(e.where().sheet == "ОО");
        CHECK(contains(e.message(), "xl/worksheets/sheet2.xml"));
        // Not an error when that sheet is not wanted.
        util::Diagnostics diags;
        Workbook b = read(fixtures / "missing_sheet_part.xlsx", diags, [](std::string_view n) { return n != "ОО"; });
        CHECK(b.tables.size() == 1);
    }
    SUBCASE("rows out of order") {
        auto e = read_failure(fixtures / "rows_out_of_order.xlsx");
        CHECK(e.where().to_string() == "data/2025/rows_out_of_order.xlsx: Кадры, строка 2");
        CHECK(contains(e.message(), "не по порядку"));
    }
    SUBCASE("a relationship listed twice") {
        auto e = read_failure(fixtures / "duplicate_relationship.xlsx");
        CHECK(e.where().file == "data/2025/duplicate_relationship.xlsx");
        CHECK(contains(e.message(), "«rId1»"));
        CHECK(contains(e.message(), "xl/_rels/workbook.xml.rels"));
    }
    SUBCASE("an OpenDocument file named .xlsx") {
        auto e = read_failure(fixtures / "ods_renamed.xlsx");
        CHECK(e.where().file == "data/2025/ods_renamed.xlsx");
        CHECK(contains(e.message(), "OpenDocument"));
    }
}

TEST_CASE("xlsx cell problems are reported per cell and reading goes on") {
    SUBCASE("formula without a cached value") {
        util::Diagnostics diags;
        Workbook book = read(fixtures / "formula_no_value.xlsx", diags);
        REQUIRE(diags.all().size() == 2);
        CHECK(diags.all()[0].to_string() ==
              "formula_no_value.xlsx: Кадры!B2: формула без сохранённого значения: откройте файл в Excel или "
              "LibreOffice, пересчитайте и сохраните его");
        CHECK(diags.all()[1].where.to_string() == "formula_no_value.xlsx: Кадры!C2");
        CHECK(diags.has_errors());
        CHECK(number_at(book.tables[0], 2, 1) == 10);
    }
    SUBCASE("shared string index out of range") {
        util::Diagnostics diags;
        Workbook book = read(fixtures / "bad_shared_index.xlsx", diags);
        REQUIRE(diags.all().size() == 1);
        CHECK(diags.all()[0].where.to_string() == "bad_shared_index.xlsx: Кадры!C4");
        CHECK(contains(diags.all()[0].message, "индексом 7"));
        CHECK(number_at(book.tables[0], 4, 4) == 1);
    }
}

TEST_CASE("xlsx limits: shared strings, cell length, nesting depth") {
    SUBCASE("too many shared strings") {
        ReadLimits limits;
        limits.max_shared_strings = 3;
        auto e = read_failure(fixtures / "excel_style.xlsx", limits);
        CHECK(e.where().file == "data/2025/excel_style.xlsx");
        CHECK(contains(e.message(), "больше 3 общих строк"));
    }
    SUBCASE("a shared string too long: an error at each cell that uses it") {
        ReadLimits limits;
        limits.max_cell_chars = 10;
        util::Diagnostics diags;
        Workbook book = read(fixtures / "excel_style.xlsx", diags, {}, limits);
        std::size_t too_long = 0;
        for (const auto& d : diags.all()) {
            if (!contains(d.message, "длиннее 10 символов")) continue;
            ++too_long;
            CHECK(d.where.row > 0);
            CHECK(d.where.column > 0);
        }
        CHECK(too_long > 0);
    }
    SUBCASE("a file expanding past its cells or text (shared strings counted at every use)") {
        ReadLimits cells;
        cells.max_cells = 5;
        auto e = read_failure(fixtures / "excel_style.xlsx", cells);
        CHECK(e.where().row > 0);
        CHECK(contains(e.message(), "больше 5 непустых ячеек"));
        ReadLimits text;
        text.max_text_bytes = 20;
        e = read_failure(fixtures / "excel_style.xlsx", text);
        CHECK(e.where().column > 0);
        CHECK(contains(e.message(), "файл отклонён как слишком большой"));
    }
    SUBCASE("nesting too deep") {
        ReadLimits limits;
        limits.max_xml_depth = 4;
        auto e = read_failure(fixtures / "excel_style.xlsx", limits);
        CHECK(contains(e.message(), "вложенность"));
    }
    SUBCASE("nothing is parsed when no sheet is wanted") {
        ReadLimits limits;
        limits.max_shared_strings = 1;
        util::Diagnostics diags;
        Workbook book = read(fixtures / "excel_style.xlsx", diags, [](std::string_view) { return false; }, limits);
        CHECK(book.tables.empty());
        CHECK(book.skipped_sheets.size() == 3);
    }
}

// Timing on a 100,000 x 20 sheet; run with --no-skip.
TEST_CASE("xlsx reading speed" * doctest::skip()) {
    TempDir dir;
    const int rows = 100'000, cols = 20;
    fs::path path = make_book(dir, "big.xlsx", [&](lxw_workbook* wb) {
        lxw_worksheet* s = workbook_add_worksheet(wb, "Педагоги");
        for (int r = 0; r < rows; ++r)
            for (int c = 0; c < cols; ++c) {
                if (c % 4 == 0) worksheet_write_string(s, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c),
                                                       (c == 0 ? "П-" + std::to_string(r % 5000) : "текст").c_str(), nullptr);
                else worksheet_write_number(s, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), r * 0.5 + c, nullptr);
            }
    });
    util::Diagnostics diags;
    auto start = std::chrono::steady_clock::now();
    Workbook book = read(path, diags);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    REQUIRE(book.tables.size() == 1);
    CHECK(book.tables[0].cell_count() == static_cast<std::size_t>(rows) * cols);
    MESSAGE("read " << book.tables[0].cell_count() << " cells in " << seconds << " s: "
                    << static_cast<double>(book.tables[0].cell_count()) / seconds / 1e6 << " M cells/s ("
                    << fs::file_size(path) / 1024 << " KiB file)");
}
