#pragma once
// Thresholds of the groupings and the privacy rule (data-contract.md, sections 5 and 6).

#include "monsite/model/exact.hpp"

namespace monsite::model {

struct Rules {
    int min_group = 5;                                    // sensitive values need a denominator at least this
    Exact group_high = 70;                                // composite >= this: high effectiveness
    Exact group_medium = 40;                              // composite >= this: medium, else low
    Exact direction_high = Exact::fraction(3, 2);         // direction mean >= 1.5: high
    Exact direction_low = Exact::fraction(3, 4);          // direction mean < 0.75: low
    Exact direction_change_same = Exact::fraction(1, 10); // direction mean moved by at most 0.1: no change
    int partners_per_direction = 2;
    Exact problem_percent_points = 5;                     // wrong-way move, percent units
    Exact problem_relative_percent = 10;                  // wrong-way move, other units (% of the previous value)
};

}  // namespace monsite::model
