#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "monsite/ingest/reader.hpp"
#include "monsite/render/csv_writer.hpp"
#include "monsite/render/open_data.hpp"
#include "compute_fixtures.hpp"
#include "test_support.hpp"

using namespace monsite;
using monsite::test::TempDir;
using monsite::test::write_file;

namespace {

const std::string bom = "\xEF\xBB\xBF";

std::string one_row(const std::vector<std::string>& fields) {
    render::CsvWriter csv;
    for (const auto& f : fields) csv.field(f);
    csv.end_row();
    return csv.take();
}

// The text of a cell read back, or "" if the cell is empty (readers do not store empty cells).
std::string cell(const ingest::Table& table, std::uint32_t row, std::uint32_t column) {
    for (const auto& r : table.rows())
        if (r.index == row)
            for (const auto& c : table.cells(r))
                if (c.column == column) return std::string(table.text(c));
    return {};
}

render::IndicatorRow indicator_row(const char* scope, std::string entity, std::string indicator, std::string value,
                                   std::string numerator, std::string denominator, const char* level,
                                   const char* note) {
    return {2025, scope, std::move(entity), std::move(indicator), std::move(value), std::move(numerator),
            std::move(denominator), level, note};
}

}  // namespace

TEST_CASE("CsvWriter: starts with the UTF-8 BOM, even with no rows") {
    render::CsvWriter csv;
    CHECK(csv.take() == bom);
}

TEST_CASE("CsvWriter: plain fields are written as they are, rows end in LF") {
    render::CsvWriter csv;
    csv.field("a").field("b").field("");
    csv.end_row();
    csv.field("73.50");
    csv.end_row();
    CHECK(csv.take() == bom + "a,b,\n73.50\n");
}

TEST_CASE("CsvWriter: quotes a field only when it holds a comma, a quote, CR or LF") {
    CHECK(one_row({"a,b"}) == bom + "\"a,b\"\n");
    CHECK(one_row({"say \"hi\""}) == bom + "\"say \"\"hi\"\"\"\n");  // quotes doubled inside
    CHECK(one_row({"\""}) == bom + "\"\"\"\"\n");
    CHECK(one_row({"line\nbreak"}) == bom + "\"line\nbreak\"\n");
    CHECK(one_row({"cr\rhere"}) == bom + "\"cr\rhere\"\n");
    // Nothing else triggers quoting: semicolons, spaces, tabs, apostrophes, Cyrillic, a leading "=".
    CHECK(one_row({"a;b", " x ", "t\tab", "it's", "Школа № 1", "=1+2"}) ==
          bom + "a;b, x ,t\tab,it's,Школа № 1,=1+2\n");
    // An empty field between quoted ones stays empty, not "".
    CHECK(one_row({"a,b", "", "c\"d"}) == bom + "\"a,b\",,\"c\"\"d\"\n");
}

TEST_CASE("indicators_csv: header and hand-made rows") {
    std::vector<render::IndicatorRow> rows = {
        indicator_row("municipality", "municipality", "diag_coverage", "73.50", "147", "200", "medium", ""),
        indicator_row("cluster", "Город, центр", "vacancies", "3", "", "", "", ""),
        indicator_row("school", "s1", "diag_score_avg", "", "", "", "", "suppressed"),
        indicator_row("school", "s2", "courses_share", "", "", "", "", "no_data"),
    };
    rows.push_back({2024, "school", "s3", "avg_age", "41.25", "", "", "", ""});
    CHECK(render::indicators_csv(rows) ==
          bom +
              "year,scope,entity_id,indicator_id,value,numerator,denominator,level,note\n"
              "2025,municipality,municipality,diag_coverage,73.50,147,200,medium,\n"
              "2025,cluster,\"Город, центр\",vacancies,3,,,,\n"
              "2025,school,s1,diag_score_avg,,,,,suppressed\n"
              "2025,school,s2,courses_share,,,,,no_data\n"
              "2024,school,s3,avg_age,41.25,,,,\n");
    CHECK(render::indicators_csv({}) == bom + "year,scope,entity_id,indicator_id,value,numerator,denominator,level,note\n");
}

TEST_CASE("schools_csv: header and hand-made rows") {
    std::vector<render::SchoolRow> rows = {
        {2025, "s1", "МБОУ \"СОШ № 1\", г. Заречный", "СОШ", "Город", "66.67", "high", "1"},
        {2025, "s2", "МКОУ «Берёзовская ООШ»", "ООШ", "Село", "", "", ""},
    };
    CHECK(render::schools_csv(rows) ==
          bom +
              "year,school_id,name,type,cluster,composite,group,rank\n"
              "2025,s1,\"МБОУ \"\"СОШ № 1\"\", г. Заречный\",СОШ,Город,66.67,high,1\n"
              "2025,s2,МКОУ «Берёзовская ООШ»,ООШ,Село,,,\n");
    CHECK(render::schools_csv({}) == bom + "year,school_id,name,type,cluster,composite,group,rank\n");
}

