#pragma once
// Why a cell of a contract table was refused, in words for the user, and
// the context a per-cell message names: the column header and the school.

#include <optional>
#include <string>
#include <string_view>

#include "monsite/ingest/table.hpp"
#include "monsite/model/contract.hpp"

namespace monsite::site {

// No monitoring value comes near this; beyond it a number is a typo or hostile,
// and would take the exact arithmetic of the indicators out of range.
inline constexpr double max_magnitude = 1e9;

// A control character (C0 but tab and line ends, or DEL) in a text: none has
// a place in a name or code, and a NUL would cut the text short in other programs.
std::optional<unsigned> control_character(std::string_view text);

struct Refusal {
    std::string message;  // "ожидалось целое число ≥ 0, найдено «много»"
    std::string kind;     // the same for refusals of one sort, whatever the value (for folding)
};

// Why a cell cannot be read as field `f` (the cell was refused by the loader).
Refusal refusal(const model::FieldSpec& f, const ingest::Table& table, const ingest::Cell& cell);

// "«Вакансии», школа sch12", or "«Вакансии»" when the row has no school code
// (the code shown without quotes, cut and cleaned like any quoted value).
std::string cell_context(std::string_view header, std::string_view school);

}  // namespace monsite::site
