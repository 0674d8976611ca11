#include <doctest/doctest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "monsite/ingest/reader.hpp"
#include "monsite/site/build.hpp"
#include "monsite/util/error.hpp"
#include "test_support.hpp"

using namespace monsite;
using monsite::test::TempDir;
using monsite::test::read_bytes;
using monsite::test::tree;
using monsite::test::names_in;
using monsite::test::write_file;
namespace fs = std::filesystem;

namespace {

const std::string bom = "\xEF\xBB\xBF";

// Two schools, the three required tables (as in test_site_load.cpp), and anonymous teachers.
const char* const register_csv =
    "Код ОО;Наименование ОО;Тип ОО;Кластер\n"
    "s1;\"МБОУ \"\"СОШ № 1\"\", г. Заречный\";СОШ;Город\n"
    "s2;МКОУ «Берёзовская ООШ»;ООШ;Село\n";
const char* const staff_csv =
    "Код ОО;Всего педагогических работников;Вакансии;Молодые специалисты со стажем до 3 лет;"
    "Молодые специалисты, имеющие наставника\n"
    "s1;40;2;5;4\n"
    "s2;10;0;1;1\n";
const char* const development_csv =
    "Код ОО,Прошли диагностику профессиональных дефицитов,Выявлены профессиональные дефициты,"
    "Реализуется целевая модель наставничества\n"
    "s1,30,12,да\n"
    "s2,8,3,нет\n";
// Teacher codes that must never reach the published files.
const char* const teachers_csv =
    "Код педагога;Код ОО;Предмет;Категория;Результат диагностики, %;Выявлен дефицит;ИОМ\n"
    "TCODE-0001;s1;Математика;высшая;67;да;да\n"
    "TCODE-0002;s1;Математика;первая;81;нет;да\n"
    "TCODE-0003;s1;Математика;соответствие;59;да;нет\n"
    "TCODE-0004;s1;Математика;без категории;72;нет;нет\n"
    "TCODE-0005;s1;Математика;высшая;90;нет;да\n"
    "TCODE-0006;s1;Физика;первая;64;да;да\n"
    "TCODE-0007;s2;Физика;первая;55;да;нет\n";

void write_year(const fs::path& data, const std::string& year, const std::string& staff = staff_csv) {
    write_file(data / year / "ОО.csv", register_csv);
    write_file(data / year / "Кадры.csv", staff);
    write_file(data / year / "Развитие.csv", development_csv);
    write_file(data / year / "Педагоги.csv", teachers_csv);
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

bool has_line(const std::string& text, const std::string& line) {
    auto lines = lines_of(text);
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

struct Run {
    std::optional<site::BuildReport> report;
    util::Diagnostics diags;
    bool has(const std::string& text) const {
        return std::any_of(diags.all().begin(), diags.all().end(),
                           [&](const auto& d) { return d.to_string().find(text) != std::string::npos; });
    }
    std::string dump() const {
        std::string out;
        for (const auto& d : diags.all()) out += d.to_string() + "\n";
        return out;
    }
};

site::BuildOptions options_for(const TempDir& dir) {
    site::BuildOptions options;
    options.data_dir = dir / "data";
    options.display_dir = "data";
    options.out_dir = dir / "public";
    options.threads = 1;
    return options;
}

Run build(const site::BuildOptions& options) {
    Run run;
    run.report = site::build_site(options, run.diags);
    return run;
}

// Fails if any key names a teacher id, or a "teacher" key holds more than a count or a flag.
void check_no_teacher_rows(const nlohmann::json& j, const std::string& where = "$") {
    if (j.is_object()) {
        for (const auto& item : j.items()) {
            // Not a structured binding: clang 14 cannot capture one in doctest's INFO lambda.
            const std::string key = item.key();
            const nlohmann::json& value = item.value();
            INFO(where, ".", key);
            CHECK(key != "teacher_id");
            CHECK(key != "teachers_list");
            if (key.find("teacher") != std::string::npos) CHECK((value.is_number() || value.is_boolean()));
            check_no_teacher_rows(value, where + "." + key);
        }
    } else if (j.is_array()) {
        for (std::size_t i = 0; i < j.size(); ++i) check_no_teacher_rows(j[i], where + "[" + std::to_string(i) + "]");
    } else if (j.is_string()) {
        INFO(where);
        CHECK(j.get<std::string>().find("TCODE") == std::string::npos);
    }
}

}  // namespace

TEST_CASE("build_site: a tiny data folder gives the four open-data files") {
    TempDir dir;
    write_year(dir / "data", "2025");
    Run run = build(options_for(dir));
    INFO(run.dump());
    REQUIRE(run.report);
    CHECK_FALSE(run.diags.has_errors());
    CHECK(run.report->config == "встроенная (по умолчанию)");
    CHECK(run.report->years == std::vector<int>{2025});
    CHECK(run.report->schools == 2);

    const fs::path out = dir / "public";
    for (const char* file : {"data/indicators.csv", "data/schools.csv", "data/monitoring.xlsx", "data/site.json"}) {
        INFO(file);
        CHECK(fs::is_regular_file(out / file));
        CHECK(fs::file_size(out / file) > 0);
    }
    CHECK(run.report->files.written >= 4);
    CHECK(run.report->files.unchanged == 0);
    CHECK(run.report->files.removed == 0);
    // Only the output and the data beside each other: no staging or scratch folder left.
    CHECK(names_in(dir.path()) == std::vector<std::string>{"data", "public"});

    const std::string indicators = read_bytes(out / "data/indicators.csv");
    REQUIRE(indicators.rfind(bom, 0) == 0);
    auto ind_lines = lines_of(indicators.substr(bom.size()));
    REQUIRE_FALSE(ind_lines.empty());
    CHECK(ind_lines[0] == "year,scope,entity_id,indicator_id,value,numerator,denominator,level,note");
    CHECK(ind_lines.size() == run.report->indicator_rows + 1);
    CHECK(indicators.find('\r') == std::string::npos);
    // diag_coverage = diagnosed / teachers_total, thresholds 50 / 80 (higher is better):
    //   s1: 30 / 40 = 75.00 -> medium; s2: 8 / 10 = 80.00 -> high (80 is at the upper threshold);
    //   municipality pooled: (30 + 8) / (40 + 10) = 38 / 50 = 76.00 -> medium.
    CHECK(has_line(indicators, "2025,school,s1,diag_coverage,75.00,30,40,medium,"));
    CHECK(has_line(indicators, "2025,school,s2,diag_coverage,80.00,8,10,high,"));
    CHECK(has_line(indicators, "2025,municipality,municipality,diag_coverage,76.00,38,50,medium,"));
    // vacancies is a sum (a count): 2 + 0 = 2, no numerator, denominator or level.
    CHECK(has_line(indicators, "2025,municipality,municipality,vacancies,2,,,,"));
    CHECK(has_line(indicators, "2025,school,s1,vacancies,2,,,,"));
    // Scopes in the contract's order: municipality rows, then clusters, then schools.
    std::vector<std::string> scopes;
    for (std::size_t i = 1; i < ind_lines.size(); ++i) {
        auto a = ind_lines[i].find(','), b = ind_lines[i].find(',', a + 1);
        scopes.push_back(ind_lines[i].substr(a + 1, b - a - 1));
    }
    auto rank = [](const std::string& s) { return s == "municipality" ? 0 : s == "cluster" ? 1 : s == "school" ? 2 : 9; };
    CHECK(std::is_sorted(scopes.begin(), scopes.end(),
                         [&](const std::string& x, const std::string& y) { return rank(x) < rank(y); }));
    CHECK(std::none_of(scopes.begin(), scopes.end(), [&](const std::string& s) { return rank(s) == 9; }));

    const std::string schools = read_bytes(out / "data/schools.csv");
    REQUIRE(schools.rfind(bom, 0) == 0);
    auto sch_lines = lines_of(schools.substr(bom.size()));
    REQUIRE(sch_lines.size() == 3);
    CHECK(sch_lines[0] == "year,school_id,name,type,cluster,composite,group,rank");
    CHECK(sch_lines[1].rfind("2025,s1,\"МБОУ \"\"СОШ № 1\"\", г. Заречный\",СОШ,Город,", 0) == 0);
    CHECK(sch_lines[2].rfind("2025,s2,МКОУ «Берёзовская ООШ»,ООШ,Село,", 0) == 0);

    // monitoring.xlsx holds the same tables: as many rows as the CSV files.
    util::Diagnostics diags;
    ingest::Workbook book = ingest::read_workbook(out / "data/monitoring.xlsx", "monitoring.xlsx", {}, {}, diags);
    CHECK_FALSE(diags.has_errors());
    REQUIRE(book.tables.size() == 2);
    CHECK(book.tables[0].name() == "Показатели");
    CHECK(book.tables[0].rows().size() == ind_lines.size());
    CHECK(book.tables[1].name() == "Школы");
    CHECK(book.tables[1].rows().size() == sch_lines.size());
}

TEST_CASE("build_site: site.json parses and holds no teacher ids or per-teacher data") {
    TempDir dir;
    write_year(dir / "data", "2025");
    Run run = build(options_for(dir));
    INFO(run.dump());
    REQUIRE(run.report);
    const std::string text = read_bytes(dir / "public/data/site.json");
    nlohmann::json site;
    REQUIRE_NOTHROW(site = nlohmann::json::parse(text));
    CHECK(site["contract_version"] == 1);
    CHECK(site["municipality"] == "Муниципальное образование");  // the built-in default
    CHECK(site["years"] == nlohmann::json::array({2025}));
    CHECK(site["latest_year"] == 2025);
    REQUIRE(site["by_year"].size() == 1);
    const auto& year = site["by_year"][0];
    CHECK(year["year"] == 2025);
    CHECK(year["has_teachers"] == true);
    REQUIRE(year["schools"].size() == 2);
    CHECK(year["schools"][0]["id"] == "s1");
    CHECK(year["schools"][0]["name"] == "МБОУ \"СОШ № 1\", г. Заречный");
    CHECK(year["schools"][1]["id"] == "s2");
    // diag_coverage of s1: 30 / 40 = 75 %.
    CHECK(year["schools"][0]["values"]["diag_coverage"]["value"] == 75.0);
    CHECK(year["schools"][0]["values"]["diag_coverage"]["text"] == "75\u202f%");

    CHECK(text.find("teacher_id") == std::string::npos);
    CHECK(text.find("TCODE") == std::string::npos);
    check_no_teacher_rows(site);
    for (const char* file : {"data/indicators.csv", "data/schools.csv"}) {
        INFO(file);
        CHECK(read_bytes(dir / "public" / file).find("TCODE") == std::string::npos);
    }
}

TEST_CASE("build_site: a second build of the same data rewrites nothing") {
    TempDir dir;
    write_year(dir / "data", "2025");
    Run first = build(options_for(dir));
    REQUIRE(first.report);
    const auto before = tree(dir / "public");
    Run second = build(options_for(dir));
    INFO(second.dump());
    REQUIRE(second.report);
    CHECK(tree(dir / "public") == before);
    CHECK(second.report->files.written == 0);
    CHECK(second.report->files.unchanged == before.size());
    CHECK(second.report->files.removed == 0);
}

TEST_CASE("build_site: invalid data returns nullopt, names the cell, and leaves the earlier output alone") {
    TempDir dir;
    write_year(dir / "data", "2025");
    Run good = build(options_for(dir));
    REQUIRE(good.report);
    const fs::path out = dir / "public";
    const auto before = tree(out);
    struct stat st_before {};
    REQUIRE(::stat((out / "data/site.json").c_str(), &st_before) == 0);

    write_year(dir / "data", "2025",
               "Код ОО;Всего педагогических работников;Вакансии\n"
               "s1;много;2\n"
               "s2;10;0\n");
    Run bad = build(options_for(dir));
    INFO(bad.dump());
    CHECK_FALSE(bad.report);
    CHECK(bad.diags.has_errors());
    CHECK(bad.has("data/2025/Кадры.csv: строка 2, столбец 2 («Всего педагогических работников», школа s1): "
                  "ожидалось целое число ≥ 0, найдено «много»"));
    CHECK(tree(out) == before);
    struct stat st_after {};
    REQUIRE(::stat((out / "data/site.json").c_str(), &st_after) == 0);
    CHECK(st_after.st_ino == st_before.st_ino);
    CHECK(st_after.st_mtim.tv_sec == st_before.st_mtim.tv_sec);
    CHECK(st_after.st_mtim.tv_nsec == st_before.st_mtim.tv_nsec);
    CHECK(names_in(dir.path()) == std::vector<std::string>{"data", "public"});
}

TEST_CASE("build_site: invalid data with no earlier output creates nothing") {
    TempDir dir;
    write_year(dir / "data", "2025", "Код ОО;Всего педагогических работников;Вакансии\ns1;-3;0\ns2;10;0\n");
    Run bad = build(options_for(dir));
    INFO(bad.dump());
    CHECK_FALSE(bad.report);
    CHECK(bad.has("data/2025/Кадры.csv: строка 2, столбец 2 («Всего педагогических работников», школа s1): "
                  "ожидалось целое число ≥ 0, найдено «-3»"));
    CHECK(names_in(dir.path()) == std::vector<std::string>{"data"});
}

TEST_CASE("build_site: an output folder equal to or containing the data folder is refused") {
    TempDir dir;
    write_year(dir / "data", "2025");
    const auto data_before = tree(dir / "data");
    auto refused = [&](const fs::path& out) {
        INFO("out = ", out.string());
        site::BuildOptions options = options_for(dir);
        options.out_dir = out;
        util::Diagnostics diags;
        CHECK_THROWS_AS(site::build_site(options, diags), util::UsageError);
    };
    refused(dir / "data");
    refused(dir.path());
    refused(dir / "data/../data");
    refused(dir.path() / "data/");
    refused(dir.path() / "data/.");
    refused(dir.path() / "");
    refused(dir.path() / ".");
    fs::create_directory_symlink(dir / "data", dir / "link");
    refused(dir / "link");  // the same folder under another name
    CHECK(tree(dir / "data") == data_before);
    CHECK(names_in(dir.path()) == std::vector<std::string>{"data", "link"});

    // Relative spellings of the same folders, from inside the temp folder.
    struct Cwd {
        fs::path saved = fs::current_path();
        ~Cwd() { fs::current_path(saved); }
    } cwd;
    fs::current_path(dir.path());
    {
        site::BuildOptions options;
        options.data_dir = "data";
        options.out_dir = ".";
        util::Diagnostics diags;
        CHECK_THROWS_AS(site::build_site(options, diags), util::UsageError);
        options.out_dir = "data";
        CHECK_THROWS_AS(site::build_site(options, diags), util::UsageError);
        options.data_dir = "./data";
        options.out_dir = "data";
        CHECK_THROWS_AS(site::build_site(options, diags), util::UsageError);
        options.data_dir = "data";
        options.out_dir = "data/";
        CHECK_THROWS_AS(site::build_site(options, diags), util::UsageError);
        options.out_dir = "./";
        CHECK_THROWS_AS(site::build_site(options, diags), util::UsageError);
        options.data_dir = "data/";
        options.out_dir = "data";
        CHECK_THROWS_AS(site::build_site(options, diags), util::UsageError);
    }
    CHECK(tree(dir / "data") == data_before);
}

TEST_CASE("build_site: a site.toml beside the data is used") {
    TempDir dir;
    write_year(dir / "data", "2025");
    write_file(dir / "data/site.toml",
               "municipality = \"Тестовый муниципальный округ\"\n"
               "department = \"Управление образования\"\n");
    Run run = build(options_for(dir));
    INFO(run.dump());
    REQUIRE(run.report);
    CHECK(run.report->config == "data/site.toml");
    nlohmann::json site = nlohmann::json::parse(read_bytes(dir / "public/data/site.json"));
    CHECK(site["municipality"] == "Тестовый муниципальный округ");
    CHECK(site["department"] == "Управление образования");
}

TEST_CASE("build_site: years in the config choose what is published; a year without data is a usage error") {
    TempDir dir;
    write_year(dir / "data", "2024");
    write_year(dir / "data", "2025");

    write_file(dir / "data/site.toml", "years = [2099]\n");
    {
        util::Diagnostics diags;
        CHECK_THROWS_AS(site::build_site(options_for(dir), diags), util::UsageError);
        CHECK_FALSE(fs::exists(dir / "public"));
        CHECK(names_in(dir.path()) == std::vector<std::string>{"data"});
    }

    write_file(dir / "data/site.toml", "years = [2025]\n");
    Run run = build(options_for(dir));
    INFO(run.dump());
    REQUIRE(run.report);
    CHECK(run.report->years == std::vector<int>{2025});
    const std::string indicators = read_bytes(dir / "public/data/indicators.csv");
    CHECK(indicators.find("\n2024,") == std::string::npos);
    CHECK(indicators.find("\n2025,") != std::string::npos);
    nlohmann::json site = nlohmann::json::parse(read_bytes(dir / "public/data/site.json"));
    CHECK(site["years"] == nlohmann::json::array({2025}));
    REQUIRE(site["by_year"].size() == 1);
    CHECK(site["by_year"][0]["year"] == 2025);
}

TEST_CASE("build_site: a faulty site.toml is a usage error") {
    TempDir dir;
    write_year(dir / "data", "2025");
    write_file(dir / "data/site.toml", "no_such_setting = 1\n");
    util::Diagnostics diags;
    CHECK_THROWS_AS(site::build_site(options_for(dir), diags), util::UsageError);
    CHECK_FALSE(fs::exists(dir / "public"));
}

namespace {

// The staff table with one column the contract does not have: a warning.
const char* const staff_with_extra_column =
    "Код ОО;Всего педагогических работников;Вакансии;Примечание\n"
    "s1;40;2;нет\n"
    "s2;10;0;\n";

bool any_strict(const util::Diagnostics& diags) {
    return std::any_of(diags.all().begin(), diags.all().end(), [](const auto& d) { return d.strict; });
}

}  // namespace

TEST_CASE("build_site: the strict mode makes every warning an error and publishes nothing") {
    TempDir dir;
    write_year(dir / "data", "2025");
    Run good = build(options_for(dir));
    REQUIRE(good.report);
    const auto before = tree(dir / "public");

    write_year(dir / "data", "2025", staff_with_extra_column);
    SUBCASE("without it, a warning does not stop the build") {
        Run run = build(options_for(dir));
        INFO(run.dump());
        REQUIRE(run.report);
        CHECK(run.diags.warning_count() >= 1);
        CHECK(run.has("предупреждение: "));
        CHECK(run.has("«Примечание»"));
    }
    SUBCASE("--strict") {
        site::BuildOptions options = options_for(dir);
        options.strict = true;
        Run run = build(options);
        INFO(run.dump());
        CHECK_FALSE(run.report);
        CHECK(run.diags.has_errors());
        CHECK(run.diags.warning_count() == 0);
        CHECK(run.diags.strict_count() == run.diags.error_count());
        CHECK(any_strict(run.diags));
        CHECK(run.has("data/2025/Кадры.csv: строка 1, столбец 4: ошибка (строгий режим): "));
        CHECK(run.has("«Примечание»"));
        CHECK(tree(dir / "public") == before);
        CHECK(names_in(dir.path()) == std::vector<std::string>{"data", "public"});
    }
    SUBCASE("strict = true in site.toml") {
        write_file(dir / "data/site.toml", "strict = true\n");
        Run run = build(options_for(dir));
        INFO(run.dump());
        CHECK_FALSE(run.report);
        CHECK(run.diags.strict_count() >= 1);
        CHECK(run.has("ошибка (строгий режим): "));
        CHECK(tree(dir / "public") == before);
    }
    SUBCASE("strict data without warnings builds") {
        write_year(dir / "data", "2025");
        write_file(dir / "data/site.toml", "strict = true\n");
        // Warnings left (Педагоги against the summary tables, no chart scripts without
        // node_modules) stop it; none at all, and it builds.
        Run run = build(options_for(dir));
        INFO(run.dump());
        CHECK(run.report.has_value() == run.diags.all().empty());
        CHECK(run.diags.warning_count() == 0);
        CHECK(std::all_of(run.diags.all().begin(), run.diags.all().end(), [](const auto& d) { return d.strict; }));
    }
}

TEST_CASE("build_site: sitemap.xml only with site_url, with absolute addresses") {
    TempDir dir;
    write_year(dir / "data", "2024");
    write_year(dir / "data", "2025");
    {
        Run run = build(options_for(dir));
        INFO(run.dump());
        REQUIRE(run.report);
        CHECK_FALSE(run.report->sitemap);
        CHECK_FALSE(fs::exists(dir / "public/sitemap.xml"));
        const std::string home = read_bytes(dir / "public/index.html");
        CHECK(home.find("sitemap.xml") == std::string::npos);  // no link to a missing file
        CHECK(home.find("og:url") == std::string::npos);       // Open Graph wants an absolute address
    }
    write_file(dir / "data/site.toml", "base_url = \"/monitoring/\"\nsite_url = \"https://edu.example.ru\"\n");
    Run run = build(options_for(dir));
    INFO(run.dump());
    REQUIRE(run.report);
    CHECK(run.report->sitemap);
    const std::string sitemap = read_bytes(dir / "public/sitemap.xml");
    CHECK(sitemap.find("<loc>https://edu.example.ru/monitoring/</loc>") != std::string::npos);
    CHECK(sitemap.find("<loc>https://edu.example.ru/monitoring/schools/s1/</loc>") != std::string::npos);
    CHECK(sitemap.find("<loc>https://edu.example.ru/monitoring/2024/schools/</loc>") != std::string::npos);
    for (const auto& line : lines_of(sitemap))
        if (line.find("<loc>") != std::string::npos) {
            CAPTURE(line);
            CHECK(line.find("<loc>https://edu.example.ru/monitoring/") != std::string::npos);
        }
    const std::string home = read_bytes(dir / "public/index.html");
    CHECK(home.find("<a href=\"/monitoring/sitemap.xml\">Карта сайта</a>") != std::string::npos);
    CHECK(home.find("<meta property=\"og:url\" content=\"https://edu.example.ru/monitoring/\">") != std::string::npos);
}

TEST_CASE("build_site: a content page named like a generated page is an error naming the file") {
    TempDir dir;
    write_year(dir / "data", "2024");
    write_year(dir / "data", "2025");
    write_file(dir / "content/about.md", "+++\ntitle = \"О мониторинге\"\n+++\nТекст.\n");
    auto refused = [&](const std::string& file, const std::string& text, const std::string& named = "") {
        write_file(dir / "content" / file, "Текст.\n");
        util::Diagnostics diags;
        try {
            site::build_site(options_for(dir), diags);
            FAIL("no error for ", file);
        } catch (const util::UsageError& e) {
            CHECK(e.where().file == "content/" + (named.empty() ? file : named));
            CHECK(e.message().find(text) != std::string::npos);
            CHECK(e.status() == util::ExitStatus::usage);
        }
        CHECK_FALSE(fs::exists(dir / "public"));
        fs::remove(dir / "content" / file);
    };
    for (const char* name : {"schools", "methodology", "rating", "index", "open-data", "sitemap", "404", "data",
                             "assets", "directions", "indicators", "groups", "clusters", "subjects", "Schools"}) {
        CAPTURE(name);
        refused(std::string(name) + ".md", "имя страницы «" + std::string(name) + "» занято: такой раздел или файл сайта "
                                           "создаёт сам генератор; переименуйте файл (заняты имена 404, assets, ");
    }
    refused("2024.md", "имя страницы «2024» занято: имена из четырёх цифр — это отчёты по годам (/2024/); переименуйте файл");
    refused("2030.md", "имена из четырёх цифр");  // a year without data yet is kept for it too
    // Sorted by name, About.md comes first; about.md is then named.
    refused("About.md", "страница «about» совпадает со страницей content/About.md: имена различаются только регистром",
            "about.md");

    // A name that is not latin letters, digits, - and _ is skipped with a warning, as before.
    write_file(dir / "content/sitemap.xml.md", "x\n");
    Run run = build(options_for(dir));
    INFO(run.dump());
    REQUIRE(run.report);
    CHECK(run.has("content/sitemap.xml.md: предупреждение: страница пропущена"));
    CHECK_FALSE(fs::is_directory(dir / "public/sitemap.xml"));
    CHECK(fs::is_regular_file(dir / "public/about/index.html"));
}

TEST_CASE("build_site: content pages in menu order by weight, then name; each once") {
    TempDir dir;
    write_year(dir / "data", "2025");
    write_file(dir / "content/zeta.md", "+++\ntitle = \"Зета\"\nweight = 1\n+++\n");
    write_file(dir / "content/beta.md", "+++\ntitle = \"Бета\"\nweight = 5\n+++\n");
    write_file(dir / "content/alpha.md", "+++\ntitle = \"Альфа\"\nweight = 5\n+++\n");
    write_file(dir / "content/draft.md", "+++\ntitle = \"Черновик\"\ndraft = true\n+++\n");
    Run run = build(options_for(dir));
    INFO(run.dump());
    REQUIRE(run.report);
    const std::string home = read_bytes(dir / "public/index.html");
    auto at = [&](const std::string& label) { return home.find(">" + label + "</a>"); };
    REQUIRE(at("Зета") != std::string::npos);
    CHECK(at("Зета") < at("Альфа"));
    CHECK(at("Альфа") < at("Бета"));
    CHECK(at("Черновик") == std::string::npos);
    auto count = [&](const std::string& text) {
        std::size_t n = 0;
        for (std::size_t p = home.find(text); p != std::string::npos; p = home.find(text, p + 1)) ++n;
        return n;
    };
    CHECK(count("href=\"/alpha/\"") == 1);
    CHECK(count("href=\"/schools/\"") >= 1);
    CHECK(count(">Школы</a>") == 1);
}

TEST_CASE("build_site: years = [2025, 2025] is refused; the latest year is never also an archive") {
    TempDir dir;
    write_year(dir / "data", "2024");
    write_year(dir / "data", "2025");
    write_file(dir / "data/site.toml", "years = [2025, 2025]\n");
    {
        util::Diagnostics diags;
        try {
            site::build_site(options_for(dir), diags);
            FAIL("no error");
        } catch (const util::UsageError& e) {
            CHECK(e.where().file == (dir / "data/site.toml").generic_string());
            CHECK(e.where().row == 1);
            CHECK(e.message() == "год 2025 указан в years дважды; каждый год публикуется один раз");
        }
        CHECK_FALSE(fs::exists(dir / "public"));
    }
    for (const char* years : {"years = [2025, 2024]\n", "years = []\n"}) {
        CAPTURE(years);
        write_file(dir / "data/site.toml", years);
        Run run = build(options_for(dir));
        INFO(run.dump());
        REQUIRE(run.report);
        CHECK(run.report->years == std::vector<int>{2024, 2025});
        CHECK(fs::is_regular_file(dir / "public/index.html"));
        CHECK(fs::is_regular_file(dir / "public/2024/index.html"));
        CHECK_FALSE(fs::exists(dir / "public/2025"));
        const std::string home = read_bytes(dir / "public/index.html");
        auto count = [&](const std::string& text) {
            std::size_t n = 0;
            for (std::size_t p = home.find(text); p != std::string::npos; p = home.find(text, p + 1)) ++n;
            return n;
        };
        // The year switcher: each year once.
        CHECK(count(">2025</a></li>") == 1);
        CHECK(count(">2024</a></li>") == 1);
    }
}

TEST_CASE("build_site: a theme template with an unknown partial is an error naming the file") {
    TempDir dir;
    write_year(dir / "data", "2025");
    write_file(dir / "data/site.toml", "theme = \"mine\"\n");
    write_file(dir / "themes/mine/templates/home.mustache", "<h1>{{year}}</h1>\n<p>{{> nope}}</p>\n");
    util::Diagnostics diags;
    try {
        site::build_site(options_for(dir), diags);
        FAIL("no error");
    } catch (const util::UsageError& e) {
        CHECK(e.where().file.ends_with("themes/mine/templates/home.mustache"));
        CHECK(e.where().row == 2);
        CHECK(e.message().find("неизвестный шаблон {{> nope}}") == 0);
    }
    CHECK_FALSE(fs::exists(dir / "public"));

    write_file(dir / "data/site.toml", "theme = \"missing\"\n");
    try {
        site::build_site(options_for(dir), diags);
        FAIL("no error");
    } catch (const util::UsageError& e) {
        CHECK(e.message().find("тема «missing» не найдена") == 0);
    }
}

TEST_CASE("build_site: a theme that cannot be used is reported before any file of the data is read") {
    TempDir dir;
    write_year(dir / "data", "2025");
    std::size_t files_read = 0;
    site::BuildOptions options = options_for(dir);
    options.on_file = [&](std::string_view) { ++files_read; };
    auto refused = [&](const std::string& message) {
        util::Diagnostics diags;
        try {
            site::build_site(options, diags);
            FAIL("no error");
        } catch (const util::UsageError& e) {
            CHECK(e.message().find(message) == 0);
        }
        CHECK(files_read == 0);
        CHECK_FALSE(fs::exists(dir / "public"));
    };
    write_file(dir / "data/site.toml", "theme = \"nope\"\n");
    refused("тема «nope» не найдена");
    fs::create_directories(dir / "themes/nope/fonts");
    refused("тема «nope» пуста");
    {
        test::EnvVar no_resources("MONSITE_DATA_DIR", (dir / "nowhere").string());
        write_file(dir / "data/site.toml", "theme = \"default\"\n");
        refused("в папке «");
    }
    write_file(dir / "themes/nope/static/css/extra.css", "p{}");  // a theme of static files only is fine
    write_file(dir / "data/site.toml", "theme = \"nope\"\n");
    util::Diagnostics diags;
    CHECK(site::build_site(options, diags));
    CHECK(files_read > 0);
    CHECK(read_bytes(dir / "public/assets/css/extra.css") == "p{}");
}

TEST_CASE("build_site: the default theme and the chart scripts come from monsite's resource folder") {
    TempDir dir;
    write_year(dir / "data", "2025");
    // An installed layout: a copy of the default theme, the chart scripts flat in assets/.
    TempDir share;
    fs::create_directories(share / "themes");
    fs::copy(fs::path(MONSITE_FIXTURES) / "../../themes/default", share / "themes/default", fs::copy_options::recursive);
    write_file(share / "themes/default/static/marker.txt", "from the resource folder");
    write_file(share / "assets/vega.min.js", "/* vega */");
    write_file(share / "assets/vega-lite.min.js", "/* vega-lite */");
    write_file(share / "assets/vega-embed.min.js", "/* vega-embed */");
    test::EnvVar resources("MONSITE_DATA_DIR", share.path().string());
    Run run = build(options_for(dir));
    INFO(run.dump());
    REQUIRE(run.report);
    CHECK_FALSE(run.has("vega"));
    CHECK(read_bytes(dir / "public/assets/marker.txt") == "from the resource folder");
    CHECK(read_bytes(dir / "public/assets/js/vendor/vega.min.js") == "/* vega */");
    CHECK(read_bytes(dir / "public/assets/js/vendor/vega-embed.min.js") == "/* vega-embed */");
}

TEST_CASE("build_site: the pages take their words from the catalogue: plurals, Russian and English") {
    TempDir dir;
    const fs::path example = fs::path(MONSITE_FIXTURES) / ".." / ".." / "data";
    REQUIRE(fs::is_directory(example));
    fs::copy(example, dir / "data", fs::copy_options::recursive);
    {
        Run run = build(options_for(dir));
        INFO(run.dump());
        REQUIRE(run.report);
        REQUIRE(run.report->schools == 24);
        const std::string home = read_bytes(dir / "public/index.html");
        CHECK(home.find("<html lang=\"ru\">") != std::string::npos);
        CHECK(home.find("content=\"ru_RU\"") != std::string::npos);
        CHECK(home.find("24 школы,") != std::string::npos);  // not «24 школ»
        CHECK(read_bytes(dir / "public/schools/index.html").find("В округе 24 школы.") != std::string::npos);
    }
    // The same data as an English site: the interface is English, numbers are written the English way.
    write_file(dir / "data/site.toml", read_bytes(example / "site.toml") + "\nlanguage = \"en\"\n");
    Run run = build(options_for(dir));
    INFO(run.dump());
    REQUIRE(run.report);
    const std::string home = read_bytes(dir / "public/index.html");
    CHECK(home.find("<html lang=\"en\">") != std::string::npos);
    CHECK(home.find("content=\"en_US\"") != std::string::npos);
    CHECK(home.find("24 schools,") != std::string::npos);
    CHECK(home.find(">Schools</a>") != std::string::npos);
    CHECK(home.find("24 школ") == std::string::npos);
    CHECK(home.find("%<") != std::string::npos);      // "73.3%" with no space before the sign
    CHECK(home.find(" %<") == std::string::npos);
}

TEST_CASE("build_site: a site's i18n/<lang>.toml changes words, and its mistakes stop the build before the data") {
    TempDir dir;
    write_year(dir / "data", "2025");
    write_file(dir / "i18n/ru.toml", "nav_schools = \"Образовательные организации\"\n");
    {
        Run run = build(options_for(dir));
        INFO(run.dump());
        REQUIRE(run.report);
        CHECK(read_bytes(dir / "public/index.html").find(">Образовательные организации</a>") != std::string::npos);
    }
    write_file(dir / "i18n/ru.toml", "nav_schools = \"Школы\"\nnav_school = \"Школа\"\n");
    std::size_t files_read = 0;
    site::BuildOptions options = options_for(dir);
    options.on_file = [&](std::string_view) { ++files_read; };
    util::Diagnostics diags;
    try {
        site::build_site(options, diags);
        FAIL("no error");
    } catch (const util::UsageError& e) {
        CHECK(e.message().find("nav_school") != std::string::npos);
        CHECK(e.where().file.find("i18n/ru.toml") != std::string::npos);
        CHECK(e.where().row == 2);
    }
    CHECK(files_read == 0);
}
