// The school page's level x change grid is the compute grid (compute/summary.hpp):
// pages are built in memory from compute fixtures, with a school template that
// prints the grid's context, and with the default theme's own template.

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "compute_fixtures.hpp"
#include "monsite/compute/summary.hpp"
#include "monsite/model/contract.hpp"
#include "monsite/config/i18n.hpp"
#include "monsite/render/pages.hpp"
#include "monsite/render/prose.hpp"
#include "monsite/render/template.hpp"
#include "monsite/render/views.hpp"
#include "test_support.hpp"

using namespace monsite;
using compute::StatusGrid;
using model::Level;
using monsite::test::make_dataset;
using monsite::test::make_year;
using monsite::test::rated_school;

namespace {

const config::TextCatalogue& ru_texts() {
    static const auto texts = config::builtin_texts(util::Language::ru);
    return texts;
}

const std::filesystem::path default_templates = std::filesystem::path(MONSITE_FIXTURES) / "../../themes/default/templates";

// Two years: school a moves up in diagnostics, down in mastery, stays low in
// young teachers and is new in communities; school b has no previous year.
model::Dataset two_years() {
    return make_dataset({
        make_year(2024, {rated_school("a", "A", {{"diag_coverage", 1}, {"courses_share", 2},
                                                 {"competitions_share", 2}, {"mentors_share", 0}})}),
        make_year(2025, {rated_school("a", "A", {{"diag_coverage", 2}, {"courses_share", 2},
                                                 {"competitions_share", 1}, {"mentors_share", 0},
                                                 {"network_share", 1}}),
                         rated_school("b", "A", {{"diag_coverage", 0}, {"mentors_share", 2}})}),
    });
}

// Every page of the site, in the order build_pages delivers them.
std::vector<render::Page> all_pages(const render::PagesInput& in, const render::Templates& templates) {
    std::vector<render::Page> pages;
    render::build_pages(in, templates, [&](render::Page p) { pages.push_back(std::move(p)); }, 1);
    return pages;
}

// The school page of the latest year, built with `templates`.
std::string school_page(const test::Computed& c, const model::Dataset& data, const render::Templates& templates,
                        const std::string& id) {
    render::SiteInfo info{"Округ", "Управление образования", "/", "ru", {2024, 2025}};
    render::PagesInput in{info, data, c.results, c.catalogue, c.rules, ru_texts(), {}, false, ""};
    for (auto& page : all_pages(in, templates))
        if (page.path == "schools/" + id + "/index.html") return page.body;
    FAIL("no page schools/" << id << "/index.html");
    return "";
}

std::string between(const std::string& text, const std::string& from, const std::string& to) {
    auto i = text.find(from);
    REQUIRE(i != std::string::npos);
    i += from.size();
    auto j = text.find(to, i);
    REQUIRE(j != std::string::npos);
    return text.substr(i, j - i);
}

// The grid as the probe template below prints it, written from the compute grid.
std::string expected_probe(const StatusGrid& grid, const model::Rules& rules) {
    std::string out;
    for (std::size_t r = 0; r < StatusGrid::rows.size(); ++r) {
        out += "|" + std::string(model::to_string(StatusGrid::rows[r])) + ":";
        for (std::size_t col = 0; col < StatusGrid::columns.size(); ++col) {
            out += "[" + std::to_string(2 - r + col) + ":";
            for (const auto& id : grid.cells[r][col]) out += render::escape_html(render::direction_name(ru_texts(), id)) + ";";
            out += "]";
        }
    }
    out += "|W:";
    for (const auto& d : grid.without_previous)
        out += render::escape_html(render::direction_name(ru_texts(), d.direction)) + "=" +
               render::escape_html(render::level_text(ru_texts(), d.level)) + ";";
    out += "|S:" + rules.direction_change_same.to_fixed(2);
    out += "|G:" + std::string(grid.has_cells() ? "1" : "0");
    return out;
}

const char* probe =
    "GRID{{#grid}}{{#rows}}|{{level}}:{{#cells}}[{{colour}}:{{#names}}{{.}};{{/names}}]{{/cells}}{{/rows}}"
    "|W:{{#without_change}}{{name}}={{status}};{{/without_change}}|S:{{same}}|G:{{#has_grid}}1{{/has_grid}}"
    "{{^has_grid}}0{{/has_grid}}{{/grid}}END";

}  // namespace

