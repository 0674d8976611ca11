#pragma once
// The two pieces of markup only `monsite serve` makes: the reload script tag
// added to every page it serves, and the page shown while the site cannot be
// built. Neither is ever published.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "monsite/config/i18n.hpp"
#include "monsite/render/template.hpp"

namespace monsite::render {

// `html` with <script src="/__monsite/reload.js" data-generation="N" defer>
// inserted before its last </body> (appended when there is none).
std::string with_reload_script(std::string html, std::uint64_t generation);

// The error page: template "error" of `templates` (themes/default/preview/),
// words from `texts`, every error and warning as plain text (escaped). It
// carries the reload script of `generation`.
std::string preview_error_page(const Templates& templates, const config::TextCatalogue& texts,
                               const std::vector<std::string>& errors, const std::vector<std::string>& warnings,
                               std::uint64_t generation);

}  // namespace monsite::render
