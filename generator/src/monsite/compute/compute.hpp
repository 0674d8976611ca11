#pragma once
// Indicators, aggregates and groupings (data-contract.md, sections 5 and 6).
// Pure functions: nothing here reads files or formats text.

#include "monsite/model/dataset.hpp"
#include "monsite/model/indicator.hpp"
#include "monsite/model/results.hpp"
#include "monsite/model/rules.hpp"

namespace monsite::compute {

// Computes every year of `data`. Suppression is applied before returning:
// groupings use true values, but a suppressed value leaves here only as a note.
model::Results compute(const model::Dataset& data, const model::Catalogue& catalogue, const model::Rules& rules);

// The level of an exact value against an indicator's thresholds.
model::Level level_of(const model::Indicator& indicator, const model::Exact& value);

}  // namespace monsite::compute
