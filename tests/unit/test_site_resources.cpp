#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "monsite/site/resources.hpp"
#include "monsite/util/error.hpp"
#include "test_support.hpp"

using namespace monsite;
using monsite::test::EnvVar;
using monsite::test::TempDir;
using monsite::test::write_file;
namespace fs = std::filesystem;

TEST_CASE("chart_scripts_in: the installed flat layout and npm's node_modules layout") {
    TempDir dir;
    CHECK_FALSE(site::chart_scripts_in(dir / "assets"));
    write_file(dir / "assets/vega.min.js", "1");
    write_file(dir / "assets/vega-lite.min.js", "2");
    CHECK_FALSE(site::chart_scripts_in(dir / "assets"));  // all three or none
    write_file(dir / "assets/vega-embed.min.js", "3");
    auto flat = site::chart_scripts_in(dir / "assets");
    REQUIRE(flat);
    CHECK((*flat)[0] == dir / "assets/vega.min.js");
    CHECK((*flat)[2] == dir / "assets/vega-embed.min.js");

    write_file(dir / "node_modules/vega/build/vega.min.js", "1");
    write_file(dir / "node_modules/vega-lite/build/vega-lite.min.js", "2");
    write_file(dir / "node_modules/vega-embed/build/vega-embed.min.js", "3");
    auto npm = site::chart_scripts_in(dir / "node_modules");
    REQUIRE(npm);
    CHECK((*npm)[1] == dir / "node_modules/vega-lite/build/vega-lite.min.js");
}

TEST_CASE("find_resources: MONSITE_DATA_DIR, then the install, then the source tree") {
    EnvVar no_override("MONSITE_DATA_DIR", std::nullopt);
    SUBCASE("a build-tree run finds the source tree") {
        EnvVar fallback("MONSITE_NO_SOURCE_FALLBACK", std::nullopt);
        const site::Resources found = site::find_resources();
        CHECK(fs::is_regular_file(found.default_theme() / "templates/layout.mustache"));
        CHECK(fs::equivalent(found.default_theme(), fs::path(MONSITE_FIXTURES) / "../../themes/default"));
    }
    SUBCASE("with the fallback switched off nothing is found, and the message says where it looked") {
        EnvVar fallback("MONSITE_NO_SOURCE_FALLBACK", "1");
        try {
            site::find_resources();
            FAIL("no error");
        } catch (const util::UsageError& e) {
            CHECK(e.message().find("не найдены файлы monsite") == 0);
            CHECK(e.message().find("share/monsite") != std::string::npos);
            CHECK(e.message().find("MONSITE_DATA_DIR") != std::string::npos);
        }
    }
    SUBCASE("MONSITE_DATA_DIR wins, and a wrong one is an error, not skipped") {
        TempDir dir;
        write_file(dir / "themes/default/templates/layout.mustache", "{{{body}}}");
        {
            EnvVar override_dir("MONSITE_DATA_DIR", dir.path().string());
            const site::Resources found = site::find_resources();
            CHECK(found.root == dir.path());
            CHECK(found.i18n() == dir / "i18n");
            CHECK(found.chart_script_folders() == std::vector<fs::path>{dir / "assets", dir / "node_modules"});
        }
        EnvVar override_dir("MONSITE_DATA_DIR", (dir / "missing").string());
        CHECK_THROWS_AS(site::find_resources(), util::UsageError);
    }
}
