#pragma once
// Diagnostics about a table's columns, for load.cpp: where its header row is,
// unknown and personal columns (with "did you mean" hints), missing required
// columns, and contract columns a file lacks although an indicator needs them
// or the previous year had them.

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "monsite/ingest/headers.hpp"
#include "monsite/ingest/table.hpp"
#include "monsite/model/contract.hpp"
#include "monsite/site/load.hpp"
#include "monsite/util/error.hpp"

namespace monsite::site {

// What was learnt about one table's columns, kept for the checks across files and years.
struct TableColumns {
    util::SourceLocation source;  // file and sheet
    bool header_found = false;
    std::uint32_t first_header_row = 0;  // sheet rows; first < last for a two-row header
    std::uint32_t header_row = 0;
    std::vector<bool> present;  // per field of the table's spec: it has a column
    std::vector<bool> filled;   // per field: some data row has a value in it (set by the caller)
    std::vector<ingest::HeaderMatch::Extra> unknown;
};

// The header candidates of a table: every field, the first one (the table's key) marked.
std::vector<ingest::HeaderCandidate> header_candidates(const model::TableSpec& spec);

// Reports what the header of `table` shows: no header row found, personal,
// unknown (with a hint when close to a known header), duplicated and missing
// required columns. Fills `columns` (but `filled`). Returns true when the
// data rows can be read.
bool report_header(const ingest::Table& table, const model::TableSpec& spec, const ingest::HeaderMatch& match,
                   TableColumns& columns, util::Diagnostics& diags);

// "<file>: <sheet>: строка заголовков — 3" when the header is not on row 1 (for -v).
std::optional<std::string> header_note(const TableColumns& columns);

// Warns about each contract column a table lacks that an indicator in use
// reads, or that the previous year's same table had a value in; the warning
// names the column, the file and sheet, the indicators, and a close unknown
// column of the table if there is one. A column missing from several files of
// a year is one warning naming the files.
class MissingColumns {
public:
    explicit MissingColumns(std::vector<IndicatorInputs> indicators) : indicators_(std::move(indicators)) {}
    // The year checked from now on; the year before becomes the previous one.
    void start_year(int year);
    void check(const TableColumns& columns, const model::TableSpec& spec, util::Diagnostics& diags);
    // Reports what check() found in the year; `year_display` names its folder ("data/2025").
    void flush(const std::string& year_display, util::Diagnostics& diags);

private:
    struct Pending {
        const model::TableSpec* spec;
        std::size_t field;
        std::string consequence;  // "; без него ..."
        std::vector<util::SourceLocation> places;
    };
    std::vector<IndicatorInputs> indicators_;
    int year_ = 0, previous_year_ = 0;
    std::map<model::TableId, std::vector<bool>> filled_, previous_;
    std::vector<Pending> pending_;  // in the order first found
};

}  // namespace monsite::site