TEST_CASE("render: the school page's grid context is the compute grid") {
    model::Dataset data = two_years();
    auto c = test::run_default(data);
    test::TempDir dir;
    test::write_file(dir / "school.mustache", probe);
    auto templates = render::Templates::load({dir.path(), default_templates});

    for (const std::string id : {"a", "b"}) {
        CAPTURE(id);
        StatusGrid grid = compute::status_grid(c.grouping(2025, id), c.year(2024).grouping(id), c.rules);
        std::string shown = between(school_page(c, data, templates, id), "GRID", "END");
        std::string expected = expected_probe(grid, c.rules);
        // The rule's band is shown the Russian way.
        auto comma = expected.find("|S:0.10");
        REQUIRE(comma != std::string::npos);
        expected.replace(comma, 7, "|S:0,10");
        CHECK(shown == expected);
    }
    // And what that is, spelt out for school a: three rows high, medium, low.
    StatusGrid a = compute::status_grid(c.grouping(2025, "a"), c.year(2024).grouping("a"), c.rules);
    CHECK(a.cell(Level::high, compute::Change::better) == std::vector<std::string>{"diagnostics"});
    CHECK(a.cell(Level::high, compute::Change::worse) == std::vector<std::string>{"mastery"});
    CHECK(a.cell(Level::low, compute::Change::same) == std::vector<std::string>{"young"});
    std::string shown = between(school_page(c, data, templates, "a"), "GRID", "END");
    CHECK(shown.rfind("|high:[2:" + render::direction_name(ru_texts(), "mastery") + ";][3:][4:" +
                          render::direction_name(ru_texts(), "diagnostics") + ";]|medium:[1:][2:][3:]|low:[0:][1:" +
                          render::direction_name(ru_texts(), "young") + ";][2:]|W:",
                      0) == 0);
}

TEST_CASE("render: the default theme shows the grid in three rows with its rule") {
    model::Dataset data = two_years();
    auto c = test::run_default(data);
    auto templates = render::Templates::load({default_templates});
    std::string html = school_page(c, data, templates, "a");
    std::string table = between(html, "<table class=\"status-grid\">", "</table>");
    std::string body = between(table, "<tbody>", "</tbody>");
    std::vector<std::string> rows;
    for (auto i = body.find("<th scope=\"row\">"); i != std::string::npos; i = body.find("<th scope=\"row\">", i + 1))
        rows.push_back(between(body.substr(i), "<th scope=\"row\">", "</th>"));
    CHECK(rows == std::vector<std::string>{render::level_text(ru_texts(), Level::high), render::level_text(ru_texts(), Level::medium),
                                           render::level_text(ru_texts(), Level::low)});
    CHECK(table.find("<td class=\"grid-c4\"><span class=\"grid-item\">" +
                     render::direction_name(ru_texts(), "diagnostics") + "</span></td>") != std::string::npos);
    // The paragraph above the grid gives the «no change» band and the level boundaries.
    std::string section = between(html, "id=\"grid-heading\"", "<table class=\"status-grid\">");
    CHECK(section.find("0,10") != std::string::npos);
    CHECK(section.find("1,50") != std::string::npos);
    CHECK(section.find("0,75") != std::string::npos);
    // Communities has no previous year: listed below the grid with its level.
    CHECK(html.find(render::direction_name(ru_texts(), "communities") + " — " + render::level_text(ru_texts(), Level::medium)) !=
          std::string::npos);
}

TEST_CASE("render: the «no change» band shown is the configured one, on the school page and in the methodology") {
    model::Dataset data = two_years();
    auto c = test::run_default(data);
    c.rules.direction_change_same = test::fraction(1, 4);
    auto templates = render::Templates::load({default_templates});
    render::SiteInfo info{"Округ", "Управление образования", "/", "ru", {2024, 2025}};
    render::PagesInput in{info, data, c.results, c.catalogue, c.rules, ru_texts(), {}, false, ""};
    int checked = 0;
    for (auto& page : all_pages(in, templates)) {
        if (page.path == "schools/a/index.html") {
            CHECK(between(page.body, "id=\"grid-heading\"", "<table").find("0,25") != std::string::npos);
            ++checked;
        }
        if (page.path == "methodology/index.html") {
            CHECK(page.body.find("не больше чем на 0,25") != std::string::npos);
            ++checked;
        }
    }
    CHECK(checked == 2);
}
