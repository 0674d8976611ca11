// libFuzzer target: the cell-reference parser the XLSX reader uses
// (ingest::xlsx::parse_cell_ref, for <c r="..."> and <mergeCell ref="...">),
// checked against an independent model of its contract, for round trips with
// util::cell_address, and for the grid's bounds (XFD1048576).

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "monsite/ingest/xlsx_sheet.hpp"

namespace {

using namespace monsite;
using ingest::xlsx::parse_cell_ref;

struct Parsed {
    bool ok = false;
    std::uint32_t row = 0, column = 0;
};

Parsed parse(std::string_view text) {
    Parsed p;
    p.row = 0xDEADBEEF;  // the parser must set both, whatever it returns
    p.column = 0xDEADBEEF;
    p.ok = parse_cell_ref(text, p.row, p.column);
    return p;
}

// The header's contract, written independently: letters (either case), then
// digits, nothing else; the column in 1..16384, the row absent or 1..1048576.
// On failure each part holds its value if it was readable and in range, else 0.
Parsed model(std::string_view text) {
    constexpr std::uint64_t cap = std::uint64_t{1} << 40;  // saturates well above both limits
    std::size_t i = 0;
    std::uint64_t column = 0, row = 0;
    for (; i < text.size(); ++i) {
        char ch = text[i];
        bool upper = ch >= 'A' && ch <= 'Z', lower = ch >= 'a' && ch <= 'z';
        if (!upper && !lower) break;
        std::uint64_t digit = static_cast<std::uint64_t>(upper ? ch - 'A' + 1 : ch - 'a' + 1);
        column = std::min(cap, column * 26 + digit);
    }
    std::size_t letters = i;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i)
        row = std::min(cap, row * 10 + static_cast<std::uint64_t>(text[i] - '0'));
    std::size_t digits = i - letters;
    bool column_ok = letters > 0 && column <= util::max_sheet_columns;
    bool row_ok = digits > 0 && row >= 1 && row <= util::max_sheet_rows;
    Parsed p;
    p.column = column_ok ? static_cast<std::uint32_t>(column) : 0;
    p.row = row_ok ? static_cast<std::uint32_t>(row) : 0;
    p.ok = i == text.size() && column_ok && (digits == 0 || row_ok);
    return p;
}

void check_text(std::string_view text) {
    Parsed got = parse(text);
    Parsed want = model(text);
    MONSITE_FUZZ_CHECK(got.ok == want.ok);
    MONSITE_FUZZ_CHECK(got.row == want.row && got.column == want.column);
    MONSITE_FUZZ_CHECK(got.row <= util::max_sheet_rows && got.column <= util::max_sheet_columns);
    if (!got.ok) return;
    MONSITE_FUZZ_CHECK(got.column >= 1);
    // The canonical spelling, in either case, reads back the same.
    std::string again = got.row ? util::cell_address(got.row, got.column) : util::column_letters(got.column);
    Parsed back = parse(again);
    MONSITE_FUZZ_CHECK(back.ok && back.row == got.row && back.column == got.column);
    std::string lower = again;
    for (char& ch : lower)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    back = parse(lower);
    MONSITE_FUZZ_CHECK(back.ok && back.row == got.row && back.column == got.column);
}

// Two numbers from the input, spelled as a reference: accepted exactly when
// both are inside the grid, and then read back unchanged.
void check_position(const std::uint8_t* data, std::size_t size) {
    if (size < 8) return;
    std::uint32_t row = 0, column = 0;
    std::memcpy(&row, data, 4);
    std::memcpy(&column, data + 4, 4);
    // Mostly near the edges of the grid, sometimes anywhere.
    if (data[0] & 1) row %= util::max_sheet_rows + 3;
    if (data[4] & 1) column %= util::max_sheet_columns + 3;
    std::string text = util::cell_address(row, column);
    Parsed got = parse(text);
    bool inside = row >= 1 && row <= util::max_sheet_rows && column >= 1 && column <= util::max_sheet_columns;
    MONSITE_FUZZ_CHECK(got.ok == inside);
    if (inside) MONSITE_FUZZ_CHECK(got.row == row && got.column == column);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view s(reinterpret_cast<const char*>(data), size);
    check_text(s);
    // A merged range "A1:C3" is two references split at the first colon.
    if (auto colon = s.find(':'); colon != std::string_view::npos) {
        check_text(s.substr(0, colon));
        check_text(s.substr(colon + 1));
    }
    check_position(data, size);
    return 0;
}
