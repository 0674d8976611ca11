// libFuzzer target: header matching. The input is a grid (lines are rows,
// tabs separate cells); its header row is matched against every table of the
// data contract, and every cell is checked with is_personal_data_header.

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.hpp"

namespace {

using namespace monsite;

std::vector<ingest::HeaderCandidate> candidates_of(const model::TableSpec& spec) {
    std::vector<ingest::HeaderCandidate> candidates;
    for (const auto& f : spec.fields) candidates.push_back({f.id, f.header, candidates.empty()});  // the key first, as the loader
    return candidates;
}

// Properties of the contract itself, checked once: no contract header looks like
// personal data (it would never be read), and the contract's own headers match.
bool check_contract() {
    for (const auto& spec : model::contract_tables()) {
        ingest::Table table(std::string(spec.name), util::SourceLocation{"contract"});
        table.begin_row(1);
        std::uint32_t column = 0;
        for (const auto& f : spec.fields) {
            MONSITE_FUZZ_CHECK(!ingest::is_personal_data_header(f.header));
            MONSITE_FUZZ_CHECK(!ingest::is_personal_data_header(f.id));
            table.add_text(++column, f.header);
        }
        table.end_row();
        auto candidates = candidates_of(spec);
        auto match = ingest::match_headers(table, candidates);
        MONSITE_FUZZ_CHECK(match.unknown.empty() && match.personal.empty() && match.duplicates.empty());
        for (std::size_t i = 0; i < candidates.size(); ++i) MONSITE_FUZZ_CHECK(match.columns[i] == i + 1);
    }
    return true;
}

// At most 16 lines: the header row is what matters, the rest only costs time.
ingest::Table grid_of(std::string_view input) {
    ingest::Table table("fuzz", util::SourceLocation{"fuzz.csv"});
    std::uint32_t line = 0;
    while ((!input.empty() || line == 0) && line < 16) {
        std::size_t end = input.find('\n');
        std::string_view row = input.substr(0, end);
        input = end == std::string_view::npos ? std::string_view() : input.substr(end + 1);
        table.begin_row(++line);
        std::uint32_t column = 0;
        for (;;) {
            std::size_t tab = row.find('\t');
            table.add_text(++column, row.substr(0, tab));
            if (tab == std::string_view::npos) break;
            row.remove_prefix(tab + 1);
        }
        table.end_row();
        if (end == std::string_view::npos) break;
    }
    return table;
}

void check_match(const ingest::Table& table, const model::TableSpec& spec) {
    auto candidates = candidates_of(spec);
    auto match = ingest::match_headers(table, candidates);
    MONSITE_FUZZ_CHECK(match.columns.size() == candidates.size());
    const auto& rows = table.rows();
    if (rows.empty()) {
        MONSITE_FUZZ_CHECK(match.header_row == nullptr);
        return;
    }
    // The header is one of the first rows; data starts right after it; a group
    // row is the row just above it.
    MONSITE_FUZZ_CHECK(match.header_row != nullptr);
    const std::size_t at = static_cast<std::size_t>(match.header_row - rows.data());
    MONSITE_FUZZ_CHECK(at < rows.size() && at < ingest::header_search_rows);
    MONSITE_FUZZ_CHECK(match.data_begin == at + 1);
    if (match.group_row) MONSITE_FUZZ_CHECK(at > 0 && match.group_row == &rows[at - 1]);
    if (!match.found) MONSITE_FUZZ_CHECK(match.header_row == &rows.front() && match.group_row == nullptr);

    // A found header holds the key column or at least two columns; no column is taken twice.
    std::size_t matched = 0;
    bool key = false;
    std::set<std::uint32_t> taken;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        if (match.columns[i] == 0) continue;
        ++matched;
        key = key || candidates[i].key;
        MONSITE_FUZZ_CHECK(taken.insert(match.columns[i]).second);
    }
    if (match.found) MONSITE_FUZZ_CHECK(key || matched >= 2);
    for (const auto& p : match.personal) MONSITE_FUZZ_CHECK(ingest::is_personal_data_header(p.text));
    for (const auto& d : match.duplicates) {
        MONSITE_FUZZ_CHECK(d.candidate < candidates.size());
        MONSITE_FUZZ_CHECK(match.columns[d.candidate] == d.first_column);
        MONSITE_FUZZ_CHECK(d.first_column != d.column);
    }
    if (match.group_row) return;

    // A one-row header: every non-empty cell lands in exactly one place, and a
    // matched cell really names its candidate.
    std::size_t non_empty = 0;
    std::set<std::uint32_t> header_columns;
    for (const auto& cell : table.cells(*match.header_row)) {
        std::string text = ingest::cell_text(table, cell);
        if (text.empty()) continue;
        ++non_empty;
        header_columns.insert(cell.column);
    }
    std::set<std::uint32_t> placed;
    auto place = [&](std::uint32_t column) {
        MONSITE_FUZZ_CHECK(header_columns.count(column) == 1);
        MONSITE_FUZZ_CHECK(placed.insert(column).second);
    };
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        if (match.columns[i] == 0) continue;
        place(match.columns[i]);
        for (const auto& cell : table.cells(*match.header_row))
            if (cell.column == match.columns[i]) {
                std::string key_text = util::normalize_key(ingest::cell_text(table, cell));
                MONSITE_FUZZ_CHECK(key_text == util::normalize_key(candidates[i].header) ||
                                   key_text == util::normalize_key(candidates[i].id));
                MONSITE_FUZZ_CHECK(!ingest::is_personal_data_header(ingest::cell_text(table, cell)));
            }
    }
    for (const auto& p : match.personal) place(p.column);
    for (const auto& u : match.unknown) place(u.column);
    for (const auto& d : match.duplicates) place(d.column);
    MONSITE_FUZZ_CHECK(placed.size() == non_empty);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const bool contract_ok = check_contract();
    (void)contract_ok;
    std::string_view input(reinterpret_cast<const char*>(data), size);
    (void)ingest::is_personal_data_header(input);
    ingest::Table table = grid_of(input);
    for (const auto& row : table.rows())
        for (const auto& cell : table.cells(row)) (void)ingest::is_personal_data_header(table.text(cell));
    for (const auto& spec : model::contract_tables()) check_match(table, spec);
    monsite::fuzz::exercise_table(table, /*grid=*/false, /*utf8=*/false);
    return 0;
}
