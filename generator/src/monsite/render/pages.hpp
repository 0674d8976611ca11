#pragma once
// The HTML pages of the site: what each page shows, computed and formatted
// by one page_*.cpp per page kind (see site_builder.hpp), displayed by the
// theme's templates. The latest year is at the root, each earlier year under /<year>/.

#include <functional>
#include <span>
#include <string>
#include <vector>

#include "monsite/config/i18n.hpp"
#include "monsite/model/dataset.hpp"
#include "monsite/model/indicator.hpp"
#include "monsite/model/recommendation.hpp"
#include "monsite/model/results.hpp"
#include "monsite/model/rules.hpp"
#include "monsite/render/site_json.hpp"
#include "monsite/render/template.hpp"

namespace monsite::render {

struct Page {
    std::string path;    // below the site root, e.g. "schools/gim1/index.html"
    std::string body;
    std::string origin;  // what made it, for messages: "content/about.md", util/messages.hpp page_origin
    int year = 0;        // the published year whose pages made it (build_pages, school_downloads); 0: the whole site
};

struct ContentPage {
    std::string slug;         // the file stem: content/about.md -> /about/
    std::string source;       // "content/about.md", for messages
    std::string title;        // from front matter, else the first level-1 heading, else the slug
    std::string description;
    std::string html;         // rendered body
};

struct PagesInput {
    const SiteInfo& site;
    const model::Dataset& data;
    const model::Results& results;
    const model::Catalogue& catalogue;
    const model::Rules& rules;
    const config::TextCatalogue& texts;  // every word of the pages (config::load_texts)
    std::vector<ContentPage> content;
    bool charts_script = false;  // vega assets are published: charts render in the browser
    std::string site_url;        // absolute URL of the site root for sitemap and Open Graph, or empty
    std::span<const model::RecommendationRule> recommendations{};  // content/recommendations/, by id
    std::span<const model::YearDecisions> decisions{};             // compute::decide, in results order
    // Years whose pages and downloads an earlier build made and this one keeps
    // (site/manifest.hpp): build_pages and school_downloads skip them.
    std::span<const int> kept_years{};
    std::span<const std::string> kept_sitemap_paths{};  // the kept years' pages, for sitemap.xml
    bool kept(int year) const;

    const model::YearDecisions* decisions_of(int year) const;
};

// Receives each page as it is made (build_pages); may throw to stop the rendering.
using PageSink = std::function<void(Page page)>;

// Every page, plus sitemap.xml (only when site_url is set: a sitemap needs
// absolute addresses) and per-school CSV downloads, each handed to `deliver`
// as soon as it and every page planned before it are rendered: one call at a
// time, in a fixed order (the plan's, sitemap.xml last) whatever the number of
// threads, so the pages and the order are the same for any thread count.
// Pages are rendered on `threads` threads (0: one per core). An exception from
// rendering or from `deliver` stops the remaining pages and is rethrown here.
void build_pages(const PagesInput& input, const Templates& templates, const PageSink& deliver, unsigned threads = 0);

// The top-level names the generator itself publishes (sections such as
// "schools", files such as "sitemap" and "404", folders "data" and "assets"),
// lower case; a year's archive takes its four digits. Content pages may not use them.
const std::vector<std::string>& reserved_top_level_names();

}  // namespace monsite::render
