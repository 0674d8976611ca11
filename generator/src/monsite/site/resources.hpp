#pragma once
// The files monsite ships with: the default theme, the text catalogues and
// the chart scripts (vega, vega-lite, vega-embed). Found at run time, the
// first of these that holds themes/default/templates/ winning:
//   1. $MONSITE_DATA_DIR, when set and not empty (tests, a moved install);
//      it must hold the files: a wrong value is an error, never skipped;
//   2. <folder of the executable>/../share/monsite/: the layout that
//      `cmake --install` writes (themes/default/, assets/vega*.min.js, i18n/,
//      content/: the pages `monsite new` starts a site from);
//   3. the source tree the binary was built from (a run from the build tree),
//      its chart scripts in node_modules/; left out when the environment has
//      MONSITE_NO_SOURCE_FALLBACK=1 (tests of an installed binary).

#include <array>
#include <filesystem>
#include <optional>
#include <vector>

namespace monsite::site {

struct Resources {
    std::filesystem::path root;  // the folder found (one of the three above)

    std::filesystem::path default_theme() const { return root / "themes" / "default"; }
    // The text catalogues (i18n/<lang>.toml); the folder may not exist yet.
    std::filesystem::path i18n() const { return root / "i18n"; }
    // Folders that may hold the chart scripts, in order: assets/ (installed),
    // node_modules/ (source tree).
    std::vector<std::filesystem::path> chart_script_folders() const;
};

// Finds the resource folder as above. Throws util::UsageError naming every
// place searched when none holds the default theme's templates.
Resources find_resources();

// The names the chart scripts are published under (assets/js/vendor/<name>).
inline constexpr std::array<const char*, 3> chart_script_names = {"vega.min.js", "vega-lite.min.js",
                                                                  "vega-embed.min.js"};

// The three chart script files in `folder`, in the order of chart_script_names:
// flat (folder/vega.min.js: the installed assets/) or as npm lays them out
// (folder/vega/build/vega.min.js: a node_modules/ folder); nullopt unless all
// three are there.
std::optional<std::array<std::filesystem::path, 3>> chart_scripts_in(const std::filesystem::path& folder);

}  // namespace monsite::site
