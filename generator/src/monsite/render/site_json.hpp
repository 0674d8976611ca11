#pragma once
// site.json: everything the pages need, as one deterministic JSON document.
// Holds no teacher rows: only aggregates of the teachers' table are published.
// Texts (value texts, group and direction names) are in the catalogue's language.

#include <string>
#include <vector>

#include "monsite/config/i18n.hpp"
#include "monsite/model/dataset.hpp"
#include "monsite/model/indicator.hpp"
#include "monsite/model/results.hpp"
#include "monsite/model/rules.hpp"

namespace monsite::render {

struct SiteInfo {
    std::string municipality;
    std::string department;
    std::string base_url;
    std::string language;
    std::vector<int> years;  // published years, ascending
    bool pdf = false;        // PDFs are printed with the site (build --pdf): pages link them
};

struct PagesInput;  // render/pages.hpp

// The document of every published year: values, schools (with their
// recommendations and reasons), problem zones, measures and their verdicts.
std::string site_json(const PagesInput& in);

}  // namespace monsite::render
