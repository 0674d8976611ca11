#pragma once
// Mustache templates of a theme (kainjow/mustache behind it, each template
// parsed once). Contexts are JSON; templates only display. {{name}} is
// HTML-escaped; {{{name}}} is reserved for HTML the generator made itself
// (rendered bodies, Markdown output, chart specs).

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace monsite::render {

// Values many renders share (the catalogue's words on every page), converted
// for the template engine once instead of at every render. A render looks a
// name up in its own context first, then here.
class SharedValues {
public:
    explicit SharedValues(const nlohmann::ordered_json& values);  // an object
    SharedValues(SharedValues&&) noexcept;
    ~SharedValues();
    struct Data;
    const Data& data() const { return *data_; }

private:
    std::unique_ptr<Data> data_;
};

class Templates {
public:
    // Loads every *.mustache file of the folders, earlier folders winning: a
    // site theme first, then the default theme, so a site may override any one.
    // Throws util::UsageError if no folder exists, a template does not parse,
    // or a template includes a partial ({{> name}}) the theme does not have.
    static Templates load(const std::vector<std::filesystem::path>& folders);
    // Templates given as text (tests); `sources` names each one's file in messages.
    static Templates from_text(std::map<std::string, std::string> templates,
                               std::map<std::string, std::string> sources = {});

    Templates(Templates&&) noexcept;
    Templates& operator=(Templates&&) noexcept;
    ~Templates();

    bool has(std::string_view name) const;
    // Renders `name` with `context`; other templates are available as partials
    // ({{> name}}). Throws util::InternalError for an unknown template.
    // Not for concurrent use: give each thread its own copy (clone()).
    // `shared` (may be null, not owned) supplies the names `context` lacks.
    std::string render(std::string_view name, const nlohmann::ordered_json& context,
                       const SharedValues* shared = nullptr) const;
    // An independent copy, for another thread.
    Templates clone() const;

private:
    Templates();
    struct Compiled;
    std::map<std::string, std::string> texts_;
    std::map<std::string, std::string> sources_;  // template name -> file, for messages
    std::unique_ptr<Compiled> compiled_;
};

// Escapes text for HTML element content and quoted attribute values.
std::string escape_html(std::string_view text);

}  // namespace monsite::render
