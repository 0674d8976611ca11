#pragma once
// `monsite new DIR`: a site a department starts from. DIR/data/site.toml (the
// built-in commented settings with the municipality filled in, naming
// DIR/data/indicators.toml, a copy of the built-in catalogue), DIR/data/<year>/
// (empty), DIR/collection-<year>.xlsx (the blank collection workbook to send
// to the schools), DIR/content/ (about, how-to-read and the recommendation rules
// monsite ships, site/resources.hpp), DIR/.gitignore and DIR/README.md.
// Everything is written into a staging folder beside DIR, then renamed to DIR:
// a failure leaves no half-made site.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace monsite::site {

struct ScaffoldOptions {
    std::filesystem::path dir;                  // created; must not exist or be empty
    std::optional<std::string> municipality;    // default: the built-in placeholder
    int year = 0;                               // the first monitoring year (its folder and workbook)
};

struct ScaffoldReport {
    std::filesystem::path dir;
    std::vector<std::string> files;             // written, relative to dir, sorted ('/'-separated)
    std::string workbook;                       // relative to dir: collection-<year>.xlsx
    int year = 0;                               // the year of data/<year>/ and of the workbook
};

// Writes the new site. Throws util::UsageError (in Russian) when DIR exists and
// is not empty or is not a folder, or when monsite's own content files are not
// found; util::InternalError when writing fails (nothing is left behind then).
ScaffoldReport new_site(const ScaffoldOptions& options);

// `text` as a TOML basic string, quotes included: ", \ and control characters escaped.
std::string toml_string(std::string_view text);

// The built-in site.toml (`builtin`) with `municipality` set to the given value
// (when there is one), the department's line marked to be filled in and
// `indicators = "indicators.toml"`. Throws util::InternalError when `builtin`
// lacks one of those keys.
std::string scaffold_site_toml(std::string_view builtin, const std::optional<std::string>& municipality);

}  // namespace monsite::site
