#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "monsite/ingest/reader.hpp"
#include "monsite/ingest/values.hpp"
#include "monsite/ingest/zip_archive.hpp"
#include "monsite/render/monitoring_xlsx.hpp"
#include "monsite/render/open_data.hpp"
#include "monsite/render/xlsx_writer.hpp"
#include "test_support.hpp"

using namespace monsite;
using monsite::test::TempDir;
using monsite::test::read_bytes;
namespace fs = std::filesystem;

namespace {

const monsite::config::TextCatalogue& ru_texts() {
    static const auto texts = monsite::config::builtin_texts(monsite::util::Language::ru);
    return texts;
}

std::vector<render::IndicatorRow> indicator_rows() {
    return {
        {2025, "municipality", "municipality", "diag_coverage", "73.50", "147", "200", "medium", "", 73.5, 147, 200},
        {2025, "cluster", "Город", "vacancies", "3", "", "", "", "", 3, {}, {}},
        {2025, "school", "s1", "diag_score_avg", "", "", "", "", "suppressed", {}, {}, {}},
        {2025, "school", "007", "avg_age", "41.25", "", "", "", "", 41.25, {}, {}},
    };
}

std::vector<render::SchoolRow> school_rows() {
    return {
        {2025, "007", "МБОУ \"СОШ № 7\", г. Заречный", "СОШ", "Город", "66.67", "high", "1", 66.67, 1},
        {2025, "s1", "=SUM(A1:A2)", "ООШ", "Село", "", "", "", {}, 0},
    };
}

const ingest::Cell* find_cell(const ingest::Table& table, std::uint32_t row, std::uint32_t column) {
    for (const auto& r : table.rows())
        if (r.index == row)
            for (const auto& c : table.cells(r))
                if (c.column == column) return &c;
    return nullptr;
}

// Checks that (row, column) is a text cell holding `expected`.
void check_text(const ingest::Table& table, std::uint32_t row, std::uint32_t column, const std::string& expected) {
    INFO("sheet ", table.name(), ", row ", row, ", column ", column);
    const ingest::Cell* c = find_cell(table, row, column);
    REQUIRE(c != nullptr);
    CHECK(c->kind == ingest::CellKind::text);
    CHECK(std::string(table.text(*c)) == expected);
}

// Checks that (row, column) is a number cell holding `expected`.
void check_number(const ingest::Table& table, std::uint32_t row, std::uint32_t column, double expected) {
    INFO("sheet ", table.name(), ", row ", row, ", column ", column);
    const ingest::Cell* c = find_cell(table, row, column);
    REQUIRE(c != nullptr);
    CHECK(c->kind == ingest::CellKind::number);
    CHECK(c->number == doctest::Approx(expected).epsilon(1e-12));
    CHECK_FALSE(c->percent_format);
}

void check_blank(const ingest::Table& table, std::uint32_t row, std::uint32_t column) {
    INFO("sheet ", table.name(), ", row ", row, ", column ", column);
    CHECK(find_cell(table, row, column) == nullptr);
}

const ingest::Table* table_named(const ingest::Workbook& book, const std::string& name) {
    for (const auto& t : book.tables)
        if (t.name() == name) return &t;
    return nullptr;
}

}  // namespace

render::MonitoringNames names() {
    render::MonitoringNames n;
    n.municipality = "Заречный округ";
    n.indicators["diag_coverage"] = "Охват диагностикой";
    n.schools[{2025, "007"}] = "МБОУ \"СОШ № 7\", г. Заречный";
    n.types["СОШ"] = "средняя школа";
    return n;
}

