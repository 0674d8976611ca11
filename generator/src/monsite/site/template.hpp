#pragma once
// `monsite template`: the data-collection workbook (render/collection_workbook.hpp)
// for a year, prefilled from the latest register (ОО) of the data folder when
// there is one, for every school or one; written atomically.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

#include "monsite/util/error.hpp"

namespace monsite::site {

struct TemplateOptions {
    std::filesystem::path data_dir = "data";
    std::string display_dir;                           // how data_dir is named in messages
    std::optional<std::filesystem::path> config_file;
    std::optional<int> year;                           // default: the register's year + 1, else this year
    std::optional<std::filesystem::path> out;          // default: collection-<year>[-<school>].xlsx
    std::optional<std::string> school;                 // one school's own file
};

struct TemplateReport {
    std::filesystem::path file;
    int year = 0;
    int register_year = 0;     // 0: no register, no prefilled rows
    std::size_t schools = 0;   // prefilled rows
};

// Reads the data folder (when it exists) for the register: its errors go to
// `diags` and the result is nullopt, nothing written. A --school code the
// register lacks, or a bad configuration, throws util::UsageError; a failed
// write throws util::InternalError.
std::optional<TemplateReport> write_template(const TemplateOptions& options, util::Diagnostics& diags);

}  // namespace monsite::site
