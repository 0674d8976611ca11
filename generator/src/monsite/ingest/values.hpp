#pragma once
// Reading cell values the way the contract allows people to write them:
// decimal commas, spaces between groups of three digits, a trailing %,
// Russian booleans. Anything else with a digit in it is refused, never guessed.

#include <optional>
#include <string>
#include <string_view>

#include "monsite/ingest/table.hpp"

namespace monsite::ingest {

// Why a text is not a number.
enum class NumberProblem {
    none,
    no_digits,      // «много», «—», «%»
    extra_text,     // digits with words, units or other signs: «12 шт», «12-15», «1e3»
    bad_grouping,   // a space not between groups of three digits: «1 2», «12 34», «1 2345»
    several_marks,  // more than one decimal mark: «1.234,5», «1,2,3»
};

// A cell or text read as a number.
struct NumberReading {
    std::optional<double> value;  // empty when the text is not a number
    bool percent = false;         // a trailing % or a percent-formatted cell: value is in percent units
    NumberProblem problem = NumberProblem::none;  // why `value` is empty
};

// "1 234,5", "25 %", "−3", "12.0", ",5" -> number. Digits may be grouped by
// one space (plain, no-break U+00A0, narrow no-break U+202F, thin U+2009 or
// figure U+2007) only as thousands: the first group 1-3 digits, every later
// one exactly 3 ("1 200", "12 345 678"). One decimal mark, ',' or '.'.
// A trailing % marks percent units ("25%" is 25, percent = true).
NumberReading read_number_text(std::string_view text);

// read_number_text(text).value: the number, whether or not it had a %.
std::optional<double> parse_number_text(std::string_view text);

// да/нет, д/н, yes/no, true/false, истина/ложь, 1/0, +/− (any case).
std::optional<bool> parse_boolean_text(std::string_view text);

// A cell as a number. A percent-formatted workbook number 0.25 reads as 25
// with percent = true, the same as the text "25%". Errors and booleans are
// not numbers (problem no_digits).
NumberReading read_cell_number(const Table& table, const Cell& cell);

// read_cell_number(table, cell).value.
std::optional<double> cell_number(const Table& table, const Cell& cell);

// A cell as a boolean: Excel booleans, numbers 1/0, and parse_boolean_text.
std::optional<bool> cell_boolean(const Table& table, const Cell& cell);

// A cell as text: strings trimmed; numbers written without a trailing ".0"
// (a school code typed as 101 reads "101").
std::string cell_text(const Table& table, const Cell& cell);

// How a value is quoted back to the user in a message: «много».
std::string cell_for_message(const Table& table, const Cell& cell);

// True when a number is whole (tolerating binary rounding such as 12.000000000001).
bool is_whole(double value);

}  // namespace monsite::ingest
