#pragma once
// Shared pieces of the libFuzzer targets: a per-process temp file, the read
// limits used while fuzzing, and a walk over what a reader produced that checks
// the documented invariants of ingest::Table and exercises the cell accessors.

#include <unistd.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "monsite/ingest/headers.hpp"
#include "monsite/ingest/limits.hpp"
#include "monsite/ingest/reader.hpp"
#include "monsite/ingest/table.hpp"
#include "monsite/ingest/values.hpp"
#include "monsite/model/contract.hpp"
#include "monsite/util/error.hpp"
#include "monsite/util/strings.hpp"

namespace monsite::fuzz {

// A broken invariant: print it and abort, so libFuzzer records the input.
[[noreturn]] inline void invariant_failed(const char* what, const char* file, int line) {
    std::fprintf(stderr, "%s:%d: invariant broken: %s\n", file, line, what);
    std::abort();
}
#define MONSITE_FUZZ_CHECK(cond) \
    ((cond) ? void(0) : ::monsite::fuzz::invariant_failed(#cond, __FILE__, __LINE__))

// One file per process in a private temp folder, rewritten for every input
// and removed at a normal exit.
class TempFile {
public:
    explicit TempFile(const std::string& file_name) {
        std::string dir = (std::filesystem::temp_directory_path() / "monsite-fuzz-XXXXXX").string();
        if (!mkdtemp(dir.data())) {
            std::perror("mkdtemp");
            std::abort();
        }
        dir_ = dir;
        path_ = dir_ / file_name;
    }
    ~TempFile() {
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;

    const std::filesystem::path& write(const std::uint8_t* data, std::size_t size) {
        std::FILE* f = std::fopen(path_.c_str(), "wb");
        if (!f || (size > 0 && std::fwrite(data, 1, size, f) != size) || std::fclose(f) != 0) {
            std::perror("fuzz temp file");
            std::abort();
        }
        return path_;
    }

private:
    std::filesystem::path dir_;
    std::filesystem::path path_;
};

// The default limits with much smaller caps: one input stays within the
// fuzzer's time and memory budget, and the code that enforces each cap (a cell
// too long, too many shared strings, nesting too deep, too many cells) is
// reached by small inputs instead of never.
inline ingest::ReadLimits fuzz_limits() {
    ingest::ReadLimits limits;
    limits.max_part_bytes = 16ull << 20;
    limits.max_file_bytes = 48ull << 20;
    limits.max_csv_bytes = 16ull << 20;
    limits.max_xml_depth = 64;
    limits.max_shared_strings = 5'000;
    limits.max_cell_chars = 100;
    limits.max_cells = 100'000;
    limits.max_text_bytes = 4ull << 20;
    return limits;
}

// Checks what table.hpp promises and runs every accessor on every cell.
// `grid`: the table comes from a workbook, so positions stay within XFD1048576.
// `utf8`: the table comes from a reader, so every text is UTF-8.
inline void exercise_table(const ingest::Table& table, bool grid, bool utf8 = true) {
    std::uint32_t last_row = 0;
    std::size_t cells_seen = 0;
    for (const auto& row : table.rows()) {
        MONSITE_FUZZ_CHECK(row.index > last_row);  // rows ascend, 1-based
        last_row = row.index;
        if (grid) MONSITE_FUZZ_CHECK(row.index <= util::max_sheet_rows);
        MONSITE_FUZZ_CHECK(row.cell_count > 0);  // empty rows are not stored
        std::uint32_t last_column = 0;
        for (const ingest::Cell& cell : table.cells(row)) {
            ++cells_seen;
            MONSITE_FUZZ_CHECK(cell.column > last_column);  // columns ascend, 1-based, no repeats
            last_column = cell.column;
            if (grid) MONSITE_FUZZ_CHECK(cell.column <= util::max_sheet_columns);
            if (cell.kind == ingest::CellKind::text || cell.kind == ingest::CellKind::error) {
                std::string_view text = table.text(cell);
                MONSITE_FUZZ_CHECK(!text.empty());  // empty cells are not stored
                if (utf8) MONSITE_FUZZ_CHECK(util::is_valid_utf8(text));
            }
            std::string text = ingest::cell_text(table, cell);
            if (utf8) MONSITE_FUZZ_CHECK(util::is_valid_utf8(text));
            std::string quoted = ingest::cell_for_message(table, cell);
            MONSITE_FUZZ_CHECK(util::is_valid_utf8(quoted));
            if (auto number = ingest::cell_number(table, cell)) MONSITE_FUZZ_CHECK(std::isfinite(*number));
            (void)ingest::cell_boolean(table, cell);
            (void)table.location(row.index, cell.column).to_string();
        }
    }
    MONSITE_FUZZ_CHECK(cells_seen == table.cell_count());

    // The header row matched against the contract table of that name (or every table).
    const model::TableSpec* spec = model::find_table(table.name());
    for (const auto& candidate_spec : model::contract_tables()) {
        if (spec && spec != &candidate_spec) continue;
        std::vector<ingest::HeaderCandidate> candidates;
        for (const auto& f : candidate_spec.fields) candidates.push_back({f.id, f.header});
        auto match = ingest::match_headers(table, candidates);
        MONSITE_FUZZ_CHECK(match.columns.size() == candidates.size());
        MONSITE_FUZZ_CHECK((match.header_row == nullptr) == table.rows().empty());
    }
}

inline void exercise_workbook(const ingest::Workbook& book, bool grid) {
    for (const auto& table : book.tables) exercise_table(table, grid);
}

// Reads `path` with every sheet wanted, then walks the result. Only
// util::Error may leave the reader; anything else reaches libFuzzer as a crash.
inline void read_and_exercise(const std::filesystem::path& path, bool grid) {
    util::Diagnostics diags;
    const ingest::ReadLimits limits = fuzz_limits();
    try {
        auto book = ingest::read_workbook(path, "fuzz" + path.extension().string(), limits, nullptr, diags);
        exercise_workbook(book, grid);
    } catch (const util::Error& e) {
        (void)e.to_diagnostic().to_string();
    }
    for (const auto& d : diags.all()) MONSITE_FUZZ_CHECK(!d.to_string().empty());
}

}  // namespace monsite::fuzz
