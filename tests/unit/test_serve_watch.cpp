#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <string>

#include "monsite/serve/watch.hpp"
#include "test_support.hpp"

using namespace monsite;
using monsite::test::TempDir;
using monsite::test::write_file;
using serve::Change;
namespace fs = std::filesystem;

namespace {

std::vector<serve::WatchRoot> roots_of(const fs::path& site) {
    return serve::site_roots(site / "data", {}, site, {});
}

void touch_later(const fs::path& file) {
    fs::last_write_time(file, fs::last_write_time(file) + std::chrono::seconds(2));
}

}  // namespace

TEST_CASE("editors' and office programs' side files are not watched") {
    CHECK(serve::is_ignored_name("~$gim1.xlsx"));
    CHECK(serve::is_ignored_name(".~lock.berezovka.ods#"));
    CHECK(serve::is_ignored_name("about.md~"));
    CHECK(serve::is_ignored_name(".about.md.swp"));
    CHECK_FALSE(serve::is_ignored_name("gim1.xlsx"));
    CHECK_FALSE(serve::is_ignored_name("ОО.csv"));
    CHECK_FALSE(serve::is_ignored_name("site.toml"));
}

TEST_CASE("a change says which stage to redo: data, content, theme, configuration") {
    TempDir dir;
    const fs::path site = dir.path();
    write_file(site / "data/site.toml", "municipality = \"x\"\n");
    write_file(site / "data/2025/ОО.csv", "a;b\n");
    write_file(site / "content/about.md", "# about\n");
    write_file(site / "themes/mine/static/css/site.css", "body{}\n");
    write_file(site / "i18n/ru.toml", "");
    const auto roots = roots_of(site);
    const auto before = serve::take_snapshot(roots);
    CHECK(serve::compare(before, serve::take_snapshot(roots)).change == Change::none);

    SUBCASE("a data file") {
        write_file(site / "data/2025/ОО.csv", "a;b\nc;d\n");
        auto d = serve::compare(before, serve::take_snapshot(roots));
        CHECK(d.change == Change::data);
        REQUIRE(d.files.size() == 1);
        CHECK(d.files[0].find("ОО.csv") != std::string::npos);
    }
    SUBCASE("the same size, a later time") {
        touch_later(site / "data/2025/ОО.csv");
        CHECK(serve::compare(before, serve::take_snapshot(roots)).change == Change::data);
    }
    SUBCASE("a new and a removed data file") {
        write_file(site / "data/2025/gim1.xlsx", "x");
        CHECK(serve::compare(before, serve::take_snapshot(roots)).change == Change::data);
        fs::remove(site / "data/2025/ОО.csv");
        CHECK(serve::compare(before, serve::take_snapshot(roots)).files.size() == 2);
    }
    SUBCASE("a content page") {
        write_file(site / "content/about.md", "# about us\n");
        CHECK(serve::compare(before, serve::take_snapshot(roots)).change == Change::content);
    }
    SUBCASE("a theme file and a text catalogue") {
        write_file(site / "themes/mine/static/css/site.css", "body{color:red}\n");
        CHECK(serve::compare(before, serve::take_snapshot(roots)).change == Change::theme);
        write_file(site / "i18n/ru.toml", "home_title = \"x\"\n");
        CHECK(serve::compare(before, serve::take_snapshot(roots)).change == Change::theme);
    }
    SUBCASE("the configuration wins over the rest") {
        write_file(site / "content/about.md", "# about us\n");
        write_file(site / "data/site.toml", "municipality = \"yy\"\n");
        auto d = serve::compare(before, serve::take_snapshot(roots));
        CHECK(d.change == Change::config);
        CHECK(d.files.size() == 2);
    }
    SUBCASE("a new year folder is a new configuration (the published years change)") {
        fs::create_directories(site / "data/2026");
        CHECK(serve::compare(before, serve::take_snapshot(roots)).change == Change::config);
    }
    SUBCASE("an office lock file is no change") {
        write_file(site / "data/2025/~$gim1.xlsx", "lock");
        write_file(site / "content/.about.md.swp", "swap");
        CHECK(serve::compare(before, serve::take_snapshot(roots)).change == Change::none);
    }
}

TEST_CASE("a named configuration file is watched wherever it is") {
    TempDir dir;
    write_file(dir / "elsewhere/site.toml", "x = 1\n");
    fs::create_directories(dir / "data");
    const auto roots = serve::site_roots(dir / "data", dir / "elsewhere/site.toml", dir.path(), {});
    const auto before = serve::take_snapshot(roots);
    write_file(dir / "elsewhere/site.toml", "x = 22\n");
    CHECK(serve::compare(before, serve::take_snapshot(roots)).change == Change::config);
}
