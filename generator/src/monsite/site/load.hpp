#pragma once
// Loading a data folder: every year folder read, mapped to the contract and
// validated (data-contract.md, sections 1, 2 and 4).

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "monsite/ingest/limits.hpp"
#include "monsite/model/contract.hpp"
#include "monsite/model/dataset.hpp"
#include "monsite/model/indicator.hpp"
#include "monsite/util/error.hpp"

namespace monsite::site {

// What one indicator of the catalogue reads, for the warning about a column a file lacks.
struct IndicatorInputs {
    std::string title;                            // as in the catalogue
    std::vector<const model::FieldSpec*> fields;  // contract fields its formula reads
};

// Every indicator of `catalogue` with the contract fields it reads (columns.cpp).
std::vector<IndicatorInputs> indicator_inputs(const model::Catalogue& catalogue);

struct LoadOptions {
    std::filesystem::path data_dir;
    // How data_dir is named in messages, e.g. "data" (defaults to data_dir as given).
    std::string display_dir;
    ingest::ReadLimits limits;
    unsigned threads = 0;  // 0: one per core
    // Indicator ids a Меры row may name (the catalogue in use); empty: the default catalogue.
    std::vector<std::string> indicator_ids;
    // The indicators in use with their fields (indicator_inputs): a column one
    // of them needs that a file lacks is warned about. Empty, with indicator_ids
    // empty too: the built-in catalogue's.
    std::vector<IndicatorInputs> indicators;
    // Schools known to have closed (SiteConfig::closed_schools): no warning when later years lack them.
    std::vector<std::string> closed_schools;
    // Called with the display name of each file before it is read.
    std::function<void(std::string_view file)> on_file;
    // Called, after every file is read and in file order, with details for -v:
    // where a table's header row was found when it is not row 1.
    std::function<void(std::string_view note)> on_note;
};

// Reads and validates every year folder. All errors and warnings go to
// `diags`; the dataset is usable only when diags.has_errors() is false.
// Throws util::UsageError if data_dir does not exist or is not a folder.
model::Dataset load_dataset(const LoadOptions& options, util::Diagnostics& diags);

}  // namespace monsite::site
