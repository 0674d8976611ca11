#pragma once
// Reading cell values the way the contract allows people to write them:
// decimal commas, spaces as thousand separators, a trailing %, Russian booleans.

#include <optional>
#include <string>
#include <string_view>

#include "monsite/ingest/table.hpp"

namespace monsite::ingest {

// "1 234,5", "25 %", "−3", "12.0" -> number. Percent text means percent units
// ("25%" is 25). nullopt if the text is not a number.
std::optional<double> parse_number_text(std::string_view text);

// да/нет, д/н, yes/no, true/false, истина/ложь, 1/0, +/− (any case).
std::optional<bool> parse_boolean_text(std::string_view text);

// A cell as a number. A percent-formatted workbook number 0.25 reads as 25,
// the same as the text "25%". nullopt for text that is not a number, errors
// and booleans.
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
