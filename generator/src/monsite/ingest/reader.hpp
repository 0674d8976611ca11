#pragma once
// Reads a spreadsheet file of any supported format into tables.

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "monsite/ingest/limits.hpp"
#include "monsite/ingest/table.hpp"
#include "monsite/util/error.hpp"

namespace monsite::ingest {

// Decides, by sheet name, whether a sheet is read at all; sheets it rejects
// are not parsed (their names still appear in Workbook::skipped_sheets).
using SheetFilter = std::function<bool(std::string_view sheet_name)>;

enum class FileFormat {
    xlsx,
    xlsm,         // a macro-enabled workbook: read as .xlsx when it is one (macros never run nor read)
    ods,
    csv,
    spreadsheet,  // .xls, .xlsb, .numbers: a spreadsheet monsite cannot read (an error, not a skipped file)
    unknown,
};

// By extension, case-insensitively.
FileFormat format_of(const std::filesystem::path& path);

// For a spreadsheet format monsite cannot read (.xls, .xlsb, .numbers, an
// .xlsm that is no Office Open XML workbook): what it is and how to re-save it.
std::string resave_advice(const std::filesystem::path& path);

// Reads every wanted sheet of `path`. `display_name` is how the file is named
// in messages. A file that cannot be read at all (or is of FileFormat::spreadsheet)
// throws util::DataError; problems in single cells (a formula without a cached
// value) and a note that an .xlsm's macros were ignored go to `diags` and
// reading goes on.
Workbook read_workbook(const std::filesystem::path& path, const std::string& display_name, const ReadLimits& limits,
                       const SheetFilter& want_sheet, util::Diagnostics& diags);

}  // namespace monsite::ingest
