#pragma once
// Streams one worksheet part of an XLSX file into a table.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "monsite/ingest/limits.hpp"
#include "monsite/ingest/table.hpp"
#include "monsite/ingest/xlsx_parts.hpp"
#include "monsite/ingest/zip_archive.hpp"
#include "monsite/util/error.hpp"

namespace monsite::ingest::xlsx {

// Parses a cell reference such as "C17" (a column alone is allowed, row 0).
// Returns false if it is malformed or beyond XFD1048576; `row` and `column`
// then hold whichever part was readable and in range (0 otherwise).
bool parse_cell_ref(std::string_view text, std::uint32_t& row, std::uint32_t& column);

// What the sheets of one file have expanded to so far, against
// limits.max_cells and limits.max_text_bytes (a shared string counts once
// for every cell that uses it).
struct Expansion {
    std::uint64_t cells = 0;
    std::uint64_t text_bytes = 0;
};

// Reads worksheet `entry` into `table` (named, with its source set). Throws
// util::DataError for what makes the sheet unreadable, or the file too large
// once expanded; problems in single cells go to `diags`.
void read_sheet(ZipArchive& zip, const std::string& entry, Table& table, const SharedStrings& strings,
                const std::vector<std::uint8_t>& percent_styles, const ReadLimits& limits, Expansion& expansion,
                util::Diagnostics& diags);

}  // namespace monsite::ingest::xlsx
