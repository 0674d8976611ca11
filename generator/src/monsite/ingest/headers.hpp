#pragma once
// Finding a table's header row and matching its columns to known fields.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "monsite/ingest/table.hpp"

namespace monsite::ingest {

struct HeaderCandidate {
    std::string_view id;      // matched too, e.g. "teachers_total"
    std::string_view header;  // e.g. "Всего педагогических работников"
};

struct HeaderMatch {
    const Row* header_row = nullptr;     // first non-empty row; nullptr for an empty table
    std::vector<std::uint32_t> columns;  // per candidate: its column, 0 if absent
    struct Extra {
        std::uint32_t column;
        std::string text;
    };
    std::vector<Extra> unknown;    // columns matching no candidate
    std::vector<Extra> personal;   // columns naming personal data: never read
    struct Duplicate {
        std::size_t candidate;
        std::uint32_t column;
        std::uint32_t first_column;
    };
    std::vector<Duplicate> duplicates;
};

// Matches header texts to candidates by normalize_key of the header or the id.
HeaderMatch match_headers(const Table& table, std::span<const HeaderCandidate> candidates);

// True if a header names personal data (ФИО, СНИЛС, телефон, ...).
bool is_personal_data_header(std::string_view header);

}  // namespace monsite::ingest
