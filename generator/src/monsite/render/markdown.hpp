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

// `take_title`: the first level-1 heading becomes `title` and leaves the body
// (content pages); false keeps every heading in the body (recommendation rules,
// whose title is in their front matter).
MarkdownPage markdown_to_html(std::string_view markdown, bool take_title = true);

}  // namespace monsite::render
