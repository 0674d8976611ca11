#pragma once
// Reading recommendation rules (docs/recommendations.md): TOML front matter
// between "+++" lines, then a Markdown body with {{placeholders}}.

#include <string>
#include <string_view>
#include <vector>

#include "monsite/model/indicator.hpp"
#include "monsite/model/recommendation.hpp"

namespace monsite::config {

// The placeholders a body may use: "school", "municipality", "year", ...
const std::vector<std::string>& recommendation_placeholders();

// True when the front matter says draft = true: the loader skips the file
// without the other checks (a draft may be unfinished). Throws
// util::UsageError naming `source` and the line for bad TOML or a draft that
// is not true/false.
bool recommendation_is_draft(std::string_view text, const std::string& source);

// Parses one rule file (a draft too: `draft` is accepted and not kept). `id`
// is the rule id, `source` names the file in messages. The body is returned as
// Markdown in rule.body_html (the loader renders it); the conditions are kept
// as written (a rule naming only `indicator` has an empty `direction`). Every
// check of docs/recommendations.md is made here, against `catalogue`; a
// mistake throws util::UsageError naming `source` and the line.
model::RecommendationRule parse_recommendation(std::string_view text, const std::string& id,
                                               const std::string& source, const model::Catalogue& catalogue);

}  // namespace monsite::config
