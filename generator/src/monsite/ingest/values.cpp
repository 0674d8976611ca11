#include "monsite/ingest/values.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "monsite/util/strings.hpp"

namespace monsite::ingest {
namespace {

// Spaces people use as thousand separators, as UTF-8.
constexpr std::array<std::string_view, 5> separators = {" ", "\u00a0", "\u202f", "\u2009", "\u2007"};

bool strip_prefix(std::string_view& text, std::string_view prefix) {
    if (!text.starts_with(prefix)) return false;
    text.remove_prefix(prefix.size());
    return true;
}

// Percent-formatted cells hold fractions; x100 in binary gives 28.999999999999996
// for 0.29, so round to a precision far below anything a person enters.
double from_fraction(double fraction) {
    double scaled = fraction * 100.0;
    double rounded = std::round(scaled * 1e9) / 1e9;
    return std::isfinite(rounded) ? rounded : scaled;
}

}  // namespace

bool is_whole(double value) {
    return std::isfinite(value) && std::fabs(value - std::round(value)) <= 1e-9 * std::max(1.0, std::fabs(value));
}

std::optional<double> parse_number_text(std::string_view text) {
    text = util::trim(text);
    if (text.empty()) return std::nullopt;
    std::string compact;
    compact.reserve(text.size());
    bool negative = false;
    if (strip_prefix(text, "\u2212") || strip_prefix(text, "-")) negative = true;
    else strip_prefix(text, "+");
    text = util::trim(text);
    if (text.ends_with("%")) {
        text.remove_suffix(1);
        text = util::trim(text);
    }
    int marks = 0;
    while (!text.empty()) {
        bool skipped = false;
        for (auto sep : separators)
            if (strip_prefix(text, sep)) { skipped = true; break; }
        if (skipped) continue;
        char c = text.front();
        text.remove_prefix(1);
        if (c == ',' || c == '.') {
            if (++marks > 1) return std::nullopt;  // "1.234,5" is ambiguous: refuse
            compact += '.';
        } else if ((c >= '0' && c <= '9') || c == 'e' || c == 'E' || c == '+' || c == '-') {
            compact += c;
        } else {
            return std::nullopt;
        }
    }
    if (compact.empty() || compact.front() < '0' || compact.front() > '9') {
        if (!(compact.size() > 1 && compact.front() == '.')) return std::nullopt;
    }
    double value = 0;
    auto [end, ec] = std::from_chars(compact.data(), compact.data() + compact.size(), value);
    if (ec != std::errc() || end != compact.data() + compact.size() || !std::isfinite(value)) return std::nullopt;
    return negative ? -value : value;
}

std::optional<bool> parse_boolean_text(std::string_view text) {
    std::string key = util::normalize_key(text);
    static constexpr std::array<std::string_view, 8> yes = {"да", "д", "yes", "y", "true", "истина", "1", "+"};
    static constexpr std::array<std::string_view, 9> no = {"нет", "н", "no", "n", "false", "ложь", "0", "-", "\u2212"};
    for (auto y : yes)
        if (key == y) return true;
    for (auto n : no)
        if (key == n) return false;
    return std::nullopt;
}

std::optional<double> cell_number(const Table& table, const Cell& cell) {
    switch (cell.kind) {
        case CellKind::number: return cell.percent_format ? from_fraction(cell.number) : cell.number;
        case CellKind::text: return parse_number_text(table.text(cell));
        case CellKind::boolean:
        case CellKind::error: return std::nullopt;
    }
    return std::nullopt;
}

std::optional<bool> cell_boolean(const Table& table, const Cell& cell) {
    switch (cell.kind) {
        case CellKind::boolean: return cell.number != 0;
        case CellKind::number:
            if (cell.number == 1) return true;
            if (cell.number == 0) return false;
            return std::nullopt;
        case CellKind::text: return parse_boolean_text(table.text(cell));
        case CellKind::error: return std::nullopt;
    }
    return std::nullopt;
}

std::string cell_text(const Table& table, const Cell& cell) {
    switch (cell.kind) {
        case CellKind::text:
        case CellKind::error: return std::string(util::trim(table.text(cell)));
        case CellKind::boolean: return cell.number != 0 ? "да" : "нет";
        case CellKind::number: {
            double v = cell.percent_format ? from_fraction(cell.number) : cell.number;
            if (is_whole(v) && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(std::llround(v)));
            std::array<char, 64> buf;
            auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), v);
            return ec == std::errc() ? std::string(buf.data(), end) : std::string("?");
        }
    }
    return {};
}

std::string cell_for_message(const Table& table, const Cell& cell) {
    std::string shown = cell_text(table, cell);
    if (cell.kind == CellKind::number && cell.percent_format) shown += " %";
    return util::quote_for_message(shown);
}

}  // namespace monsite::ingest
