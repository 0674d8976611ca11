// A large site ([pages] full_lists_up_to below the number of schools): what a
// build publishes differs from a small site's only where the lists would grow.
#include <doctest/doctest.h>

#include <filesystem>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "monsite/config/config.hpp"
#include "monsite/site/build.hpp"
#include "monsite/util/error.hpp"
#include "test_support.hpp"

using namespace monsite;
using monsite::test::read_bytes;
using monsite::test::TempDir;
using monsite::test::write_file;
namespace fs = std::filesystem;

namespace {

void write_year(const fs::path& data, const std::string& year) {
    write_file(data / year / "ОО.csv",
               "Код ОО;Наименование ОО;Тип ОО;Кластер\n"
               "s1;МБОУ «СОШ № 1»;СОШ;Город\n"
               "s2;МКОУ «Берёзовская ООШ»;ООШ;Село\n"
               "s3;МБОУ «Лицей»;лицей;Город\n");
    write_file(data / year / "Кадры.csv",
               "Код ОО;Всего педагогических работников;Вакансии;Молодые специалисты со стажем до 3 лет;"
               "Молодые специалисты, имеющие наставника\n"
               "s1;40;2;5;4\ns2;10;0;1;1\ns3;20;1;4;1\n");
    write_file(data / year / "Развитие.csv",
               "Код ОО;Прошли диагностику профессиональных дефицитов;Выявлены профессиональные дефициты;"
               "Реализуется целевая модель наставничества\n"
               "s1;30;12;да\ns2;8;3;нет\ns3;15;5;да\n");
}

fs::path build_in(const TempDir& dir, std::optional<int> full_lists_up_to) {
    write_year(dir / "data", "2024");
    write_year(dir / "data", "2025");
    if (full_lists_up_to) write_file(dir / "data" / "site.toml", "[pages]\nfull_lists_up_to = " + std::to_string(*full_lists_up_to) + "\n");
    site::BuildOptions options;
    options.data_dir = dir / "data";
    options.display_dir = "data";
    options.out_dir = dir / "public";
    options.threads = 1;
    util::Diagnostics diags;
    const auto report = site::build_site(options, diags);
    REQUIRE(report);
    REQUIRE_FALSE(diags.has_errors());
    return dir / "public";
}

}  // namespace

TEST_CASE("large site: site.json names per-year files, each school's entry in its own file") {
    TempDir dir;
    const fs::path out = build_in(dir, 2);  // 3 schools > 2
    const auto site = nlohmann::json::parse(read_bytes(out / "data/site.json"));
    CHECK_FALSE(site.contains("by_year"));
    REQUIRE(site["year_files"].size() == 2);
    CHECK(site["year_files"][1]["file"] == "years/2025.json");
    CHECK(site["latest_year"] == 2025);
    const auto year = nlohmann::json::parse(read_bytes(out / "data/years/2025.json"));
    CHECK(year["year"] == 2025);
    REQUIRE(year["schools"].size() == 3);
    CHECK(year["schools"][0]["file"] == "years/2025/s1.json");
    const auto school = nlohmann::json::parse(read_bytes(out / "data/years/2025/s1.json"));
    CHECK(school["id"] == "s1");
    CHECK(school.contains("values"));
}

TEST_CASE("large site: the schools list has pages and a search index, indicator pages a summary") {
    TempDir dir;
    const fs::path out = build_in(dir, 2);
    const std::string list = read_bytes(out / "schools/index.html");
    CHECK(list.find("data-index=\"/data/schools-index-2025.json\"") != std::string::npos);
    CHECK(list.find("id=\"list-pages\"") != std::string::npos);
    const auto index = nlohmann::json::parse(read_bytes(out / "data/schools-index-2025.json"));
    CHECK(index["rows"].size() == 3);
    CHECK(index["fields"][0] == "id");
    CHECK(fs::exists(out / "2024/schools/index.html"));
    CHECK(fs::exists(out / "data/schools-index-2024.json"));
    const std::string indicator = read_bytes(out / "indicators/mentor_coverage/index.html");
    CHECK(indicator.find("id=\"schools-table\"") == std::string::npos);
    CHECK(indicator.find("data/indicators.csv") != std::string::npos);
    CHECK(indicator.find("Наибольшие значения, 2025") != std::string::npos);
    CHECK(indicator.find("Наименьшие значения, 2025") != std::string::npos);
    const std::string decisions = read_bytes(out / "decisions/index.html");
    CHECK(decisions.find("class=\"large-note\"") != std::string::npos);
}

TEST_CASE("large site: up to the threshold, every list in full and site.json in one piece") {
    TempDir dir;
    const fs::path out = build_in(dir, 3);  // 3 schools: not over 3
    const auto site = nlohmann::json::parse(read_bytes(out / "data/site.json"));
    CHECK(site["by_year"].size() == 2);
    CHECK_FALSE(site.contains("year_files"));
    CHECK_FALSE(fs::exists(out / "data/years"));
    CHECK_FALSE(fs::exists(out / "data/schools-index-2025.json"));
    const std::string list = read_bytes(out / "schools/index.html");
    CHECK(list.find("data-index") == std::string::npos);
    CHECK(list.find("list-pages") == std::string::npos);
    CHECK(read_bytes(out / "indicators/mentor_coverage/index.html").find("id=\"schools-table\"") != std::string::npos);
}

TEST_CASE("load_config: [pages] full_lists_up_to, 200 by default, at least 1") {
    TempDir dir;
    CHECK(config::default_config().full_lists_up_to == 200);
    write_file(dir / "site.toml", "[pages]\nfull_lists_up_to = 50\n");
    CHECK(config::load_config(dir / "site.toml").full_lists_up_to == 50);
    write_file(dir / "bad.toml", "[pages]\nfull_lists_up_to = 0\n");
    CHECK_THROWS_AS(config::load_config(dir / "bad.toml"), util::UsageError);
    write_file(dir / "typo.toml", "[pages]\nfull_list_up_to = 50\n");
    CHECK_THROWS_AS(config::load_config(dir / "typo.toml"), util::UsageError);
}
