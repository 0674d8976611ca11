#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "monsite/site/build.hpp"
#include "monsite/site/manifest.hpp"
#include "test_support.hpp"

using namespace monsite;
using monsite::test::TempDir;
using monsite::test::read_bytes;
using monsite::test::tree;
using monsite::test::write_file;
namespace fs = std::filesystem;

namespace {

// The small fixture site stretched to four years (2023 = 2024's data, 2026 = 2025's),
// with site_url set so that sitemap.xml lists every year's pages.
struct FourYears {
    TempDir dir;
    fs::path data = dir / "data";
    fs::path out = dir / "public";
    FourYears() {
        const fs::path fixture = fs::path(MONSITE_FIXTURES) / "site-small" / "data";
        fs::copy(fixture, data, fs::copy_options::recursive);
        fs::copy(fixture / "2024", data / "2023", fs::copy_options::recursive);
        fs::copy(fixture / "2025", data / "2026", fs::copy_options::recursive);
        write_file(data / "site.toml", "site_url = \"https://monitoring.example.org/\"\n");
    }

    site::BuildReport build(const fs::path& to, bool force = false) {
        site::BuildOptions options;
        options.data_dir = data;
        options.out_dir = to;
        options.threads = 2;
        options.force = force;
        util::Diagnostics diags;
        auto report = site::build_site(options, diags);
        REQUIRE(diags.error_count() == 0);
        REQUIRE(diags.warning_count() == 0);
        REQUIRE(report);
        return *report;
    }
    site::BuildReport build() { return build(out); }

    // The output is exactly what a whole build of the same inputs makes.
    void check_same_as_whole_build() {
        const fs::path whole = dir / "whole";
        fs::remove_all(whole);
        auto report = build(whole, true);
        CHECK(report.kept_years.empty());
        const auto expected = tree(whole);
        const auto got = tree(out);
        CHECK(got.size() == expected.size());
        for (const auto& [path, bytes] : expected) {
            auto it = got.find(path);
            if (it == got.end()) FAIL_CHECK("missing " << path);
            else if (it->second != bytes) FAIL_CHECK("differs " << path);
        }
        CHECK(got == expected);
    }

    // Changes one number of a year's table.
    void change(int year, const char* table = "Развитие.csv") {
        monsite::test::flip_last_digit(data / std::to_string(year) / table);
    }
};

}  // namespace

