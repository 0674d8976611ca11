#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "monsite/ingest/zip_archive.hpp"
#include "monsite/render/csv_writer.hpp"
#include "monsite/render/school_downloads.hpp"
#include "monsite/site/pipeline.hpp"
#include "test_support.hpp"

using namespace monsite;
using monsite::test::TempDir;
using monsite::test::write_file;
namespace fs = std::filesystem;

namespace {

// Two years of two schools whose names, type and cluster look like formulas.
const char* const register_csv =
    "Код ОО;Наименование ОО;Краткое наименование;Тип ОО;Кластер\n"
    "s1;\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\";@s1;СОШ;+Город\n"
    "s2;-2+3;s2;ООШ;-Село\n";
const char* const staff_csv =
    "Код ОО;Всего педагогических работников;Вакансии;Молодые специалисты со стажем до 3 лет;"
    "Молодые специалисты, имеющие наставника\n"
    "s1;40;2;5;4\n"
    "s2;10;0;1;0\n";
const char* const development_2024 =
    "Код ОО;Прошли диагностику профессиональных дефицитов;Выявлены профессиональные дефициты\n"
    "s1;20;8\n"
    "s2;9;3\n";
const char* const development_2025 =
    "Код ОО;Прошли диагностику профессиональных дефицитов;Выявлены профессиональные дефициты\n"
    "s1;30;12\n"
    "s2;3;1\n";

struct Site {
    TempDir dir;
    std::optional<site::Pipeline> pipeline;
    std::optional<render::SiteInfo> info;
    std::optional<render::PagesInput> input;

    explicit Site(const char* language = "ru") {
        for (auto [year, development] : {std::pair{"2024", development_2024}, std::pair{"2025", development_2025}}) {
            write_file(dir / "data" / year / "ОО.csv", register_csv);
            write_file(dir / "data" / year / "Кадры.csv", staff_csv);
            write_file(dir / "data" / year / "Развитие.csv", development);
        }
        write_file(dir / "data" / "site.toml", std::string("language = \"") + language + "\"\nmunicipality = \"Округ\"\n");
        site::PipelineOptions options;
        options.data_dir = dir / "data";
        options.threads = 1;
        pipeline.emplace(options);
        util::Diagnostics diags;
        REQUIRE(pipeline->load(diags));
        pipeline->compute();
        const auto& p = *pipeline;
        info.emplace(render::SiteInfo{p.config().municipality, p.config().department, "/", p.config().language, p.years()});
        input.emplace(render::PagesInput{*info, p.data(), p.results(), p.config().catalogue, p.config().rules, p.texts(),
                                         {}, false, {}, p.recommendations(), p.decisions()});
    }
};

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t end; (end = text.find("\r\n", start)) != std::string::npos; start = end + 2)
        out.push_back(text.substr(start, end - start));
    return out;
}

// A line as written, without the empty fields that pad it to the file's width.
bool has_line(const std::vector<std::string>& lines, const std::string& line) {
    for (auto l : lines) {
        while (!l.empty() && (l.back() == ';' || l.back() == ',')) l.pop_back();
        if (l == line) return true;
    }
    return false;
}

const render::SchoolSheetRow* row_titled(const render::SchoolSheet& sheet, const std::string& start) {
    for (const auto& r : sheet.rows)
        if (r.indicator.starts_with(start)) return &r;
    return nullptr;
}

}  // namespace

TEST_CASE("inert_text: a text that a spreadsheet would run as a formula gets a leading quote") {
    for (std::string text : {"=1+2", "+7 999", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "=HYPERLINK(\"http://x\")"})
        CHECK(render::inert_text(text) == "'" + text);
    for (std::string text : {"", "a=b", "1-2", "— dash", "'quoted", " =1", "Школа № 1"}) CHECK(render::inert_text(text) == text);
}

