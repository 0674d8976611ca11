#include <doctest/doctest.h>

#include "monsite/render/markdown.hpp"

using monsite::render::markdown_to_html;

TEST_CASE("markdown: the first level-1 heading becomes the title") {
    auto page = markdown_to_html("# О мониторге\n\nТекст *курсивом*.\n\n# Второй\n");
    CHECK(page.title == "О мониторге");
    CHECK(page.html.find("<h1>О мониторге</h1>") == std::string::npos);
    CHECK(page.html.find("<h1>Второй</h1>") != std::string::npos);
    CHECK(page.html.find("<em>курсивом</em>") != std::string::npos);
}

TEST_CASE("markdown: GFM tables, autolinks and strikethrough") {
    auto page = markdown_to_html("| a | b |\n|---|---|\n| 1 | 2 |\n\nСм. https://example.org и ~~старое~~.\n");
    CHECK(page.html.find("<table>") != std::string::npos);
    CHECK(page.html.find("<td>2</td>") != std::string::npos);
    CHECK(page.html.find("<a href=\"https://example.org\">") != std::string::npos);
    CHECK(page.html.find("<del>старое</del>") != std::string::npos);
}

TEST_CASE("markdown: raw HTML and dangerous links are removed") {
    auto page = markdown_to_html("<script>alert(1)</script>\n\nТекст <b onclick=\"x()\">жирный</b>\n\n"
                                 "[ссылка](javascript:alert(1)) [данные](data:text/html,x) [vb](vbscript:x)\n");
    CHECK(page.html.find("<script") == std::string::npos);
    CHECK(page.html.find("onclick") == std::string::npos);
    CHECK(page.html.find("javascript:") == std::string::npos);
    CHECK(page.html.find("data:text") == std::string::npos);
    CHECK(page.html.find("vbscript:") == std::string::npos);
    CHECK(page.html.find("ссылка") != std::string::npos);
}
