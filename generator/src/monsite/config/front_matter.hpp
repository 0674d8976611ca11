#pragma once
// Front matter of a Markdown page: TOML between two "+++" lines at the top.
//   +++
//   title = "О мониторинге"
//   description = "..."
//   weight = 10        # order in the menu, smaller first
//   draft = false      # a draft is not published
//   +++

#include <cstddef>
#include <string>
#include <string_view>

#include "monsite/util/error.hpp"

namespace monsite::config {

struct FrontMatter {
    std::string title;
    std::string description;
    int weight = 0;
    bool draft = false;
};

struct SplitPage {
    FrontMatter front;
    std::string_view body;  // the Markdown after the front matter (a view into the input)
};

// The TOML block between the two "+++" lines at the top of a file, not yet
// parsed, and the Markdown after it (views into the input). Shared by content
// pages and recommendation rules (config/recommendations.hpp).
struct FrontMatterText {
    bool present = false;      // the file starts with "+++" (after an optional BOM)
    std::string_view toml;     // the lines between the "+++" lines
    std::size_t closing_line = 0;  // 1-based line of the closing "+++" (0: absent)
    std::string_view body;     // everything after the closing line (the whole text when absent)
};

// Splits without parsing. Throws util::UsageError naming `source` and line 1
// when the block is not closed; `of_what` completes «блок параметров …».
FrontMatterText split_front_matter_text(std::string_view text, const std::string& source,
                                        std::string_view of_what = "страницы");

// Splits and parses. A page without front matter gets the defaults. Throws
// util::UsageError naming `source` and the line for bad TOML or unknown keys.
SplitPage split_front_matter(std::string_view text, const std::string& source);

}  // namespace monsite::config
