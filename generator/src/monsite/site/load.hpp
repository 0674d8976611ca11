#pragma once
// Loading a data folder: every year folder read, mapped to the contract and
// validated (data-contract.md, sections 1, 2 and 4).

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "monsite/ingest/limits.hpp"
#include "monsite/model/dataset.hpp"
#include "monsite/util/error.hpp"

namespace monsite::site {

struct LoadOptions {
    std::filesystem::path data_dir;
    // How data_dir is named in messages, e.g. "data" (defaults to data_dir as given).
    std::string display_dir;
    ingest::ReadLimits limits;
    unsigned threads = 0;  // 0: one per core
    // Indicator ids a Меры row may name (the catalogue in use); empty: the default catalogue.
    std::vector<std::string> indicator_ids;
    // Called with the display name of each file before it is read.
    std::function<void(std::string_view file)> on_file;
};

// Reads and validates every year folder. All errors and warnings go to
// `diags`; the dataset is usable only when diags.has_errors() is false.
// Throws util::UsageError if data_dir does not exist or is not a folder.
model::Dataset load_dataset(const LoadOptions& options, util::Diagnostics& diags);

}  // namespace monsite::site
