#include <doctest/doctest.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <string>

#include "monsite/ingest/reader.hpp"
#include "test_support.hpp"

using namespace monsite;
using namespace monsite::ingest;
namespace fs = std::filesystem;
using monsite::test::TempDir;
using monsite::test::write_file;

namespace {

// A one-sheet workbook (ОО with a header and a row) written by libxlsxwriter under any name,
// with a (dummy) macro project when `vba` is given.
fs::path make_book(const TempDir& dir, const std::string& name, const fs::path& vba = {}) {
    fs::path path = dir / name;
    lxw_workbook* book = workbook_new(path.c_str());
    REQUIRE(book != nullptr);
    lxw_worksheet* sheet = workbook_add_worksheet(book, "ОО");
    worksheet_write_string(sheet, 0, 0, "Код ОО", nullptr);
    worksheet_write_string(sheet, 1, 0, "sch01", nullptr);
    if (!vba.empty()) REQUIRE(workbook_add_vba_project(book, vba.c_str()) == LXW_NO_ERROR);
    REQUIRE(workbook_close(book) == LXW_NO_ERROR);
    return path;
}

Workbook read(const fs::path& path, util::Diagnostics& diags) {
    return read_workbook(path, path.filename().string(), {}, {}, diags);
}

std::string data_error(const fs::path& path) {
    util::Diagnostics diags;
    try {
        read(path, diags);
    } catch (const util::DataError& e) {
        return e.to_diagnostic().to_string();
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("formats by extension, whatever the case") {
    CHECK(format_of("a.xlsx") == FileFormat::xlsx);
    CHECK(format_of("a.XLSM") == FileFormat::xlsm);
    CHECK(format_of("a.ods") == FileFormat::ods);
    CHECK(format_of("a.Csv") == FileFormat::csv);
    CHECK(format_of("a.xls") == FileFormat::spreadsheet);
    CHECK(format_of("a.xlsb") == FileFormat::spreadsheet);
    CHECK(format_of("a.numbers") == FileFormat::spreadsheet);
    CHECK(format_of("a.pdf") == FileFormat::unknown);
    CHECK(format_of("a") == FileFormat::unknown);
}

TEST_CASE("an .xlsm that is an .xlsx is read; its macros are never run nor read") {
    TempDir dir;
    util::Diagnostics diags;
    Workbook book = read(make_book(dir, "книга.xlsm"), diags);
    REQUIRE(book.tables.size() == 1);
    CHECK(book.tables[0].name() == "ОО");
    CHECK(diags.all().empty());  // no macros, nothing to say

    write_file(dir / "vbaProject.bin", std::string(512, '\x01'));
    util::Diagnostics with_macros;
    Workbook macro_book = read(make_book(dir, "макросы.xlsm", dir / "vbaProject.bin"), with_macros);
    REQUIRE(macro_book.tables.size() == 1);
    REQUIRE(with_macros.all().size() == 1);
    CHECK_FALSE(with_macros.has_errors());
    CHECK(with_macros.all()[0].to_string() ==
          "макросы.xlsm: предупреждение: книга с макросами (.xlsm) прочитана как .xlsx: взяты сохранённые в ней "
          "значения ячеек, макросы не читаются и не выполняются");
}

TEST_CASE("spreadsheets monsite cannot read are errors that say how to re-save them") {
    TempDir dir;
    write_file(dir / "a.xls", "x");
    write_file(dir / "a.xlsb", "x");
    write_file(dir / "a.numbers", "x");
    write_file(dir / "b.xlsm", "not a zip");
    CHECK(data_error(dir / "a.xls") ==
          "a.xls: файл старого формата Excel (.xls) не читается: сохраните файл в Excel как «Книга Excel (*.xlsx)» "
          "(Файл → Сохранить как) или в LibreOffice Calc: «Файл → Сохранить как… → .xlsx или .ods»");
    CHECK(data_error(dir / "a.xlsb").starts_with("a.xlsb: двоичная книга Excel (.xlsb) не читается: сохраните"));
    CHECK(data_error(dir / "a.numbers") ==
          "a.numbers: файл Apple Numbers (.numbers) не читается: откройте файл в Numbers, выберите «Файл → "
          "Экспортировать в → Excel…» и положите в папку года получившийся файл .xlsx вместо этого");
    CHECK(data_error(dir / "b.xlsm").starts_with("b.xlsm: файл .xlsm не является книгой Excel формата .xlsx"));
    // A zip that holds no workbook (an .ods renamed .xlsm) gets the same advice.
    fs::path ods = fs::path(MONSITE_FIXTURES) / "ods" / "workbook.ods";
    fs::copy_file(ods, dir / "c.xlsm");
    CHECK(data_error(dir / "c.xlsm").starts_with("c.xlsm: файл .xlsm не является книгой Excel формата .xlsx"));
}
