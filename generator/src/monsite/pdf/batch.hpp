#pragma once
// `monsite pdf`: prints a built site to PDF, one file per school of the latest
// year (its page) and one of the municipal annual report when the site has it.
// One Chromium for the whole batch, several pages at a time, the site served
// from a loopback-only server. A page that fails is named and the others are
// still written.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace monsite::pdf {

struct PdfJob {
    std::string label;          // for progress and errors: the school's id, "отчёт"
    std::string path;           // the page's address on the server, e.g. "/schools/sosh1/"
    std::filesystem::path out;  // the PDF to write (replaced atomically)
};

struct PdfFailure {
    std::string label;
    std::string message;
};

struct BatchOptions {
    std::filesystem::path site = "public";  // a built site (it has data/site.json)
    std::filesystem::path out;              // empty: SITE/data; schools go to OUT/schools/<slug>-<year>.pdf, the report to OUT/report-<year>.pdf
    unsigned threads = 0;                   // pages printed at once; 0: one per core, at most 4
    // Called after each page, from the printing threads (one at a time): done of total, the page.
    std::function<void(std::size_t done, std::size_t total, const std::string& label)> on_page;
};

struct BatchReport {
    std::vector<std::filesystem::path> written;
    std::vector<PdfFailure> failures;
    double seconds = 0;  // printing only, browser start included
};

// The pages to print for a built site, in a stable order (the schools by id,
// then the report). Throws util::UsageError when `site` is not a built site.
std::vector<PdfJob> plan_jobs(const BatchOptions& options);

// Prints the site. Throws util::UsageError when Chromium is missing (the message
// says how to install it) and util::InternalError when it cannot be started.
BatchReport print_site(const BatchOptions& options);

}  // namespace monsite::pdf
