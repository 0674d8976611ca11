#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "monsite/config/config.hpp"
#include "monsite/site/scaffold.hpp"
#include "monsite/util/error.hpp"
#include "test_support.hpp"

using namespace monsite;
using monsite::test::EnvVar;
using monsite::test::TempDir;
using monsite::test::write_file;
namespace fs = std::filesystem;

TEST_CASE("toml_string: quotes, backslashes and control characters are escaped") {
    CHECK(site::toml_string("Заречный округ") == "\"Заречный округ\"");
    CHECK(site::toml_string("Тестовый \"округ\"") == "\"Тестовый \\\"округ\\\"\"");
    CHECK(site::toml_string("a\\b") == "\"a\\\\b\"");
    CHECK(site::toml_string("a\nb\tc") == "\"a\\nb\\tc\"");
    CHECK(site::toml_string(std::string("a\x01") + "\x7f") == "\"a\\u0001\\u007F\"");
}

TEST_CASE("scaffold_site_toml: the built-in settings with the municipality and the site's own catalogue") {
    TempDir dir;
    const std::string name = "Тестовый \"округ\" \\ №1\nвторая строка";
    const std::string text = site::scaffold_site_toml(config::builtin_site_toml(), name);
    write_file(dir / "site.toml", text);
    write_file(dir / "indicators.toml", std::string(config::builtin_catalogue_toml()));
    const config::SiteConfig loaded = config::load_config(dir / "site.toml");
    const config::SiteConfig defaults = config::default_config();
    CHECK(loaded.municipality == name);
    CHECK(loaded.department == defaults.department);
    CHECK(loaded.base_url == defaults.base_url);
    CHECK(loaded.rules.min_group == defaults.rules.min_group);
    REQUIRE(loaded.catalogue.indicators.size() == defaults.catalogue.indicators.size());
    for (std::size_t i = 0; i < loaded.catalogue.indicators.size(); ++i)
        CHECK(loaded.catalogue.indicators[i].id == defaults.catalogue.indicators[i].id);
    // Every comment of the built-in file is still there; the department's line asks to be filled in.
    CHECK(text.find("# shown in titles") != std::string::npos);
    CHECK(text.find("write your department's name here") != std::string::npos);
    CHECK(text.find("indicators = \"indicators.toml\"") != std::string::npos);
    // Without --municipality the placeholder stays.
    const std::string plain = site::scaffold_site_toml(config::builtin_site_toml(), std::nullopt);
    CHECK(plain.find("municipality = " + site::toml_string(defaults.municipality)) != std::string::npos);
    // A built-in file without one of the keys is a defect, said so.
    CHECK_THROWS_AS(site::scaffold_site_toml("municipality = \"x\"\n", std::nullopt), util::InternalError);
}

TEST_CASE("new_site: writes the site, into a new or empty folder only") {
    EnvVar no_override("MONSITE_DATA_DIR", std::nullopt);
    EnvVar fallback("MONSITE_NO_SOURCE_FALLBACK", std::nullopt);
    TempDir dir;
    site::ScaffoldOptions options;
    options.dir = dir / "site";
    options.municipality = "Тестовый \"округ\"";
    options.year = 2026;
    const site::ScaffoldReport report = site::new_site(options);
    CHECK(report.year == 2026);
    CHECK(report.workbook == "collection-2026.xlsx");
    for (const char* f : {"data/site.toml", "data/indicators.toml", "data/2026/.gitkeep", "collection-2026.xlsx",
                          "content/about.md", "content/help.md", "content/recommendations/centre-low-group.md",
                          "content/recommendations/centre-low-group.en.md", ".gitignore", "README.md"}) {
        CAPTURE(f);
        CHECK(fs::is_regular_file(options.dir / f));
        CHECK(std::find(report.files.begin(), report.files.end(), f) != report.files.end());
    }
    CHECK(std::is_sorted(report.files.begin(), report.files.end()));
    CHECK(config::load_config(options.dir / "data/site.toml").municipality == "Тестовый \"округ\"");
    // Nothing left beside it.
    for (const auto& e : fs::directory_iterator(dir.path())) CHECK(e.path().filename() == "site");

    // Not over an existing site, nor over a file.
    CHECK_THROWS_AS(site::new_site(options), util::UsageError);
    write_file(dir / "file", "x");
    options.dir = dir / "file";
    CHECK_THROWS_AS(site::new_site(options), util::UsageError);

    // An existing empty folder is filled.
    fs::create_directories(dir / "empty");
    options.dir = dir / "empty";
    options.municipality.reset();
    site::new_site(options);
    CHECK(fs::is_regular_file(dir / "empty/data/site.toml"));
    CHECK_FALSE(fs::exists(dir / ".empty.monsite-new.tmp"));
}