TEST_CASE("monitoring.xlsx: two sheets with Russian headers, names beside ids, words for codes, numbers as numbers") {
    TempDir dir;
    const fs::path file = dir / "monitoring.xlsx";
    std::size_t streamed_from = 500'000;
    bool streamed = false;
    SUBCASE("shared strings, as below 500,000 rows") {}
    SUBCASE("streamed with inline strings, as a national dataset's") {
        streamed_from = 1;
        streamed = true;
    }
    render::write_monitoring_xlsx(file, indicator_rows(), school_rows(), ru_texts(), names(), streamed_from);
    REQUIRE(fs::is_regular_file(file));
    {
        ingest::ZipArchive zip(file, util::SourceLocation{"monitoring.xlsx"}, {});
        CHECK(zip.contains("xl/sharedStrings.xml") == !streamed);
        CHECK((zip.read_all("xl/worksheets/sheet1.xml").find("t=\"inlineStr\"") != std::string::npos) == streamed);
    }

    util::Diagnostics diags;
    ingest::Workbook book = ingest::read_workbook(file, "monitoring.xlsx", {}, {}, diags);
    CHECK_FALSE(diags.has_errors());
    REQUIRE(book.tables.size() == 2);
    CHECK(book.tables[0].name() == "Показатели");
    CHECK(book.tables[1].name() == "Школы");
    CHECK(book.skipped_sheets.empty());

    const ingest::Table& ind = *table_named(book, "Показатели");
    const std::vector<std::string> ind_headers = {"Год", "Уровень", "Код объекта", "Объект", "Код показателя",
                                                  "Показатель", "Значение", "Числитель", "Знаменатель",
                                                  "Уровень значения", "Примечание"};
    for (std::uint32_t c = 0; c < ind_headers.size(); ++c) check_text(ind, 1, c + 1, ind_headers[c]);
    check_blank(ind, 1, 12);
    CHECK(ind.rows().size() == 5);  // header + 4 rows

    // Row 2: the municipality; "73.50" is the number 73.5, "147"/"200" are numbers too.
    check_number(ind, 2, 1, 2025);
    check_text(ind, 2, 2, "округ");
    check_text(ind, 2, 3, "municipality");
    check_text(ind, 2, 4, "Заречный округ");
    check_text(ind, 2, 5, "diag_coverage");
    check_text(ind, 2, 6, "Охват диагностикой");
    check_number(ind, 2, 7, 73.5);
    check_number(ind, 2, 8, 147);
    check_number(ind, 2, 9, 200);
    check_text(ind, 2, 10, "средний");
    check_blank(ind, 2, 11);  // empty note: no cell at all
    // Row 3: a count, no fraction, no level; a cluster's id is its name; an unnamed indicator shows its id.
    check_text(ind, 3, 2, "кластер");
    check_text(ind, 3, 3, "Город");
    check_text(ind, 3, 4, "Город");
    check_text(ind, 3, 6, "vacancies");
    check_number(ind, 3, 7, 3);
    check_blank(ind, 3, 8);
    check_blank(ind, 3, 9);
    check_blank(ind, 3, 10);
    // Row 4: suppressed: value, numerator, denominator and level are empty cells; the note in words.
    check_text(ind, 4, 2, "школа");
    check_text(ind, 4, 3, "s1");
    check_text(ind, 4, 4, "s1");  // no name known: the id
    check_blank(ind, 4, 7);
    check_blank(ind, 4, 8);
    check_blank(ind, 4, 9);
    check_blank(ind, 4, 10);
    check_text(ind, 4, 11, "скрыто");
    // Row 5: an id that looks like a number stays text with its leading zeros; the school's name beside it.
    check_text(ind, 5, 3, "007");
    check_text(ind, 5, 4, "МБОУ \"СОШ № 7\", г. Заречный");
    check_number(ind, 5, 7, 41.25);

    const ingest::Table& sch = *table_named(book, "Школы");
    const std::vector<std::string> sch_headers = {"Год", "Код ОО", "Наименование ОО", "Тип ОО", "Тип ОО (название)",
                                                  "Кластер", "Интегральный балл", "Группа эффективности",
                                                  "Место в рейтинге"};
    for (std::uint32_t c = 0; c < sch_headers.size(); ++c) check_text(sch, 1, c + 1, sch_headers[c]);
    check_blank(sch, 1, 10);
    CHECK(sch.rows().size() == 3);
    check_number(sch, 2, 1, 2025);
    check_text(sch, 2, 2, "007");
    check_text(sch, 2, 3, "МБОУ \"СОШ № 7\", г. Заречный");
    check_text(sch, 2, 4, "СОШ");
    check_text(sch, 2, 5, "средняя школа");
    check_text(sch, 2, 6, "Город");
    check_number(sch, 2, 7, 66.67);
    check_text(sch, 2, 8, "Высокая степень эффективности деятельности");
    check_number(sch, 2, 9, 1);
    // Text that starts with "=" is stored as a string, never as a formula.
    check_text(sch, 3, 3, "=SUM(A1:A2)");
    check_text(sch, 3, 5, "ООШ");
    check_blank(sch, 3, 7);
    check_blank(sch, 3, 8);
    check_blank(sch, 3, 9);
}

