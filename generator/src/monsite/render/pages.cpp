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

    // A finished task's pages wait here until every earlier task's are delivered:
    // the order of delivery is the plan's, whichever thread finishes first.
    struct Finished {
        bool done = false;
        std::vector<Page> pages;
    };
    std::mutex lock;
    std::vector<Finished> finished(tasks.size());
    std::size_t next = 0;  // the first task not yet delivered
    bool failed = false;   // deliver threw: nothing more is delivered
    std::vector<std::string> sitemap_paths;
    util::run_tasks(tasks.size(), threads, [&](unsigned worker, std::size_t task) {
        SiteBuilder& builder = *builders[worker];
        tasks[task].run(builder);
        for (auto& page : builder.pages()) page.year = tasks[task].year;
        std::lock_guard guard(lock);
        finished[task].done = true;
        finished[task].pages = std::move(builder.pages());
        builder.pages().clear();
        std::move(builder.sitemap_paths().begin(), builder.sitemap_paths().end(), std::back_inserter(sitemap_paths));
        builder.sitemap_paths().clear();
        for (; !failed && next < finished.size() && finished[next].done; ++next) {
            auto pages = std::move(finished[next].pages);
            try {
                for (auto& page : pages) deliver(std::move(page));
            } catch (...) {
                failed = true;
                throw;
            }
        }
    });
    // sitemap() sorts the paths: the order they were collected in does not matter.
    sitemap_paths.insert(sitemap_paths.end(), input.kept_sitemap_paths.begin(), input.kept_sitemap_paths.end());
    if (!input.site_url.empty()) deliver(SiteBuilder::sitemap(input, std::move(sitemap_paths)));
}

}  // namespace monsite::render
