#pragma once
// Site configuration (site.toml) and the bilingual indicator catalogue (indicators.toml).
// Every setting has a default; an unknown key is an error naming file and line.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "monsite/model/exact.hpp"
#include "monsite/model/indicator.hpp"
#include "monsite/model/rules.hpp"
#include "monsite/util/language.hpp"

namespace monsite::config {

struct SiteConfig {
    std::string municipality = "Муниципальное образование";
    std::string department = "Орган управления образованием";
    std::string base_url = "/";  // the path of the site root on its server: "/" or "/monitoring/"
    // The absolute address of the site root ("https://edu.example.ru/monitoring/"), for sitemap.xml and
    // Open Graph; empty: no sitemap. Its path is base_url (an address of the server alone gets it added).
    std::string site_url;
    std::vector<int> years;  // years to publish, ascending, each once; empty: every year in the data
    // Codes of schools that closed or merged: their absence from later years is expected, not warned about.
    std::vector<std::string> closed_schools;
    std::string language = "ru";  // one of supported_languages()
    bool strict = false;          // every warning is an error (as --strict)
    std::string theme = "default";
    // [pages] full_lists_up_to: a site whose latest year has more schools than this is "large": its
    // indicator and list pages show summaries (distribution, top and bottom) and paginate the full lists.
    int full_lists_up_to = 200;
    model::Rules rules;                         // groupings, privacy, problem zones
    model::Catalogue catalogue;                 // the built-in one unless `indicators` names a file
    std::filesystem::path source;               // the config file, empty for defaults
};

// The interface languages the site really has ("ru", "en"); `language` accepts only these.
const std::vector<std::string>& supported_languages();

// config.language as util::Language (ru for a value load_config would refuse).
util::Language site_language(const SiteConfig& config);

// The defaults: built-in settings and the built-in catalogue (the data contract's).
SiteConfig default_config();

// Reads site.toml. `indicators = "file.toml"` is resolved relative to it; its
// texts are read in the site's language, and the built-in school types are kept
// unless it names the same code in its own [[school_type]].
// Throws util::UsageError naming file and line on any mistake.
SiteConfig load_config(const std::filesystem::path& file);

// Replaces base_url and/or site_url of `config` (build --base-url, --site-url: a CI
// publishing under another address than site.toml says), checked as in site.toml.
// A site_url with a path sets base_url to it (both given: they must agree); a
// server address alone gets base_url added; "" removes site_url; a new base_url
// alone moves the configured site_url to that path. Throws util::UsageError.
void override_address(SiteConfig& config, const std::optional<std::string>& base_url,
                      const std::optional<std::string>& site_url);

// Parses a catalogue from TOML text; `source` names it in messages. Indicator
// titles, short titles, descriptions and school-type names are taken in
// `language`; an English text the file lacks falls back to the Russian one.
model::Catalogue parse_catalogue(std::string_view toml_text, const std::string& source,
                                 util::Language language = util::Language::ru);

// The built-in texts, as shipped in generator/defaults/.
std::string_view builtin_catalogue_toml();
std::string_view builtin_site_toml();

}  // namespace monsite::config
