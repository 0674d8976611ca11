// site::load_recommendations (declared in site/sources.hpp): the rule files of
// content/recommendations/, one language's, parsed and rendered.

#include <algorithm>
#include <map>

#include "monsite/config/recommendations.hpp"
#include "monsite/render/markdown.hpp"
#include "monsite/site/sources.hpp"

namespace monsite::site {
namespace {

namespace fs = std::filesystem;

bool plain_name(std::string_view name) {
    if (name.empty() || name.size() > 100) return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

// "content/recommendations/<file>", as messages name it.
std::string source_of(const fs::path& file) {
    return (fs::path("content") / "recommendations" / file.filename()).generic_string();
}

}  // namespace

std::vector<model::RecommendationRule> load_recommendations(const fs::path& root, util::Language language,
                                                            const model::Catalogue& catalogue) {
    std::vector<model::RecommendationRule> rules;
    const fs::path dir = root / "content" / "recommendations";
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return rules;

    // id -> its files: name.md, and name.<lang>.md of the site's language, which is used in its place.
    struct Files {
        fs::path plain, translated;
    };
    std::map<std::string, Files> by_id;  // sorted by id
    for (const auto& e : fs::directory_iterator(dir)) {
        if (!e.is_regular_file() || e.path().extension() != ".md") continue;
        const std::string stem = e.path().stem().string();
        if (stem.starts_with("_") || stem.starts_with(".")) continue;
        std::string id = stem;
        bool translated = false;
        if (auto dot = stem.rfind('.'); dot != std::string::npos) {
            auto suffix = util::parse_language(std::string_view(stem).substr(dot + 1));
            if (suffix && *suffix != language) continue;  // another language's text of a rule
            if (suffix) {
                id = stem.substr(0, dot);
                translated = true;
            }
        }
        if (!plain_name(id))
            throw util::UsageError("имя файла рекомендации «" + e.path().filename().string() +
                                       "» не годится: оно становится id правила и должно состоять из латинских букв, "
                                       "цифр, - и _ (у перевода ещё суффикс языка: имя.en.md)",
                                   {source_of(e.path())});
        (translated ? by_id[id].translated : by_id[id].plain) = e.path();
    }

    for (const auto& [id, files] : by_id) {
        // A draft is skipped as if it were not there: a draft translation leaves name.md in use.
        for (const fs::path& file : {files.translated, files.plain}) {
            if (file.empty()) continue;
            const std::string source = source_of(file);
            const std::string text = read_bytes(file);
            if (config::recommendation_is_draft(text, source)) continue;
            model::RecommendationRule rule = config::parse_recommendation(text, id, source, catalogue);
            rule.body_html = render::markdown_to_html(rule.body_html, /*take_title=*/false).html;
            rules.push_back(std::move(rule));
            break;
        }
    }
    // What `replaces` names must be a rule of the set, and two rules may not replace each other.
    auto find = [&](const std::string& id) -> const model::RecommendationRule* {
        for (const auto& r : rules)
            if (r.id == id) return &r;
        return nullptr;
    };
    for (const auto& rule : rules)
        for (const auto& other : rule.replaces) {
            const util::SourceLocation where{rule.source, "", static_cast<std::uint32_t>(rule.replaces_line), 0, true};
            const model::RecommendationRule* target = find(other);
            if (!target)
                throw util::UsageError("replaces называет правило «" + other +
                                           "», которого нет в content/recommendations/ (имя файла без .md)",
                                       where);
            if (std::find(target->replaces.begin(), target->replaces.end(), rule.id) != target->replaces.end())
                throw util::UsageError("правила «" + rule.id + "» и «" + other +
                                           "» заменяют друг друга (replaces): одно из них должно оставаться",
                                       where);
        }
    return rules;
}

}  // namespace monsite::site