TEST_CASE("a change in one year's data makes that year's pages and those that depend on it, and keeps the rest") {
    FourYears site;
    auto first = site.build();
    CHECK(first.kept_years.empty());
    CHECK(first.years == std::vector<int>{2023, 2024, 2025, 2026});
    const auto kept_time = fs::last_write_time(site.out / "2023" / "index.html");

    SUBCASE("the latest year: the year before it is made again too (its measures are judged by the latest)") {
        site.change(2026);
        auto again = site.build();
        CHECK(again.kept_years == std::vector<int>{2023, 2024});
        CHECK(again.files.written > 0);
        CHECK(fs::last_write_time(site.out / "2023" / "index.html") == kept_time);
        site.check_same_as_whole_build();
        SUBCASE("and again: the carried files are recorded as their year's") {
            CHECK(site.build().unchanged);
            site.change(2026, "Кадры.csv");
            CHECK(site.build().kept_years == std::vector<int>{2023, 2024});
            site.check_same_as_whole_build();
        }
    }
    SUBCASE("an earlier year: every later year is made again") {
        site.change(2025);
        CHECK(site.build().kept_years == std::vector<int>{2023});
        site.check_same_as_whole_build();
    }
    SUBCASE("the second year: the first depends on it") {
        site.change(2024);
        CHECK(site.build().kept_years.empty());
        site.check_same_as_whole_build();
    }
    SUBCASE("a new school in a year changes every year's switchers: every year is made again") {
        for (const char* table : {"ОО.csv", "Кадры.csv", "Развитие.csv"}) {
            const fs::path file = site.data / "2026" / table;
            std::string bytes = read_bytes(file);
            std::string row = bytes.substr(bytes.find("\ns2;") + 1);
            row = "s4;" + row.substr(3, row.find('\n') - 3 + 1);
            if (std::string(table) == "ОО.csv") row.replace(row.find("Берёзовская"), std::string("Берёзовская").size(), "Новая");
            write_file(file, bytes + row);
        }
        auto again = site.build();
        CHECK(again.schools == first.schools + 1);
        CHECK(again.kept_years.empty());
        site.check_same_as_whole_build();
    }
    SUBCASE("a kept year's file touched by hand makes that year again") {
        write_file(site.out / "2023" / "index.html", "hand-edited");
        site.change(2026);
        CHECK(site.build().kept_years == std::vector<int>{2024});
        site.check_same_as_whole_build();
    }
    SUBCASE("a file removed from a kept year makes that year again") {
        fs::remove(site.out / "2024" / "schools" / "index.html");
        site.change(2026);
        CHECK(site.build().kept_years == std::vector<int>{2023});
        site.check_same_as_whole_build();
    }
    SUBCASE("a change of the site's settings makes every year") {
        write_file(site.data / "site.toml",
                   "site_url = \"https://monitoring.example.org/\"\nmunicipality = \"Другой округ\"\n");
        CHECK(site.build().kept_years.empty());
        site.check_same_as_whole_build();
    }
    SUBCASE("--force keeps nothing") {
        site.change(2026);
        CHECK(site.build(site.out, true).kept_years.empty());
    }
}

TEST_CASE("year keys: a year's key covers its data and the next year's, the schools of every year and the rest") {
    model::Dataset data;
    for (int y : {2023, 2024, 2025}) {
        model::YearData year;
        year.year = y;
        model::SchoolYear s;
        s.school_id = "s1";
        year.schools.push_back(s);
        data.years.push_back(year);
    }
    const std::vector<int> years{2023, 2024, 2025};
    const std::string inputs =
        "monsite-manifest 2\nprogram x\nfile data/site.toml 3 aa\nfile data/2023/a.csv 1 01\n"
        "file data/2024/a.csv 1 02\nfile data/2025/a.csv 1 03\n";
    const auto keys = site::year_keys(inputs, years, data);
    REQUIRE(keys.size() == 3);
    CHECK(site::year_keys(inputs, years, data) == keys);  // stable

    auto with = [&](std::string from, std::string to) {
        std::string changed = inputs;
        changed.replace(changed.find(from), from.size(), to);
        return site::year_keys(changed, years, data);
    };
    auto k = with("data/2025/a.csv 1 03", "data/2025/a.csv 1 04");  // the latest year's data
    CHECK(k.at(2023) == keys.at(2023));
    CHECK(k.at(2024) != keys.at(2024));
    CHECK(k.at(2025) != keys.at(2025));
    k = with("data/2023/a.csv 1 01", "data/2023/a.csv 1 09");  // the first year's: every key
    for (int y : years) CHECK(k.at(y) != keys.at(y));
    k = with("data/site.toml 3 aa", "data/site.toml 3 ab");  // a setting: every key
    for (int y : years) CHECK(k.at(y) != keys.at(y));
    k = with("program x", "program y");
    for (int y : years) CHECK(k.at(y) != keys.at(y));

    model::Dataset more = data;
    more.years.back().schools.push_back(more.years.back().schools.front());
    more.years.back().schools.back().school_id = "s2";
    k = site::year_keys(inputs, years, more);  // a school added in 2025 changes the year switcher of every year
    for (int y : years) CHECK(k.at(y) != keys.at(y));
    k = site::year_keys(inputs, {2024, 2025}, data);  // fewer published years
    CHECK(k.size() == 2);
    CHECK(k.at(2025) != keys.at(2025));
}
