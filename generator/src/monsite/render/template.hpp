#pragma once
// Mustache templates of a theme (mstch behind it). Contexts are JSON; templates
// only display. {{name}} is HTML-escaped; {{{name}}} is reserved for HTML the
// generator made itself (rendered bodies, Markdown output, chart specs).

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace monsite::render {

class Templates {
public:
    // Loads every *.mustache file of the folders, earlier folders winning: a
    // site theme first, then the default theme, so a site may override any one.
    // Throws util::UsageError if no folder exists.
    static Templates load(const std::vector<std::filesystem::path>& folders);
    // For tests: templates given as text.
    static Templates from_text(std::map<std::string, std::string> templates);

    bool has(std::string_view name) const { return templates_.count(std::string(name)) > 0; }
    // Renders `name` with `context`; other templates are available as partials
    // ({{> name}}). Throws util::InternalError for an unknown template.
    std::string render(std::string_view name, const nlohmann::ordered_json& context) const;

private:
    std::map<std::string, std::string> templates_;
};

// Escapes text for HTML element content and quoted attribute values.
std::string escape_html(std::string_view text);

}  // namespace monsite::render
