// The pipeline (site/pipeline.hpp) rendered in memory: the same files as
// `monsite build` writes, the same for any number of threads, and a few pages
// of the small fixture site (tests/fixtures/site-small) compared with golden
// HTML in tests/golden/site-small/.
//
// Updating the golden pages after a deliberate change of the output:
//     MONSITE_UPDATE_GOLDEN=1 build/tests/monsite_tests --source-file='*/test_site_pipeline.cpp'
// rewrites tests/golden/site-small/ (the test then passes); review the diff with git before committing.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "monsite/site/build.hpp"
#include "monsite/site/output_sink.hpp"
#include "monsite/site/pipeline.hpp"
#include "monsite/util/error.hpp"
#include "test_support.hpp"

using namespace monsite;
using monsite::test::TempDir;
using monsite::test::read_bytes;
using monsite::test::tree;
using monsite::test::write_file;
namespace fs = std::filesystem;

namespace {

const fs::path small_site_data = fs::path(MONSITE_FIXTURES) / "site-small" / "data";
const fs::path golden_dir = fs::path(MONSITE_GOLDEN) / "site-small";

// The pages compared with golden files: the golden file is the path with '/' as '__'.
const std::vector<std::string> golden_pages = {"index.html", "schools/s1/index.html",
                                               "indicators/mentor_coverage/index.html", "404.html"};

std::string dump(const util::Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags.all()) out += d.to_string() + "\n";
    return out;
}

site::PipelineOptions small_site(unsigned threads) {
    site::PipelineOptions options;
    options.data_dir = small_site_data;
    options.display_dir = "data";
    options.threads = threads;
    return options;
}

// A MemorySink that also records the order files arrive in.
class RecordingSink : public site::MemorySink {
public:
    void add(std::string_view relative, std::string bytes, std::string origin) override {
        order.emplace_back(relative);
        MemorySink::add(relative, std::move(bytes), std::move(origin));
    }
    std::vector<std::string> order;
};

// Loads, computes and renders the small site into `sink`; no warning is expected
// (a warning about the chart scripts means node_modules/ is missing: run npm ci).
void render_small_site(site::OutputSink& sink, unsigned threads) {
    site::Pipeline pipeline(small_site(threads));
    util::Diagnostics diags;
    REQUIRE_MESSAGE(pipeline.load(diags), dump(diags));
    REQUIRE_MESSAGE(diags.all().empty(), dump(diags));
    pipeline.compute();
    pipeline.render(sink);
}

// The first line where `actual` and `expected` differ, for a readable failure.
std::string first_difference(const std::string& actual, const std::string& expected) {
    std::istringstream a(actual), e(expected);
    std::string la, le;
    for (int line = 1;; ++line) {
        bool more_a = static_cast<bool>(std::getline(a, la)), more_e = static_cast<bool>(std::getline(e, le));
        if (!more_a && !more_e) return "(the same lines; a final newline differs)";
        if (la != le || more_a != more_e)
            return "line " + std::to_string(line) + ":\n  got:      " + (more_a ? la : "<end>") +
                   "\n  expected: " + (more_e ? le : "<end>");
    }
}

}  // namespace

TEST_CASE("Pipeline: the steps in memory give what the loader, compute and render know") {
    site::Pipeline pipeline(small_site(2));
    util::Diagnostics diags;
    REQUIRE_MESSAGE(pipeline.load(diags), dump(diags));
    CHECK(pipeline.config_used() == "встроенная (по умолчанию)");
    CHECK(pipeline.years() == std::vector<int>{2024, 2025});
    CHECK(pipeline.schools_in_latest_year() == 3);
    CHECK(pipeline.texts().language() == util::Language::ru);
    CHECK_FALSE(pipeline.texts().entries().empty());
    CHECK_FALSE(pipeline.sitemap());
    pipeline.compute();
    CHECK(pipeline.results().years.size() == 2);
    site::MemorySink sink;
    pipeline.render(sink);
    CHECK(pipeline.indicator_rows() > 0);
    for (const char* path : {"index.html", "404.html", "2024/index.html", "schools/s1/index.html", "data/site.json",
                             "data/monitoring.xlsx", "data/indicators.csv", "assets/js/vendor/vega.min.js"})
        CHECK_MESSAGE(sink.contains(path), path);
    CHECK(sink.origin_of("data/schools.csv") == "открытые данные (schools.csv)");
    // Rendering again into another sink gives the same files.
    site::MemorySink again;
    pipeline.render(again);
    CHECK(again.files() == sink.files());
}