TEST_CASE("open-data CSV: a formula-looking text from the data is made inert, numbers and codes are not") {
    std::vector<render::SchoolRow> rows = {
        {2025, "-rf", "=HYPERLINK(\"http://evil.example\",\"x\")", "+СОШ", "@Город", "66.67", "high", "1"},
    };
    CHECK(render::schools_csv(rows) ==
          bom +
              "year,school_id,name,type,cluster,composite,group,rank\n"
              "2025,'-rf,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",'+СОШ,'@Город,66.67,high,1\n");
    render::IndicatorRow cluster = indicator_row("cluster", "=SUM(A1:A2)", "diag_coverage", "-1.50", "", "", "", "");
    CHECK(render::indicators_csv({cluster}) ==
          bom + "year,scope,entity_id,indicator_id,value,numerator,denominator,level,note\n"
                "2025,cluster,'=SUM(A1:A2),diag_coverage,-1.50,,,,\n");
    CHECK(render::inert_text("\tx") == "'\tx");
    CHECK(render::inert_text("\rx") == "'\rx");
    CHECK(render::inert_text("Школа") == "Школа");
    CHECK(render::inert_text("") == "");
}

TEST_CASE("a school name with quotes, a comma and a line break round-trips through the CSV reader") {
    const std::string tricky = "МБОУ \"СОШ № 1\", г. Заречный";
    const std::string multiline = "Школа\nс переносом";
    std::vector<render::SchoolRow> rows = {
        {2025, "s1", tricky, "СОШ", "Город, центр", "66.67", "high", "1"},
        {2025, "s2", multiline, "ООШ", "Село", "50.00", "medium", "2"},
    };
    TempDir dir;
    write_file(dir / "schools.csv", render::schools_csv(rows));
    util::Diagnostics diags;
    ingest::Workbook book = ingest::read_workbook(dir / "schools.csv", "schools.csv", {}, {}, diags);
    CHECK_FALSE(diags.has_errors());
    REQUIRE(book.tables.size() == 1);
    const auto& table = book.tables[0];
    REQUIRE(table.rows().size() == 3);
    CHECK(cell(table, 1, 1) == "year");
    CHECK(cell(table, 1, 8) == "rank");
    const std::uint32_t r1 = table.rows()[1].index, r2 = table.rows()[2].index;
    CHECK(cell(table, r1, 2) == "s1");
    CHECK(cell(table, r1, 3) == tricky);
    CHECK(cell(table, r1, 5) == "Город, центр");
    CHECK(cell(table, r1, 6) == "66.67");
    CHECK(cell(table, r2, 2) == "s2");
    CHECK(cell(table, r2, 3) == multiline);
    CHECK(cell(table, r2, 8) == "2");
}

TEST_CASE("open-data rows: each typed number is the number its text writes") {
    const auto data = test::make_dataset({test::make_year(2025, {
        test::rated_school("a", "A", {{"diag_coverage", 2}, {"courses_share", 1}, {"staffing_level", 1}}),
        test::rated_school("b", "A", {{"diag_coverage", 0}}),
        test::make_school("z", "B", {{"teachers_total", 100}})})});
    const auto c = test::run_default(data);
    const auto same = [](const std::optional<double>& number, const std::string& text) {
        INFO(text);
        CHECK(number.has_value() == !text.empty());
        if (number) CHECK(*number == std::stod(text));
    };
    const auto rows = render::indicator_rows(c.results, c.catalogue, {});
    int with_fraction = 0;
    for (const auto& r : rows) {
        INFO(r.entity_id, " ", r.indicator_id);
        same(r.value_number, r.value);
        same(r.numerator_number, r.numerator);
        same(r.denominator_number, r.denominator);
        if (r.numerator_number) ++with_fraction;
    }
    CHECK(with_fraction > 0);
    const auto schools = render::school_rows(c.results, data, {});
    REQUIRE(schools.size() == 3);
    for (const auto& r : schools) {
        INFO(r.school_id);
        same(r.composite_number, r.composite);
        CHECK(r.rank_number == (r.rank.empty() ? 0 : std::stoi(r.rank)));
    }
    CHECK(schools[0].composite_number);
}
