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

// Parses one rule file. `id` is the rule id, `source` names the file in
// messages. The body is returned as Markdown in rule.body_html (the loader
// renders it). Every check of docs/recommendations.md is made here, against
// `catalogue`; a mistake throws util::UsageError naming `source` and the line.
model::RecommendationRule parse_recommendation(std::string_view text, const std::string& id,
                                               const std::string& source, const model::Catalogue& catalogue);

}  // namespace monsite::config
