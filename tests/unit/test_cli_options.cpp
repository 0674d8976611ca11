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
