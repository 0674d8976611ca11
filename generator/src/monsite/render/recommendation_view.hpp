#pragma once
// A recommendation that applies, as the pages, site.json and
// recommendations.csv show it: its rule's title, addressee, kind and priority,
// the reason worded from the match's facts, and the body with its placeholders
// filled from the data (escaped: data text never becomes markup).

#include <string>

#include <nlohmann/json.hpp>

#include "monsite/model/recommendation.hpp"
#include "monsite/render/pages.hpp"

namespace monsite::render {

struct RecommendationView {
    std::string rule_id;
    std::string title;
    std::string addressee;       // id: "school_head", ...
    std::string addressee_name;  // in words, from the text catalogue
    std::string kind;            // id: "organizing", ... or ""
    std::string kind_name;       // in words, or ""
    int priority = 3;
    std::string reason;          // "Mentored young teachers: 50% below the threshold of 70%; 2 years in a row"
    std::string body_html;       // the rule's body, placeholders filled
    std::vector<std::string> schools;  // municipality scope: short names of the schools behind it

    // {rule_id, title, addressee, addressee_name, kind, kind_name, priority, reason, body_html, schools}
    nlohmann::ordered_json to_json() const;
};

// The view of `match` (one of in.decisions_of(year)->recommendations).
RecommendationView recommendation_view(const PagesInput& in, const model::RecommendationMatch& match, int year);

// data/recommendations.csv: year,school_id,addressee,rule_id,priority,reason; a
// row per recommendation that applies in a published year (the decisions'
// order: schools by school_id, then the municipality's with school_id empty).
std::string recommendations_csv(const PagesInput& in);

}  // namespace monsite::render
