#pragma once
// Site configuration (site.toml) and the indicator catalogue (indicators.toml).
// Every setting has a default; an unknown key is an error naming file and line.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "monsite/model/exact.hpp"
#include "monsite/model/indicator.hpp"

namespace monsite::config {

struct SiteConfig {
    std::string municipality = "Муниципальное образование";
    std::string department = "Орган управления образованием";
    std::string base_url = "/";
    std::vector<int> years;  // years to publish; empty: every year in the data
    std::string language = "ru";
    std::string theme = "default";
    int min_group = 5;                          // suppression threshold for sensitive values
    model::Exact group_high = 70;               // composite >= this: high effectiveness
    model::Exact group_medium = 40;             // composite >= this: medium
    model::Exact direction_high = model::Exact::fraction(3, 2);   // direction mean >= 1.5: high
    model::Exact direction_low = model::Exact::fraction(3, 4);    // direction mean < 0.75: low
    int partners_per_direction = 2;
    model::Exact problem_percent_points = 5;    // wrong-way move in percent units
    model::Exact problem_relative_percent = 10; // wrong-way move in other units, % of the value
    model::Catalogue catalogue;                 // the built-in one unless `indicators` names a file
    std::filesystem::path source;               // the config file, empty for defaults
};

// The defaults: built-in settings and the built-in catalogue (the data contract's).
SiteConfig default_config();

// Reads site.toml. `indicators = "file.toml"` is resolved relative to it.
// Throws util::UsageError naming file and line on any mistake.
SiteConfig load_config(const std::filesystem::path& file);

// Parses a catalogue from TOML text; `source` names it in messages.
model::Catalogue parse_catalogue(std::string_view toml_text, const std::string& source);

// The built-in texts, as shipped in generator/defaults/.
std::string_view builtin_catalogue_toml();
std::string_view builtin_site_toml();

}  // namespace monsite::config
