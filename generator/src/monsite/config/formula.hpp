#pragma once
// Parses an indicator formula (see generator/defaults/indicators.toml for the syntax).

#include <string_view>

#include "monsite/model/indicator.hpp"
#include "monsite/util/error.hpp"

namespace monsite::config {

// Throws util::UsageError at `where` for a malformed formula or an unknown field.
model::Formula parse_formula(std::string_view text, const util::SourceLocation& where);

}  // namespace monsite::config
