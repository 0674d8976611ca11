#pragma once
// The CSV reader; see reader.hpp for the contract every reader follows.

#include <filesystem>
#include <string>

#include "monsite/ingest/reader.hpp"

namespace monsite::ingest {

Workbook read_csv(const std::filesystem::path& path, const std::string& display_name, const ReadLimits& limits,
                   const SheetFilter& want_sheet, util::Diagnostics& diags);

}  // namespace monsite::ingest
