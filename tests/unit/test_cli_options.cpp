#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "monsite/cli/options.hpp"
#include "monsite/util/error.hpp"

using namespace monsite;

TEST_CASE("parse_options: --strict for check and build") {
    CHECK_FALSE(cli::parse_options({"check"}).strict);
    CHECK(cli::parse_options({"check", "--strict"}).strict);
    cli::Options build = cli::parse_options({"build", "--data", "d", "--strict", "-q"});
    CHECK(build.command == cli::Command::build);
    CHECK(build.strict);
    CHECK(build.quiet);
    CHECK(build.data_dir == "d");
    CHECK_THROWS_AS(cli::parse_options({"check", "--strict=yes"}), util::UsageError);
}

TEST_CASE("parse_options: build takes --base-url and --site-url, check does not") {
    cli::Options plain = cli::parse_options({"build"});
    CHECK_FALSE(plain.base_url);
    CHECK_FALSE(plain.site_url);
    cli::Options b = cli::parse_options({"build", "--base-url", "/monsite/", "--site-url", "https://o.github.io/monsite/"});
    REQUIRE(b.base_url);
    CHECK(*b.base_url == "/monsite/");
    REQUIRE(b.site_url);
    CHECK(*b.site_url == "https://o.github.io/monsite/");
    cli::Options empty = cli::parse_options({"build", "--site-url", ""});
    REQUIRE(empty.site_url);
    CHECK(empty.site_url->empty());
    CHECK_THROWS_AS(cli::parse_options({"check", "--base-url", "/m/"}), util::UsageError);
    CHECK_THROWS_AS(cli::parse_options({"build", "--base-url"}), util::UsageError);
    const std::string help = cli::command_help("build");
    CHECK(help.find("[--base-url ПУТЬ] [--site-url АДРЕС]") != std::string::npos);
    CHECK(help.find("вместо base_url из site.toml") != std::string::npos);
}

TEST_CASE("command_help: --strict is described in Russian for both commands") {
    for (const char* command : {"check", "build"}) {
        CAPTURE(command);
        const std::string help = cli::command_help(command);
        CHECK(help.find("[--strict]") != std::string::npos);
        CHECK(help.find("строгий режим: любое предупреждение — ошибка") != std::string::npos);
        CHECK(help.find("печатать только ошибки и число предупреждений") != std::string::npos);
    }
    CHECK(cli::command_help("build").find("сайт не публикуется") != std::string::npos);
}

TEST_CASE("parse_options: template takes --year, --out, --school, --data and --config") {
    cli::Options t = cli::parse_options({"template", "--year", "2026", "--out", "f.xlsx", "--school", "gim1", "--data", "d"});
    CHECK(t.command == cli::Command::collection_template);
    REQUIRE(t.year);
    CHECK(*t.year == 2026);
    REQUIRE(t.out_file);
    CHECK(*t.out_file == "f.xlsx");
    REQUIRE(t.school);
    CHECK(*t.school == "gim1");
    CHECK(t.data_dir == "d");
    cli::Options plain = cli::parse_options({"template"});
    CHECK_FALSE(plain.year);
    CHECK_FALSE(plain.out_file);
    CHECK_FALSE(plain.school);
    CHECK_THROWS_AS(cli::parse_options({"template", "--year", "26"}), util::UsageError);
    CHECK_THROWS_AS(cli::parse_options({"template", "--strict"}), util::UsageError);  // not a template option
    CHECK(cli::parse_options({"template", "-h"}).command == cli::Command::help);
    const std::string help = cli::command_help("template");
    CHECK(help.find("monsite template [--year ГГГГ] [--out ФАЙЛ] [--school КОД]") != std::string::npos);
    CHECK(cli::general_help().find("template") != std::string::npos);
}

TEST_CASE("build --force: build even when nothing changed; only for build") {
    CHECK_FALSE(cli::parse_options({"build"}).force);
    CHECK(cli::parse_options({"build", "--force"}).force);
    CHECK_THROWS_AS(cli::parse_options({"check", "--force"}), util::UsageError);
    CHECK(cli::command_help("build").find("[--force]") != std::string::npos);
}
