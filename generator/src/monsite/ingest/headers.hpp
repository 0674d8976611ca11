#pragma once
// Finding a table's header row and matching its columns to known fields.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "monsite/ingest/table.hpp"

namespace monsite::ingest {

struct HeaderCandidate {
    std::string_view id;      // matched too, e.g. "teachers_total"
    std::string_view header;  // e.g. "Всего педагогических работников"
    bool key = false;         // the table's key column: a row holding it may be the header alone
};

// How many non-empty rows at the top of a sheet are searched for the header.
inline constexpr std::size_t header_search_rows = 20;

struct HeaderMatch {
    // The header row (of a two-row header, the lower one); nullptr for an empty table.
    const Row* header_row = nullptr;
    // Of a two-row header, the upper row of group captions; else nullptr.
    const Row* group_row = nullptr;
    // False when no row among the first header_search_rows qualified: the
    // first non-empty row is then taken (and will lack the key column).
    bool found = false;
    std::size_t data_begin = 0;          // index into table.rows() of the first data row
    std::vector<std::uint32_t> columns;  // per candidate: its column, 0 if absent
    struct Extra {
        std::uint32_t column;
        std::string text;
        std::uint32_t row;
        std::string caption;  // two-row header: the group caption above the cell, if any
    };
    std::vector<Extra> unknown;    // columns matching no candidate
    std::vector<Extra> personal;   // columns naming personal data: never read
    struct Duplicate {
        std::size_t candidate;
        std::uint32_t column;
        std::uint32_t first_column;
        std::uint32_t row;
    };
    std::vector<Duplicate> duplicates;
};

// Finds the header among the first header_search_rows non-empty rows: the row
// (or pair of adjacent rows, group captions above sub-captions) whose cells
// match the most candidates, the earliest on a tie; it must match the key
// candidate or at least two. Texts match by normalize_key of the header or the
// id. In a two-row header a lower cell that matches nothing alone is tried
// joined to the caption above it: the upper cell of its column, else the
// merged block covering it, else (where the file records no merges) the
// nearest caption to its left; an empty lower cell takes the upper cell.
// Rows above the header are ignored; data rows are the rows after it.
HeaderMatch match_headers(const Table& table, std::span<const HeaderCandidate> candidates);

// True if a header names personal data (ФИО, СНИЛС, телефон, ...).
bool is_personal_data_header(std::string_view header);

// How much `written` looks like a slip for the known header `known`: nullopt
// if not at all; else a rank, smaller for closer. A slip is a few letters off
// (edit distance on loose keys up to 1 for keys of 4 letters or less, else up
// to 2 or 15 % of the length), a hyphen or punctuation for a space, or one
// word more or less (of at least two words).
std::optional<std::size_t> header_slip(std::string_view written, std::string_view known);

// The candidate `written` is most likely a slip for (by header or id),
// skipping those with `taken[i]` set; nullopt if none is close.
std::optional<std::size_t> similar_header(std::string_view written, std::span<const HeaderCandidate> candidates,
                                          const std::vector<bool>& taken);

}  // namespace monsite::ingest