TEST_CASE("PeopleCsvWriter: ; and a decimal comma in Russian, , and a point in English, quotes, CRLF, BOM") {
    render::PeopleCsvWriter ru(true);
    ru.text("a;b").number("73.50").number("-1").text("=x").text("");
    ru.end_row();
    CHECK(ru.take() == "\xEF\xBB\xBF\"a;b\";73,50;-1;'=x;\r\n");
    render::PeopleCsvWriter en(false);
    en.text("a,b").number("73.50").text("say \"hi\"").text("-x");
    en.end_row();
    CHECK(en.take() == "\xEF\xBB\xBF\"a,b\",73.50,\"say \"\"hi\"\"\",'-x\r\n");
    render::PeopleCsvWriter padded(true);
    padded.text("a");
    padded.end_row(3);
    padded.text("a").text("b").text("c").text("d");
    padded.end_row(3);  // never cut
    CHECK(padded.take() == "\xEF\xBB\xBF" "a;;\r\na;b;c;d\r\n");
}

TEST_CASE("school sheet: the school in brief, every indicator with names, levels in words, cluster, district, history") {
    Site site;
    const render::SchoolSheet sheet = render::school_sheet(*site.input, 2025, "s1");
    CHECK(sheet.name == "=HYPERLINK(\"http://evil.example\",\"x\")");
    CHECK(sheet.history_years == std::vector<int>{2024, 2025});
    REQUIRE(sheet.facts.size() >= 6);
    CHECK(sheet.facts[0].label == "Наименование ОО");
    CHECK(sheet.facts[0].text == sheet.name);
    const auto* diag = row_titled(sheet, "Доля педагогов, прошедших диагностику");
    REQUIRE(diag != nullptr);
    CHECK(diag->direction == "Выявление профессиональных дефицитов");
    CHECK(diag->unit == "%");
    CHECK(diag->value.fixed == "75.00");  // 30 of 40
    CHECK(diag->value.value == doctest::Approx(75));
    CHECK(diag->change.fixed == "25.00");  // from 20 of 40
    REQUIRE(diag->history.size() == 2);
    CHECK(diag->history[0].fixed == "50.00");
    CHECK(diag->history[1].fixed == "75.00");
    CHECK(diag->cluster.fixed == "75.00");    // s1 is alone in its cluster
    CHECK(diag->municipal.fixed == "66.00");  // 33 of 50
    CHECK((diag->level == "высокий" || diag->level == "средний" || diag->level == "низкий"));
    CHECK(diag->note.empty());
    // A small school's sensitive value is hidden, and the note says so in words.
    const render::SchoolSheet small = render::school_sheet(*site.input, 2025, "s2");
    const auto* deficit = row_titled(small, "Доля педагогов с выявленными дефицитами");
    REQUIRE(deficit != nullptr);
    CHECK(deficit->value.fixed.empty());
    CHECK(deficit->level.empty());
    CHECK(deficit->note == "скрыто");
}

TEST_CASE("school CSV for people: Russian headers, ';', decimal comma, CRLF, BOM, formula-looking texts inert") {
    Site site;
    const render::SchoolSheet sheet = render::school_sheet(*site.input, 2025, "s1");
    const std::string csv = render::school_people_csv(sheet, site.pipeline->texts());
    REQUIRE(csv.starts_with("\xEF\xBB\xBF"));
    const auto lines = lines_of(csv.substr(3));
    CHECK(has_line(lines, "Наименование ОО;\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\""));
    CHECK(has_line(lines, "Кластер;'+Город"));
    CHECK(has_line(lines, "Год мониторинга;2025"));
    CHECK(has_line(lines, "Направление;Показатель;Единица измерения;Значение школы;Уровень;Кластер;Округ;"
                          "Изменение за год;Школа, 2024;Школа, 2025;Примечание"));
    bool found = false;
    for (const auto& l : lines)
        if (l.starts_with("Выявление профессиональных дефицитов;Доля педагогов, прошедших диагностику")) {
            found = true;
            CHECK(l.find(";%;75,00;") != std::string::npos);
            CHECK(l.find(";75,00;66,00;25,00;50,00;75,00;") != std::string::npos);
        }
    CHECK(found);
    // No line of the file starts a field with a formula character unquoted; every line
    // without quotes has the width of the indicators' header (11 columns: 10 separators).
    for (const auto& l : lines) {
        INFO(l);
        if (l.find('"') == std::string::npos) CHECK(std::count(l.begin(), l.end(), ';') == 10);
        std::istringstream fields(l);
        for (std::string f; std::getline(fields, f, ';');) CHECK((f.empty() || std::string("=+@\t\r").find(f[0]) == std::string::npos));
    }
    const render::SchoolSheet other = render::school_sheet(*site.input, 2025, "s2");
    const auto other_lines = lines_of(render::school_people_csv(other, site.pipeline->texts()).substr(3));
    CHECK(has_line(other_lines, "Наименование ОО;'-2+3"));
    CHECK(has_line(other_lines, "Кластер;'-Село"));
}

