// The annual report page (render/page_report.cpp) of the small fixture site
// with measures added: published for the latest year only, every section's h2
// with its entry in the contents (the markup the PDF printing fills with page
// numbers), a chart per direction and the groups chart, the plan and the
// measures' verdicts, spreadsheet text escaped, linked from the latest home.
#include <doctest/doctest.h>

#include <iterator>
#include <string>

#include "rendered_site.hpp"

using namespace monsite;
using monsite::test::count_of;
using Site = monsite::test::MeasuresSite;

namespace {

// The text of the heading `<hN id="id">…</hN>`, or "" when there is none.
std::string heading_text(const std::string& html, const std::string& tag, const std::string& id) {
    const std::string open = "<" + tag + " id=\"" + id + "\">";
    const auto at = html.find(open);
    if (at == std::string::npos) return "";
    const auto start = at + open.size();
    return html.substr(start, html.find("</" + tag + ">", start) - start);
}

// The contents entry of a heading, exactly as the PDF printing reads it.
std::string toc_entry(const std::string& id, const std::string& title) {
    return "<li><a href=\"#" + id + "\">" + title + "</a><span class=\"toc-page\" data-for=\"" + id + "\"></span>";
}

const char* const sections[] = {"overview", "directions", "groups", "zones", "recommendations",
                                "effectiveness", "methodology", "appendix"};
const char* const directions[] = {"diagnostics", "mastery", "young", "communities", "network", "staffing", "support"};

}  // namespace

TEST_CASE("Report: one page for the latest year, every section in the contents") {
    Site site;
    const std::string& html = site.page("report/index.html");
    CHECK(site.sink().find("2024/report/index.html") == nullptr);

    REQUIRE(count_of(html, "<nav class=\"report-contents\"") == 1);
    const std::string contents = html.substr(html.find("<nav class=\"report-contents\""),
                                             html.find("</nav>", html.find("<nav class=\"report-contents\"")) -
                                                 html.find("<nav class=\"report-contents\""));
    for (const char* s : sections) {
        const std::string id = std::string("report-") + s;
        CAPTURE(id);
        CHECK(count_of(html, "<h2 id=\"" + id + "\">") == 1);
        const std::string title = heading_text(html, "h2", id);
        CHECK_FALSE(title.empty());
        CHECK(count_of(contents, toc_entry(id, title)) == 1);
    }
    CHECK(count_of(contents, "class=\"toc-page\"") == std::size(sections) + std::size(directions));
    // Contents in the order of the sections.
    std::size_t last = 0;
    for (const char* s : sections) {
        const auto at = html.find("<h2 id=\"report-" + std::string(s) + "\">");
        CHECK(at > last);
        last = at;
    }
}

TEST_CASE("Report: each direction with its indicators and a chart, the groups chart, the appendix") {
    Site site;
    const std::string& html = site.page("report/index.html");
    for (const char* d : directions) {
        const std::string id = std::string("report-direction-") + d;
        CAPTURE(id);
        const std::string title = heading_text(html, "h3", id);
        CHECK_FALSE(title.empty());
        CHECK(count_of(html, toc_entry(id, title)) == 1);
    }
    CHECK(count_of(html, "class=\"chart-canvas\"") == std::size(directions) + 1);
    // The ranked table and the appendix list every school of 2025.
    CHECK(count_of(html, "href=\"/schools/s1/\"") >= 2);
    CHECK(html.find("<table class=\"report-schools\">") != std::string::npos);
}

TEST_CASE("Report: the plan and the verdicts of the measures, spreadsheet text escaped") {
    Site site;
    const std::string& html = site.page("report/index.html");
    CHECK(html.find("Курсы для педагогов") != std::string::npos);  // the 2025 plan
    CHECK(count_of(html, "<table class=\"decisions-plan\"") == 1);
    // The measures judged: 2025's (too early) and 2024's, with the escaped text.
    CHECK(count_of(html, "<table class=\"effects\">") == 2);
    CHECK(count_of(html, "data-verdict=") == 4);
    CHECK(html.find("Закрепить наставников &lt;b&gt;всем&lt;/b&gt;") != std::string::npos);
    CHECK(html.find("<b>всем</b>") == std::string::npos);
}

TEST_CASE("Report: linked from the latest year's home page only") {
    Site site;
    CHECK(site.page("index.html").find("href=\"/report/\"") != std::string::npos);
    CHECK(site.page("2024/index.html").find("href=\"/report/\"") == std::string::npos);
}
