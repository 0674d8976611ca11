// The decisions pages (render/page_decisions.cpp) of the small fixture site
// with measures added: the plan by kind of decision, the effectiveness of the
// measures of every year up to the page's, newest first, a 2024 measure judged
// with 2025, and spreadsheet text escaped.
#include <doctest/doctest.h>

#include <string>

#include "rendered_site.hpp"

using namespace monsite;
using monsite::test::count_of;
using Site = monsite::test::MeasuresSite;

namespace {

// The part of `text` from `from` up to `to` (or the end).
std::string between(const std::string& text, const std::string& from, const std::string& to) {
    auto a = text.find(from);
    if (a == std::string::npos) return {};
    auto b = to.empty() ? std::string::npos : text.find(to, a);
    return text.substr(a, b == std::string::npos ? std::string::npos : b - a);
}

}  // namespace

TEST_CASE("decisions pages: every year has both, the latest at the root") {
    Site s;
    for (const char* path : {"decisions/index.html", "decisions/effectiveness/index.html", "2024/decisions/index.html",
                             "2024/decisions/effectiveness/index.html"})
        CHECK_MESSAGE(s.sink().find(path), path);
    CHECK(s.page("index.html").find("href=\"/decisions/\"") != std::string::npos);  // in the navigation
}

TEST_CASE("decisions pages: the effectiveness of measures, newest year first, 2024 judged with 2025") {
    Site s;
    const std::string& latest = s.page("decisions/effectiveness/index.html");
    const auto at_2025 = latest.find("id=\"effect-2025\""), at_2024 = latest.find("id=\"effect-2024\"");
    REQUIRE(at_2025 != std::string::npos);
    REQUIRE(at_2024 != std::string::npos);
    CHECK(at_2025 < at_2024);
    const std::string y2025 = between(latest, "id=\"effect-2025\"", "id=\"effect-2024\"");
    const std::string y2024 = between(latest, "id=\"effect-2024\"", "");
    // 2025: the one measure, with no year after it.
    CHECK(count_of(y2025, "data-verdict=") == 1);
    CHECK(count_of(y2025, "data-verdict=\"too_early\"") == 1);
    // 2024: three measures tied to an indicator or a direction (the meeting is tied to neither), all judged.
    CHECK(count_of(y2024, "data-verdict=") == 3);
    CHECK(count_of(y2024, "data-verdict=\"too_early\"") == 0);
    CHECK(y2024.find("Совещание руководителей") == std::string::npos);
    // Spreadsheet text is escaped.
    CHECK(y2024.find("Закрепить наставников &lt;b&gt;всем&lt;/b&gt;") != std::string::npos);
    CHECK(latest.find("<b>всем</b>") == std::string::npos);
    // The method names the thresholds of the rules.
    CHECK(latest.find("5 п. п.") != std::string::npos);

    // The 2024 page shows 2024 only.
    const std::string& archive = s.page("2024/decisions/effectiveness/index.html");
    CHECK(archive.find("id=\"effect-2024\"") != std::string::npos);
    CHECK(archive.find("id=\"effect-2025\"") == std::string::npos);
}

TEST_CASE("decisions pages: the plan of the year's measures by kind of decision, in the contract's order") {
    Site s;
    const std::string& y2024 = s.page("2024/decisions/index.html");
    const auto organizing = y2024.find("data-kind=\"organizing\""), coordinating = y2024.find("data-kind=\"coordinating\""),
               controlling = y2024.find("data-kind=\"controlling\"");
    REQUIRE(organizing != std::string::npos);
    REQUIRE(coordinating != std::string::npos);
    REQUIRE(controlling != std::string::npos);
    CHECK(organizing < coordinating);
    CHECK(coordinating < controlling);
    CHECK(y2024.find("data-kind=\"stimulating\"") == std::string::npos);
    // The meeting (no indicator, no direction) is planned all the same, for the whole municipality.
    CHECK(y2024.find("Совещание руководителей") != std::string::npos);
    CHECK(y2024.find("весь округ") != std::string::npos);
    const std::string& latest = s.page("decisions/index.html");
    CHECK(count_of(latest, "data-kind=") == 1);
    CHECK(latest.find("data-kind=\"stimulating\"") != std::string::npos);
}
