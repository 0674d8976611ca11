#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "monsite/site/build.hpp"
#include "monsite/site/manifest.hpp"
#include "test_support.hpp"

using namespace monsite;
using monsite::test::TempDir;
using monsite::test::read_bytes;
using monsite::test::tree;
using monsite::test::write_file;
using monsite::test::flip_last_digit;
namespace fs = std::filesystem;

namespace {

// A copy of the small fixture site (two years of CSV data) in a temp folder.
struct Site {
    TempDir dir;
    fs::path data = dir / "data";
    fs::path out = dir / "public";
    Site() { fs::copy(fs::path(MONSITE_FIXTURES) / "site-small" / "data", data, fs::copy_options::recursive); }

    std::optional<site::BuildReport> build(bool force = false) {
        site::BuildOptions options;
        options.data_dir = data;
        options.out_dir = out;
        options.threads = 2;
        options.force = force;
        util::Diagnostics diags;
        auto report = site::build_site(options, diags);
        REQUIRE(diags.error_count() == 0);
        return report;
    }
    // Path -> modification time of every output file: a skipped build changes none.
    std::map<std::string, fs::file_time_type> times() const {
        std::map<std::string, fs::file_time_type> out_times;
        for (const auto& e : fs::recursive_directory_iterator(out))
            if (e.is_regular_file()) out_times[fs::relative(e.path(), out).generic_string()] = e.last_write_time();
        return out_times;
    }
};

}  // namespace

TEST_CASE("a second build with nothing changed is skipped and writes nothing") {
    Site site;
    auto first = site.build();
    REQUIRE(first);
    CHECK_FALSE(first->unchanged);
    CHECK(first->files.written > 0);
    const fs::path manifest = site::manifest_path(site.out);
    CHECK(manifest == site.dir.path() / ".public.manifest");
    REQUIRE(fs::is_regular_file(manifest));
    const auto files = tree(site.out);
    const auto times = site.times();
    const auto manifest_time = fs::last_write_time(manifest);

    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    auto second = site.build();
    REQUIRE(second);
    CHECK(second->unchanged);
    CHECK(second->years == first->years);
    CHECK(second->schools == first->schools);
    CHECK(second->indicator_rows == first->indicator_rows);
    CHECK(second->files.written == 0);
    CHECK(tree(site.out) == files);
    CHECK(site.times() == times);
    CHECK(fs::last_write_time(manifest) == manifest_time);

    SUBCASE("--force builds again") {
        auto forced = site.build(true);
        REQUIRE(forced);
        CHECK_FALSE(forced->unchanged);
        CHECK(forced->files.unchanged == files.size());
        CHECK(tree(site.out) == files);
    }
    SUBCASE("a data file changed in content only (same size) is seen") {
        flip_last_digit(site.data / "2025" / "Кадры.csv");
        auto again = site.build();
        REQUIRE(again);
        CHECK_FALSE(again->unchanged);
        CHECK(again->files.written > 0);
        CHECK(site.build()->unchanged);  // and the build after it is skipped again
    }
    SUBCASE("a new file in the data folder is seen, an Office lock file is not") {
        write_file(site.data / "2025" / "~$Кадры.xlsx", "lock");
        write_file(site.data / "2025" / ".~lock.ОО.csv#", "lock");
        CHECK(site.build()->unchanged);
        write_file(site.data / "site.toml", "municipality = \"Другой округ\"\n");
        auto again = site.build();
        REQUIRE(again);
        CHECK_FALSE(again->unchanged);
        CHECK(read_bytes(site.out / "index.html").find("Другой округ") != std::string::npos);
    }
    SUBCASE("a touched, removed or added output file makes the build run") {
        SUBCASE("removed") { fs::remove(site.out / "index.html"); }
        SUBCASE("edited") { write_file(site.out / "index.html", "hand-edited"); }
        SUBCASE("added") { write_file(site.out / "extra.html", "x"); }
        SUBCASE("output folder gone") { fs::remove_all(site.out); }
        auto again = site.build();
        REQUIRE(again);
        CHECK_FALSE(again->unchanged);
        CHECK(tree(site.out) == files);
    }
    SUBCASE("a site's own theme file is an input") {
        write_file(site.dir / "themes" / "default" / "static" / "css" / "extra.css", "body{}");
        auto again = site.build();
        REQUIRE(again);
        CHECK_FALSE(again->unchanged);
    }
}

TEST_CASE("the inputs' description names what changes the output") {
    Site site;
    site::PipelineOptions options;
    options.data_dir = site.data;
    const std::string base = site::describe_inputs(options);
    CHECK(base.rfind("monsite-manifest 2\n", 0) == 0);
    CHECK(base.find("program " MONSITE_VERSION) != std::string::npos);
    CHECK(base.find("file data/2025/Кадры.csv ") != std::string::npos);
    CHECK(site::describe_inputs(options) == base);  // stable

    site::PipelineOptions strict = options;
    strict.strict = true;
    CHECK(site::describe_inputs(strict) != base);
    site::PipelineOptions moved = options;
    moved.base_url = "/monitoring/";
    CHECK(site::describe_inputs(moved) != base);
    site::PipelineOptions threads = options;
    threads.threads = 7;  // output is the same for any -j
    CHECK(site::describe_inputs(threads) == base);

    flip_last_digit(site.data / "2024" / "ОО.csv");
    CHECK(site::describe_inputs(options) != base);
}

TEST_CASE("a manifest that does not match is never taken") {
    TempDir dir;
    fs::create_directories(dir / "public");
    write_file(dir / "public" / "a.html", "a");
    const fs::path file = site::manifest_path(dir / "public/");  // a trailing slash names the same folder
    CHECK(file == dir.path() / ".public.manifest");
    CHECK(site::manifest_path(dir / "." / "public" / ".") == file);  // "./public/." names it too
    CHECK(site::manifest_path(dir / "x" / ".." / "public") == file);
    CHECK_FALSE(site::unchanged_build(file, "inputs\n", dir / "public"));  // none yet
    site::write_manifest(file, "inputs\n", {{2024, 2025}, 3, 42, true}, dir / "public");
    auto same = site::unchanged_build(file, "inputs\n", dir / "public");
    REQUIRE(same);
    CHECK(same->years == std::vector<int>{2024, 2025});
    CHECK(same->schools == 3);
    CHECK(same->indicator_rows == 42);
    CHECK(same->sitemap);
    CHECK_FALSE(site::unchanged_build(file, "other\n", dir / "public"));
    CHECK_FALSE(site::unchanged_build(file, "inputs\nmore\n", dir / "public"));
    write_file(file, "inputs\nsummary garbage\n");
    CHECK_FALSE(site::unchanged_build(file, "inputs\n", dir / "public"));
    site::remove_manifest(file);
    CHECK_FALSE(fs::exists(file));
}
