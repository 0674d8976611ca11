#pragma once
// Evaluates the recommendation rules of content/recommendations/ against every
// year's results (docs/recommendations.md): which rule applies to which school
// (or to the municipality) and why, in numbers. Pure; no words.

#include <span>
#include <vector>

#include "monsite/model/dataset.hpp"
#include "monsite/model/indicator.hpp"
#include "monsite/model/recommendation.hpp"
#include "monsite/model/results.hpp"
#include "monsite/model/rules.hpp"

namespace monsite::compute {

// The threshold a level is told against, for the indicator's better side: the
// one a low value is beyond, the one a high value has reached, the one a
// medium value has still to reach (higher is better: t1, t2, t2; lower: t2, t1, t1).
model::Exact threshold_of(const model::Indicator& indicator, model::Level level);

// The matches of one year (`year` indexes results.years): school scope by
// school_id, then the municipality's, each by priority then rule id. Indicator
// conditions use the published values: a suppressed value meets no condition.
std::vector<model::RecommendationMatch> recommend(const model::Results& results, std::size_t year,
                                                  const model::Catalogue& catalogue, const model::Rules& rules,
                                                  std::span<const model::RecommendationRule> recommendations);

// Every year's recommendations and measure verdicts (compute/decisions.hpp), in results order.
std::vector<model::YearDecisions> decide(const model::Dataset& data, const model::Results& results,
                                         const model::Catalogue& catalogue, const model::Rules& rules,
                                         std::span<const model::RecommendationRule> recommendations);

}  // namespace monsite::compute
