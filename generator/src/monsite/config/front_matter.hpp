#pragma once
// Front matter of a Markdown page: TOML between two "+++" lines at the top.
//   +++
//   title = "О мониторинге"
//   description = "..."
//   weight = 10        # order in the menu, smaller first
//   draft = false      # a draft is not published
//   +++

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

// Splits and parses. A page without front matter gets the defaults. Throws
// util::UsageError naming `source` and the line for bad TOML or unknown keys.
SplitPage split_front_matter(std::string_view text, const std::string& source);

}  // namespace monsite::config
