#pragma once
// Command-line options as a plain struct. Only cli/ knows Boost.Program_options.

#include <filesystem>
#include <string>
#include <vector>

namespace monsite::cli {

enum class Command { none, help, version, check };

struct Options {
    Command command = Command::none;
    std::string help_topic;               // "monsite help check"
    std::filesystem::path data_dir = "data";
    bool quiet = false;                   // errors only
    bool verbose = false;                 // every file as it is read
};

// Parses argv. Throws util::UsageError with a Russian message on bad input.
Options parse_options(const std::vector<std::string>& args);

// Help texts, in Russian.
std::string general_help();
// Help for one command; throws util::UsageError for an unknown command.
std::string command_help(const std::string& command);

}  // namespace monsite::cli
