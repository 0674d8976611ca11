#pragma once
// Command-line options as a plain struct. Only cli/ knows Boost.Program_options.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace monsite::cli {

enum class Command { none, help, version, check, build, pdf, collection_template, serve, new_site };

struct Options {
    Command command = Command::none;
    std::string help_topic;  // "monsite help check"
    std::filesystem::path data_dir = "data";
    std::filesystem::path out_dir = "public";
    std::optional<std::filesystem::path> config_file;
    unsigned threads = 0;    // 0: one per core
    bool quiet = false;      // errors only
    bool verbose = false;    // every file as it is read
    bool strict = false;     // every warning is an error (exit 2, nothing published)
    bool pdf = false;        // build --pdf: print the PDFs and publish them with the site
    bool force = false;      // build --force: build even when nothing changed since the last build
    std::optional<std::string> base_url;  // build --base-url: replaces base_url of site.toml
    std::optional<std::string> site_url;  // build --site-url: replaces site_url (and base_url, by its path)
    std::filesystem::path site_dir = "public";  // pdf --site
    std::optional<std::filesystem::path> pdf_out;  // pdf --out (default: SITE/data)
    // monsite template
    std::optional<int> year;
    std::optional<std::filesystem::path> out_file;
    std::optional<std::string> school;
    // monsite serve
    int port = 8080;
    std::string bind = "127.0.0.1";
    // monsite new (year above: the first year; default this year)
    std::filesystem::path new_dir;
    std::optional<std::string> municipality;
};

// Parses argv (without the program name). Throws util::UsageError with a
// Russian message on bad input.
Options parse_options(const std::vector<std::string>& args);

// Help texts, in Russian.
std::string general_help();
// Help for one command; throws util::UsageError for an unknown command.
std::string command_help(const std::string& command);

}  // namespace monsite::cli
