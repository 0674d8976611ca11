#pragma once
// Markdown pages (cmark-gfm behind it): GFM tables, autolinks and strikethrough.
// Raw HTML is dropped and javascript:, vbscript:, file: and data: links are
// removed, so a content page cannot inject markup or scripts.

#include <string>
#include <string_view>

namespace monsite::render {

struct MarkdownPage {
    std::string title;  // the first level-1 heading, or empty
    std::string html;   // the body, without that heading
};

MarkdownPage markdown_to_html(std::string_view markdown);

}  // namespace monsite::render
