#pragma once
// site.json: everything the pages need, as one deterministic JSON document.
// Holds no teacher rows: only aggregates of the teachers' table are published.
// Texts (value texts, group and direction names) are in the catalogue's language.

#include <functional>
#include <string>
#include <utility>
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
    // The latest year has more schools than [pages] full_lists_up_to: pages show summaries and
    // paginate their lists, site.json is split per year (render/summaries.hpp).
    bool large = false;
};

struct PagesInput;  // render/pages.hpp

// The document of every published year: values, schools (with their
// recommendations and reasons), problem zones, measures and their verdicts.
std::string site_json(const PagesInput& in);

// The files of site.json as (path below the site root, text). A small site: data/site.json
// alone, as site_json(). A large site (SiteInfo::large): data/site.json holds what
// site_json() holds before by_year, plus year_files [{year, file}] instead of by_year;
// data/years/<year>.json holds one entry of by_year whose schools are [{id, name, file}],
// and data/years/<year>/<id>.json that school's full entry. Files are below data/.
// Each file is handed to `deliver` (path, text) as soon as it is made, so that a
// large site never holds more than one year's list and one school's entry.
void site_json_files(const PagesInput& in, const std::function<void(std::string path, std::string text)>& deliver);

}  // namespace monsite::render