TEST_CASE("monitoring.xlsx: the sheet XML freezes the header row, has an autofilter and no formulas") {
    TempDir dir;
    const fs::path file = dir / "monitoring.xlsx";
    std::size_t streamed_from = 500'000;
    SUBCASE("shared strings") {}
    SUBCASE("streamed") { streamed_from = 1; }
    render::write_monitoring_xlsx(file, indicator_rows(), school_rows(), ru_texts(), {}, streamed_from);
    ingest::ZipArchive zip(file, util::SourceLocation{"monitoring.xlsx"}, {});
    REQUIRE(zip.contains("xl/worksheets/sheet1.xml"));
    REQUIRE(zip.contains("xl/worksheets/sheet2.xml"));
    const std::string sheet1 = zip.read_all("xl/worksheets/sheet1.xml");
    const std::string sheet2 = zip.read_all("xl/worksheets/sheet2.xml");
    for (const std::string* xml : {&sheet1, &sheet2}) {
        // The pane is split below row 1 and frozen.
        CHECK(xml->find("ySplit=\"1\"") != std::string::npos);
        CHECK(xml->find("state=\"frozen\"") != std::string::npos);
        CHECK(xml->find("topLeftCell=\"A2\"") != std::string::npos);
        CHECK(xml->find("<f>") == std::string::npos);  // no formula cells
    }
    // Autofilter over the header and the data rows: A1:K5 (11 columns, 1 + 4 rows), A1:I3 (9 columns, 1 + 2 rows).
    CHECK(sheet1.find("<autoFilter ref=\"A1:K5\"") != std::string::npos);
    CHECK(sheet2.find("<autoFilter ref=\"A1:I3\"") != std::string::npos);
    // Printed on A4 landscape, one page wide, the header row on every page.
    for (const std::string* xml : {&sheet1, &sheet2}) {
        CHECK(xml->find("paperSize=\"9\"") != std::string::npos);
        CHECK(xml->find("orientation=\"landscape\"") != std::string::npos);
        CHECK(xml->find("fitToHeight=\"0\"") != std::string::npos);
    }
    CHECK(zip.read_all("xl/workbook.xml").find("_xlnm.Print_Titles") != std::string::npos);
    // The decimal format keeps 2 places in Excel.
    const std::string styles = zip.read_all("xl/styles.xml");
    CHECK(styles.find("formatCode=\"0.00\"") != std::string::npos);
}

TEST_CASE("monitoring.xlsx: no data rows still gives both sheets with headers") {
    TempDir dir;
    const fs::path file = dir / "empty.xlsx";
    render::write_monitoring_xlsx(file, {}, {}, ru_texts());
    util::Diagnostics diags;
    ingest::Workbook book = ingest::read_workbook(file, "empty.xlsx", {}, {}, diags);
    CHECK_FALSE(diags.has_errors());
    REQUIRE(book.tables.size() == 2);
    CHECK(book.tables[0].rows().size() == 1);
    CHECK(book.tables[1].rows().size() == 1);
    check_text(book.tables[0], 1, 1, "Год");
    check_text(book.tables[1], 1, 2, "Код ОО");
}

