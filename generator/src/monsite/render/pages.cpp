#include "monsite/render/pages.hpp"

#include <algorithm>
#include <iterator>
#include <memory>
#include <mutex>
#include <thread>

#include "monsite/render/site_builder.hpp"
#include "monsite/util/thread_pool.hpp"

namespace monsite::render {

const std::vector<std::string>& reserved_top_level_names() {
    // Everything plan() and build_site() put at the top level, besides the year archives.
    static const std::vector<std::string> names = {"404",     "assets",     "clusters", "data",        "decisions",
                                                   "directions", "groups", "index",    "indicators", "methodology",
                                                   "open-data", "rating", "schools", "sitemap",    "subjects"};
    return names;
}

const model::YearDecisions* PagesInput::decisions_of(int year) const {
    for (const auto& d : decisions)
        if (d.year == year) return &d;
    return nullptr;
}

bool PagesInput::kept(int year) const { return std::find(kept_years.begin(), kept_years.end(), year) != kept_years.end(); }

void build_pages(const PagesInput& input, const Templates& templates, const PageSink& deliver, unsigned threads) {
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    const SiteBuilder::json words = SiteBuilder::plain_texts(input.texts);
    SiteBuilder planner(input, templates, words);
    const auto tasks = planner.plan();
    threads = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(tasks.size())));

    // One builder and one copy of the templates per thread; tasks are taken in order.
    std::vector<Templates> copies;
    for (unsigned t = 1; t < threads; ++t) copies.push_back(templates.clone());
    std::vector<std::unique_ptr<SiteBuilder>> builders;
    builders.push_back(std::make_unique<SiteBuilder>(input, templates, words));
    for (auto& copy : copies) builders.push_back(std::make_unique<SiteBuilder>(input, copy, words));

    // A finished task's pages wait until every earlier task's are delivered: the order of
    // delivery is the plan's, whichever thread finishes first; at most `window` tasks wait.
    struct Finished {
        std::vector<Page> pages;
        std::vector<std::string> sitemap_paths;
    };
    std::vector<std::string> sitemap_paths;
    const std::size_t window = 64 * threads;
    util::run_tasks_ordered<Finished>(
        tasks.size(), threads, window,
        [&](unsigned worker, std::size_t task) {
            SiteBuilder& builder = *builders[worker];
            tasks[task].run(builder);
            Finished done{std::move(builder.pages()), std::move(builder.sitemap_paths())};
            builder.pages().clear();
            builder.sitemap_paths().clear();
            for (auto& page : done.pages) page.year = tasks[task].year;
            return done;
        },
        [&](Finished&& done) {
            std::move(done.sitemap_paths.begin(), done.sitemap_paths.end(), std::back_inserter(sitemap_paths));
            for (auto& page : done.pages) deliver(std::move(page));
        });
    // sitemap() sorts the paths: the order they were collected in does not matter.
    sitemap_paths.insert(sitemap_paths.end(), input.kept_sitemap_paths.begin(), input.kept_sitemap_paths.end());
    if (!input.site_url.empty()) deliver(SiteBuilder::sitemap(input, std::move(sitemap_paths)));
}

}  // namespace monsite::render