TEST_CASE("Pipeline: in memory, exactly the files monsite build publishes") {
    site::MemorySink memory;
    render_small_site(memory, 2);
    TempDir dir;
    site::BuildOptions options;
    static_cast<site::PipelineOptions&>(options) = small_site(2);
    options.out_dir = dir / "public";
    util::Diagnostics diags;
    REQUIRE_MESSAGE(site::build_site(options, diags), dump(diags));
    const auto published = tree(dir / "public");
    REQUIRE(published.size() == memory.files().size());
    auto it = memory.files().begin();
    for (const auto& [path, bytes] : published) {
        CHECK(it->first == path);
        CHECK_MESSAGE(it->second == bytes, path);
        ++it;
    }
}

TEST_CASE("Pipeline: the same files, delivered in the same order, on one thread and on four") {
    RecordingSink one, four;
    render_small_site(one, 1);
    render_small_site(four, 4);
    CHECK(one.order == four.order);
    CHECK(one.files() == four.files());
    CHECK(one.order.size() == one.files().size());
}

// A sink that refuses its n-th file, as a full disk would.
class FailingSink : public site::MemorySink {
public:
    explicit FailingSink(std::size_t fail_at) : fail_at_(fail_at) {}
    void add(std::string_view relative, std::string bytes, std::string origin) override {
        if (++calls == fail_at_) throw util::InternalError("disk full");
        MemorySink::add(relative, std::move(bytes), std::move(origin));
    }
    std::size_t calls = 0;

private:
    std::size_t fail_at_;
};

TEST_CASE("Pipeline: a sink that fails stops the rendering, and the error comes out of render") {
    site::Pipeline pipeline(small_site(4));
    util::Diagnostics diags;
    REQUIRE(pipeline.load(diags));
    pipeline.compute();
    for (std::size_t fail_at : {std::size_t{2}, std::size_t{20}, std::size_t{60}}) {
        CAPTURE(fail_at);
        FailingSink sink(fail_at);
        CHECK_THROWS_AS(pipeline.render(sink), util::InternalError);
        CHECK(sink.calls == fail_at);  // nothing more was delivered after the failure
        CHECK(sink.files().size() == fail_at - 1);
    }
}

TEST_CASE("Pipeline: load stops on data errors, and the strict mode on warnings") {
    TempDir dir;
    {
        site::PipelineOptions options;
        options.data_dir = dir / "data";
        options.display_dir = "data";
        fs::create_directories(dir / "data" / "archive");  // a folder that is not a year: an error
        site::Pipeline pipeline(options);
        util::Diagnostics diags;
        CHECK_FALSE(pipeline.load(diags));
        CHECK(diags.has_errors());
    }
    {
        fs::remove_all(dir / "data");
        fs::copy(small_site_data, dir / "data", fs::copy_options::recursive);
        write_file(dir / "data" / "2025" / "notes.txt", "not data");  // skipped with a warning
        site::PipelineOptions options;
        options.data_dir = dir / "data";
        options.display_dir = "data";
        options.strict = true;
        site::Pipeline pipeline(options);
        util::Diagnostics diags;
        CHECK_FALSE(pipeline.load(diags));
        CHECK(diags.has_errors());
        CHECK(diags.warning_count() == 0);  // turned into errors
    }
}

TEST_CASE("Pipeline: a few pages of the small fixture site equal the golden HTML") {
    site::MemorySink sink;
    render_small_site(sink, 0);
    const char* update = std::getenv("MONSITE_UPDATE_GOLDEN");
    const bool updating = update && std::string(update) == "1";
    for (const auto& page : golden_pages) {
        CAPTURE(page);
        const std::string* body = sink.find(page);
        REQUIRE_MESSAGE(body, "the site has no page " << page);
        std::string name = page;
        for (std::size_t at; (at = name.find('/')) != std::string::npos;) name.replace(at, 1, "__");
        const fs::path golden = golden_dir / name;
        if (updating) {
            write_file(golden, *body);
            MESSAGE("rewrote " << golden.string());
            continue;
        }
        REQUIRE_MESSAGE(fs::is_regular_file(golden),
                        "no golden file " << golden.string() << " (MONSITE_UPDATE_GOLDEN=1 writes it)");
        const std::string expected = read_bytes(golden);
        const bool same = *body == expected;  // not CHECK(a == b): that would print both whole pages
        CHECK_MESSAGE(same, page << " differs from " << golden.string() << " at "
                                              << first_difference(*body, expected)
                                              << "\n(after a deliberate change: MONSITE_UPDATE_GOLDEN=1, see the test)");
    }
}