TEST_CASE("school CSV in English: ',' and a decimal point") {
    Site site("en");
    const render::SchoolSheet sheet = render::school_sheet(*site.input, 2025, "s1");
    const auto lines = lines_of(render::school_people_csv(sheet, site.pipeline->texts()).substr(3));
    CHECK(has_line(lines, "Monitoring year,2025"));
    CHECK(has_line(lines, "Cluster,'+Город"));
    bool found = false;
    for (const auto& l : lines)
        if (l.find(",75.00,66.00,25.00,50.00,75.00,") != std::string::npos) found = true;
    CHECK(found);
}

TEST_CASE("school XLSX: three sheets, strings never formulas, frozen header, autofilter, A4 print setup") {
    Site site;
    TempDir out;
    const render::SchoolSheet sheet = render::school_sheet(*site.input, 2025, "s1");
    const fs::path file = out / "s1.xlsx";
    render::write_school_xlsx(file, sheet, site.pipeline->texts(), "Управление");
    ingest::ZipArchive zip(file, util::SourceLocation{"s1.xlsx"}, {});
    const std::string book = zip.read_all("xl/workbook.xml");
    CHECK(book.find("name=\"Школа\"") != std::string::npos);
    CHECK(book.find("name=\"Показатели\"") != std::string::npos);
    CHECK(book.find("name=\"Рекомендации\"") != std::string::npos);
    const std::string strings = zip.read_all("xl/sharedStrings.xml");
    CHECK(strings.find("<t>=HYPERLINK(\"http://evil.example\",\"x\")</t>") != std::string::npos);
    CHECK(strings.find("+Город") != std::string::npos);
    for (const char* part : {"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"}) {
        const std::string xml = zip.read_all(part);
        INFO(part);
        CHECK(xml.find("<f>") == std::string::npos);
        CHECK(xml.find("paperSize=\"9\"") != std::string::npos);
        // Every printed page names the school and the year and is numbered.
        CHECK(xml.find("<oddHeader>&amp;C@s1: показатели мониторинга за 2025 год</oddHeader>") != std::string::npos);
        CHECK(xml.find("<oddFooter>&amp;C&amp;P / &amp;N</oddFooter>") != std::string::npos);
    }
    const std::string indicators = zip.read_all("xl/worksheets/sheet2.xml");
    CHECK(indicators.find("state=\"frozen\"") != std::string::npos);
    CHECK(indicators.find("<autoFilter ref=\"A1:K") != std::string::npos);  // 11 columns: 8 + 2 years + note
    CHECK(indicators.find("orientation=\"landscape\"") != std::string::npos);
    CHECK(zip.read_all("xl/styles.xml").find("formatCode=\"0.0#\"") != std::string::npos);
    CHECK(zip.read_all("docProps/core.xml").find("Управление") != std::string::npos);
}

TEST_CASE("school downloads: two files per school and year, paths by slug and year, in a fixed order on any thread count") {
    Site site;
    auto collect = [&](unsigned threads) {
        TempDir scratch;
        std::vector<std::pair<std::string, std::string>> files;  // in the order delivered
        render::school_downloads(
            *site.input, scratch.path(),
            [&](render::Page page) {
                CHECK_FALSE(page.body.empty());
                files.emplace_back(page.path, std::move(page.body));
            },
            threads);
        CHECK(fs::is_empty(scratch.path()));  // the scratch workbooks are gone
        return files;
    };
    const auto one = collect(1);
    std::vector<std::string> paths;
    for (const auto& [path, bytes] : one) paths.push_back(path);
    CHECK(paths == std::vector<std::string>{"data/schools/s1-2024.csv", "data/schools/s1-2024.xlsx",
                                            "data/schools/s2-2024.csv", "data/schools/s2-2024.xlsx",
                                            "data/schools/s1-2025.csv", "data/schools/s1-2025.xlsx",
                                            "data/schools/s2-2025.csv", "data/schools/s2-2025.xlsx"});
    CHECK(collect(3) == one);
}
