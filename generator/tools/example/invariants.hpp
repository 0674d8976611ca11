#pragma once
// The data contract's invariants (section 4) and a few plausibility rules,
// checked on the generated records before anything is written.

#include <vector>

#include "records.hpp"

namespace example {

// Prints every violation to stderr; returns how many there were.
int check_invariants(const std::vector<SchoolYear>& ys);

}  // namespace example
