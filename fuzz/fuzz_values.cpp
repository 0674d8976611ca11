// libFuzzer target: the text helpers and cell-value parsers on arbitrary bytes,
// with their documented properties checked (util/strings.hpp, ingest/values.hpp).

#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"

namespace {

using namespace monsite;

// Well-formed UTF-8 after the Unicode standard's table 3-7, written
// independently of util::is_valid_utf8.
bool reference_valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
        unsigned char c = b(i);
        if (c < 0x80) { ++i; continue; }
        std::size_t len = 0;
        unsigned char lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) len = 2;
        else if (c == 0xE0) { len = 3; lo = 0xA0; }
        else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) len = 3;
        else if (c == 0xED) { len = 3; hi = 0x9F; }
        else if (c == 0xF0) { len = 4; lo = 0x90; }
        else if (c >= 0xF1 && c <= 0xF3) len = 4;
        else if (c == 0xF4) { len = 4; hi = 0x8F; }
        else return false;
        if (i + len > s.size()) return false;
        if (b(i + 1) < lo || b(i + 1) > hi) return false;
        for (std::size_t k = 2; k < len; ++k)
            if (b(i + k) < 0x80 || b(i + k) > 0xBF) return false;
        i += len;
    }
    return true;
}

bool has_control(std::string_view s) {
    for (char ch : s)
        if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7F) return true;
    return false;
}

void check_text_helpers(std::string_view s) {
    const bool valid = util::is_valid_utf8(s);
    MONSITE_FUZZ_CHECK(valid == reference_valid_utf8(s));

    std::size_t length = util::utf8_length(s);
    MONSITE_FUZZ_CHECK(length <= s.size());
    MONSITE_FUZZ_CHECK(s.empty() || length > 0);

    // trim: a sub-view, idempotent, keeps UTF-8 valid.
    std::string_view t = util::trim(s);
    MONSITE_FUZZ_CHECK(t.size() <= s.size());
    MONSITE_FUZZ_CHECK(t.empty() || (t.data() >= s.data() && t.data() + t.size() <= s.data() + s.size()));
    MONSITE_FUZZ_CHECK(util::trim(t) == t);
    if (valid) MONSITE_FUZZ_CHECK(util::is_valid_utf8(t));

    // to_lower: same length in bytes (the cases it maps have equal lengths), idempotent.
    std::string lower = util::to_lower(s);
    MONSITE_FUZZ_CHECK(lower.size() == s.size());
    MONSITE_FUZZ_CHECK(util::to_lower(lower) == lower);
    if (valid) MONSITE_FUZZ_CHECK(util::is_valid_utf8(lower));

    // normalize_key: valid UTF-8, idempotent, no surrounding or doubled space, no trailing punctuation.
    std::string key = util::normalize_key(s);
    MONSITE_FUZZ_CHECK(util::is_valid_utf8(key));
    MONSITE_FUZZ_CHECK(util::normalize_key(key) == key);
    if (valid) MONSITE_FUZZ_CHECK(util::normalize_key(lower) == key);
    if (!key.empty()) {
        MONSITE_FUZZ_CHECK(key.front() != ' ' && key.back() != ' ');
        MONSITE_FUZZ_CHECK(std::string_view(".,:;!?*%").find(key.back()) == std::string_view::npos);
        MONSITE_FUZZ_CHECK(!key.ends_with("\u2026"));
    }
    MONSITE_FUZZ_CHECK(key.find("  ") == std::string::npos);

    // quote_for_message: «...», valid UTF-8, no control characters, bounded.
    for (std::size_t max_chars : {std::size_t(60), std::size_t(s.empty() ? 0 : static_cast<unsigned char>(s[0]) % 8)}) {
        std::string q = util::quote_for_message(s, max_chars);
        MONSITE_FUZZ_CHECK(q.starts_with("«") && q.ends_with("»"));
        MONSITE_FUZZ_CHECK(util::is_valid_utf8(q));
        MONSITE_FUZZ_CHECK(!has_control(q));
        MONSITE_FUZZ_CHECK(util::utf8_length(q) <= max_chars + 3);
    }

    // cp1251_to_utf8: one code point a byte, always valid, ASCII unchanged.
    std::string decoded = util::cp1251_to_utf8(s);
    MONSITE_FUZZ_CHECK(util::is_valid_utf8(decoded));
    MONSITE_FUZZ_CHECK(util::utf8_length(decoded) == s.size());
    bool ascii = true;
    for (char ch : s) ascii = ascii && static_cast<unsigned char>(ch) < 0x80;
    if (ascii) MONSITE_FUZZ_CHECK(decoded == s);
}

void check_values(std::string_view s) {
    auto number = ingest::parse_number_text(s);
    if (number) {
        MONSITE_FUZZ_CHECK(std::isfinite(*number));
        (void)ingest::is_whole(*number);
    }
    auto boolean = ingest::parse_boolean_text(s);

    // The same text as a cell: the accessors agree with the text parsers.
    ingest::Table table("fuzz", util::SourceLocation{"fuzz.csv"});
    table.begin_row(1);
    table.add_text(1, s);
    table.end_row();
    if (!table.rows().empty()) {
        const ingest::Cell& cell = table.cells(table.rows().front()).front();
        MONSITE_FUZZ_CHECK(ingest::cell_number(table, cell) == number);
        MONSITE_FUZZ_CHECK(ingest::cell_boolean(table, cell) == boolean);
        MONSITE_FUZZ_CHECK(ingest::cell_text(table, cell) == util::trim(s));
        (void)ingest::cell_for_message(table, cell);
    }
    // Cell references: fuzz_cellref, on the XLSX reader's own parser.
}

// The first 8 bytes as a double: written in plain decimal notation (the
// shortest that reads back exactly), it reads back the same; in exponent
// notation it is refused, as the values contract says («1e3» is not a number).
void check_number_round_trip(const std::uint8_t* data, std::size_t size) {
    if (size < 8) return;
    double v = 0;
    std::memcpy(&v, data, 8);
    if (!std::isfinite(v) || (v != 0 && (std::fabs(v) < 1e-12 || std::fabs(v) > 1e15))) return;
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
    MONSITE_FUZZ_CHECK(ec == std::errc());
    std::string text(buf, end);
    auto back = ingest::parse_number_text(text);
    MONSITE_FUZZ_CHECK(back && *back == v);
    auto [sci_end, sci_ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
    MONSITE_FUZZ_CHECK(sci_ec == std::errc());
    MONSITE_FUZZ_CHECK(!ingest::parse_number_text(std::string_view(buf, static_cast<std::size_t>(sci_end - buf))));
    // The Russian way: a decimal comma and a trailing percent.
    for (char& ch : text)
        if (ch == '.') ch = ',';
    back = ingest::parse_number_text(text + " %");
    MONSITE_FUZZ_CHECK(back && *back == v);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view s(reinterpret_cast<const char*>(data), size);
    check_text_helpers(s);
    check_values(s);
    check_number_round_trip(data, size);
    return 0;
}
