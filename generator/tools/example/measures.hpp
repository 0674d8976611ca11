#pragma once
// Меры: the management decisions the example department takes each year, in
// the contract's shape (data-contract.md §2.5). They are aimed at the generated
// indicators so that a year later some have improved, some have not moved and
// some have got worse (docs/recommendations.md, "Effectiveness of measures").

#include "tables.hpp"

namespace example {

// The `Меры` table of `year` (2023, 2024 or 2025); throws std::logic_error for another year.
Table measures_table(int year);

}  // namespace example
