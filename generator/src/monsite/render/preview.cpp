#include "monsite/render/preview.hpp"

#include <nlohmann/json.hpp>

namespace monsite::render {

std::string with_reload_script(std::string html, std::uint64_t generation) {
    const std::string tag =
        "<script src=\"/__monsite/reload.js\" data-generation=\"" + std::to_string(generation) + "\" defer></script>\n";
    const auto body = html.rfind("</body>");
    if (body == std::string::npos)
        html += tag;
    else
        html.insert(body, tag);
    return html;
}

std::string preview_error_page(const Templates& templates, const config::TextCatalogue& texts,
                               const std::vector<std::string>& errors, const std::vector<std::string>& warnings,
                               std::uint64_t generation) {
    nlohmann::ordered_json context;
    context["lang"] = std::string(util::to_string(texts.language()));
    context["title"] = texts.text("preview_error_title");
    context["lead"] = texts.text("preview_error_lead");
    context["errors"] = errors;
    context["has_warnings"] = !warnings.empty();
    context["warnings_title"] = texts.text("preview_warnings_title");
    context["warnings"] = warnings;
    context["status"] = texts.plural("preview_error_count", static_cast<long long>(errors.size()));
    return with_reload_script(templates.render("error", context), generation);
}

}  // namespace monsite::render
