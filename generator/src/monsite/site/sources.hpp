#pragma once
// The site's own files beside the data folder: content pages (content/*.md)
// and theme folders (themes/<name>/). Used by build, and by check to find
// their mistakes before anything is built.

#include <filesystem>
#include <string>
#include <vector>

#include "monsite/config/config.hpp"
#include "monsite/model/recommendation.hpp"
#include "monsite/render/pages.hpp"
#include "monsite/util/error.hpp"

namespace monsite::site {

// The folder holding data/, content/ and themes/ of a site: the parent of the
// data folder, relative to the current folder when it lies inside it (so that
// messages name "themes/mine/...", not a long absolute path).
std::filesystem::path site_root(const std::filesystem::path& data_dir);

// The whole file as bytes; util::InternalError if it cannot be read.
std::string read_bytes(const std::filesystem::path& file);

// Theme folders, the site's own first: any file of the default theme may be
// overridden; the shipped default theme last (site/resources.hpp). Throws
// util::UsageError when the named theme has no folder, or neither templates/
// nor static/ in it, or monsite's own files are not found.
std::vector<std::filesystem::path> theme_folders(const std::filesystem::path& root, const std::string& theme);

// The published pages of content/*.md (drafts and names starting with _ or .
// left out), in menu order: weight, then name. A name that is not latin
// letters, digits, - and _ is skipped with a warning. Throws util::UsageError
// naming the file for a page whose name the generator uses itself
// (render::reserved_top_level_names(), a four-digit year) or that differs from
// another page's only in case, and for bad front matter.
std::vector<render::ContentPage> load_content_pages(const std::filesystem::path& root, util::Diagnostics& diags);

// The rules of content/recommendations/*.md for `language` (name.<lang>.md in
// place of name.md where it exists; other languages' files left out), drafts
// and names starting with _ or . skipped (a draft translation leaves name.md
// in use), sorted by id, bodies rendered from Markdown (site/recommendation_files.cpp).
// None when the folder is missing. Throws util::UsageError naming the file
// and line for any mistake (config::parse_recommendation), and naming the
// file for a name that is not latin letters, digits, - and _.
std::vector<model::RecommendationRule> load_recommendations(const std::filesystem::path& root, util::Language language,
                                                            const model::Catalogue& catalogue);

// True for files that are never a source of the site: Office lock files
// (~$name, .~lock.name#), editors' backups and swap files (name~, .swp, .tmp), .DS_Store.
bool is_ignored_name(const std::string& file_name);

}  // namespace monsite::site