TEST_CASE("monitoring.xlsx: the same rows give byte-identical files, whenever they are written") {
    TempDir dir;
    const fs::path first = dir / "a" / "monitoring.xlsx";
    const fs::path second = dir / "b" / "monitoring.xlsx";
    fs::create_directories(first.parent_path());
    fs::create_directories(second.parent_path());
    render::write_monitoring_xlsx(first, indicator_rows(), school_rows(), ru_texts());
    // Zip entries store times with 2-second resolution: wait past that so a clock leak would show.
    std::this_thread::sleep_for(std::chrono::milliseconds(2100));
    render::write_monitoring_xlsx(second, indicator_rows(), school_rows(), ru_texts());
    const std::string a = read_bytes(first), b = read_bytes(second);
    REQUIRE_FALSE(a.empty());
    CHECK(a.size() == b.size());
    CHECK(a == b);
    // Nothing but the workbook is left in the folder (libxlsxwriter's temporary files are gone).
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(first.parent_path())) ++entries;
    CHECK(entries == 1);

    // Different content gives different bytes (the comparison above is not vacuous).
    auto changed = indicator_rows();
    changed[0].value = "73.51";
    changed[0].value_number = 73.51;
    const fs::path third = dir / "c.xlsx";
    render::write_monitoring_xlsx(third, changed, school_rows(), ru_texts());
    CHECK(read_bytes(third) != a);
}

TEST_CASE("XlsxWriter: plain header, general, short decimal and percent numbers, booleans, properties") {
    using Style = render::XlsxWriter::Style;
    TempDir dir;
    auto write = [&](const fs::path& file) {
        render::XlsxWriter::Properties props;
        props.title = "Проверка";
        props.author = "Управление образования";
        props.company = "Округ";
        props.created = 1695200400;  // 2023-09-20 09:00 UTC
        render::XlsxWriter book(file, props);
        book.add_sheet("Лист");
        book.text(0, 0, "Заголовок", Style::plain_header);
        book.freeze_header();
        book.number(1, 0, 12, Style::general);
        book.number(1, 1, 1.25, Style::decimal_upto2);
        book.number(1, 2, 0.73, Style::percent);
        book.boolean(1, 3, true);
        book.boolean(1, 4, false);
        book.close();
    };
    write(dir / "a.xlsx");
    write(dir / "b.xlsx");
    CHECK(read_bytes(dir / "a.xlsx") == read_bytes(dir / "b.xlsx"));  // fixed times: equal bytes

    util::Diagnostics diags;
    ingest::Workbook book = ingest::read_workbook(dir / "a.xlsx", "a.xlsx", {}, {}, diags);
    CHECK_FALSE(diags.has_errors());
    REQUIRE(book.tables.size() == 1);
    const ingest::Table& t = book.tables[0];
    check_text(t, 1, 1, "Заголовок");
    check_number(t, 2, 1, 12);
    check_number(t, 2, 2, 1.25);
    const ingest::Cell* pct = find_cell(t, 2, 3);
    REQUIRE(pct != nullptr);
    CHECK(pct->kind == ingest::CellKind::number);
    CHECK(pct->percent_format);
    CHECK(pct->number == doctest::Approx(0.73));
    const ingest::Cell* yes = find_cell(t, 2, 4);
    const ingest::Cell* no = find_cell(t, 2, 5);
    REQUIRE((yes && no));
    CHECK(yes->kind == ingest::CellKind::boolean);
    CHECK(ingest::cell_boolean(t, *yes) == std::optional<bool>(true));
    CHECK(ingest::cell_boolean(t, *no) == std::optional<bool>(false));

    // The document properties are written as given.
    ingest::ZipArchive zip(dir / "a.xlsx", util::SourceLocation{"a.xlsx"}, {});
    std::string core = zip.read_all("docProps/core.xml");
    CHECK(core.find("<dc:title>Проверка</dc:title>") != std::string::npos);
    CHECK(core.find("<dc:creator>Управление образования</dc:creator>") != std::string::npos);
    CHECK(core.find("2023-09-20T09:00:00Z") != std::string::npos);
    CHECK(zip.read_all("docProps/app.xml").find("<Company>Округ</Company>") != std::string::npos);
}
