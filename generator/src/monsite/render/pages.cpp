#include "monsite/render/pages.hpp"

#include <algorithm>
#include <memory>
#include <thread>

#include "monsite/render/site_builder.hpp"
#include "monsite/util/thread_pool.hpp"

namespace monsite::render {

const std::vector<std::string>& reserved_top_level_names() {
    // Everything plan() and build_site() put at the top level, besides the year archives.
    static const std::vector<std::string> names = {"404",    "assets", "clusters",    "data",      "directions",
                                                   "groups", "index",  "indicators",  "methodology", "open-data",
                                                   "rating", "schools", "sitemap",    "subjects"};
    return names;
}

std::vector<Page> build_pages(const PagesInput& input, const Templates& templates, unsigned threads) {
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    const SiteBuilder::json words = SiteBuilder::plain_texts(input.texts);
    SiteBuilder planner(input, templates, words);
    const auto tasks = planner.plan();
    threads = std::min<unsigned>(threads, static_cast<unsigned>(tasks.size()));

    // One builder and one copy of the templates per thread; tasks are taken in order.
    std::vector<Templates> copies;
    for (unsigned t = 1; t < threads; ++t) copies.push_back(templates.clone());
    std::vector<std::unique_ptr<SiteBuilder>> builders;
    builders.push_back(std::make_unique<SiteBuilder>(input, templates, words));
    for (auto& copy : copies) builders.push_back(std::make_unique<SiteBuilder>(input, copy, words));
    util::run_tasks(tasks.size(), threads, [&](unsigned worker, std::size_t task) { tasks[task](*builders[worker]); });

    std::vector<Page> pages;
    std::vector<std::string> paths;
    for (auto& b : builders) {
        std::move(b->pages().begin(), b->pages().end(), std::back_inserter(pages));
        std::move(b->sitemap_paths().begin(), b->sitemap_paths().end(), std::back_inserter(paths));
    }
    if (!input.site_url.empty()) pages.push_back(SiteBuilder::sitemap(input, std::move(paths)));
    // Paths are unique (the publisher refuses a path added twice), so the order is total.
    std::stable_sort(pages.begin(), pages.end(), [](const Page& a, const Page& b) { return a.path < b.path; });
    return pages;
}

}  // namespace monsite::render
