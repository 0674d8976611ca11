#include "monsite/ingest/values.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <vector>

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

NumberReading read_number_text(std::string_view text) {
    NumberReading out;
    text = util::trim(text);
    if (text.find_first_of("0123456789") == std::string_view::npos) {
        out.problem = NumberProblem::no_digits;
        return out;
    }
    bool negative = false;
    if (strip_prefix(text, "\u2212") || strip_prefix(text, "-")) negative = true;
    else strip_prefix(text, "+");
    text = util::trim(text);
    if (text.ends_with("%")) {
        text.remove_suffix(1);
        text = util::trim(text);
        out.percent = true;
    }
    // Split into digit groups: the integer part's groups (split at spaces) and
    // the fraction after the one decimal mark. Any other character refuses.
    std::vector<std::size_t> groups{0};
    std::string digits;
    int marks = 0;
    bool space_in_fraction = false;
    std::size_t fraction = 0;
    while (!text.empty()) {
        bool space = false;
        for (auto sep : separators)
            if (strip_prefix(text, sep)) { space = true; break; }
        if (space) {
            if (marks) space_in_fraction = true;
            else groups.push_back(0);
            continue;
        }
        char c = text.front();
        text.remove_prefix(1);
        if (c == ',' || c == '.') {
            ++marks;
            digits += '.';
        } else if (c >= '0' && c <= '9') {
            digits += c;
            if (marks) ++fraction;
            else ++groups.back();
        } else {
            out.problem = NumberProblem::extra_text;
            return out;
        }
    }
    if (marks > 1) {
        out.problem = NumberProblem::several_marks;
        return out;
    }
    bool grouped = groups.size() > 1;
    bool groups_ok = !space_in_fraction && (!grouped || (groups.front() >= 1 && groups.front() <= 3));
    for (std::size_t i = 1; i < groups.size() && groups_ok; ++i) groups_ok = groups[i] == 3;
    if (!groups_ok) {
        out.problem = NumberProblem::bad_grouping;
        return out;
    }
    if ((marks && fraction == 0) || (groups.front() == 0 && !marks)) {  // "12," or "%5"
        out.problem = NumberProblem::extra_text;
        return out;
    }
    double value = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec == std::errc::result_out_of_range) value = 1e300;  // far past any limit; the caller says "too large"
    else if (ec != std::errc() || end != digits.data() + digits.size() || !std::isfinite(value)) {
        out.problem = NumberProblem::extra_text;
        return out;
    }
    out.value = negative ? -value : value;
    return out;
}

std::optional<double> parse_number_text(std::string_view text) { return read_number_text(text).value; }

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

NumberReading read_cell_number(const Table& table, const Cell& cell) {
    switch (cell.kind) {
        case CellKind::number:
            if (cell.percent_format) return {from_fraction(cell.number), true, NumberProblem::none};
            return {cell.number, false, NumberProblem::none};
        case CellKind::text: return read_number_text(table.text(cell));
        case CellKind::boolean:
        case CellKind::error: break;
    }
    return {std::nullopt, false, NumberProblem::no_digits};
}

std::optional<double> cell_number(const Table& table, const Cell& cell) { return read_cell_number(table, cell).value; }

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
