#include "monsite/site/resources.hpp"

#include <cstdlib>
#include <string_view>
#include <system_error>

#include "monsite/util/error.hpp"

namespace monsite::site {
namespace {

namespace fs = std::filesystem;

// npm's layout of each script below node_modules/, in the order of chart_script_names.
constexpr std::array<const char*, 3> npm_paths = {"vega/build/vega.min.js", "vega-lite/build/vega-lite.min.js",
                                                  "vega-embed/build/vega-embed.min.js"};

std::string environment(const char* name) {
    const char* value = std::getenv(name);
    return value ? std::string(value) : std::string();
}

bool holds_theme(const fs::path& root) {
    std::error_code ec;
    return fs::is_directory(root / "themes" / "default" / "templates", ec);
}

// <folder of the running executable>/../share/monsite, or empty where the
// system does not say (only Linux's /proc is asked).
fs::path installed_root() {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec || exe.empty()) return {};
    return (exe.parent_path() / ".." / "share" / "monsite").lexically_normal();
}

}  // namespace

std::vector<fs::path> Resources::chart_script_folders() const { return {root / "assets", root / "node_modules"}; }

Resources find_resources() {
    const std::string override_dir = environment("MONSITE_DATA_DIR");
    if (!override_dir.empty()) {
        if (!holds_theme(override_dir))
            throw util::UsageError("в папке «" + override_dir +
                                   "» (переменная окружения MONSITE_DATA_DIR) нет темы по умолчанию: нет папки "
                                   "themes/default/templates");
        return {fs::path(override_dir)};
    }
    std::string searched;
    if (fs::path installed = installed_root(); !installed.empty()) {
        if (holds_theme(installed)) return {installed};
        searched = installed.generic_string();
    }
    if (environment("MONSITE_NO_SOURCE_FALLBACK") != "1") {
        const fs::path source(MONSITE_SOURCE_DIR);
        if (holds_theme(source)) return {source};
        searched += (searched.empty() ? "" : ", ") + source.generic_string();
    }
    throw util::UsageError("не найдены файлы monsite (тема по умолчанию themes/default/templates; искали: " + searched +
                           "): установите monsite командой cmake --install или укажите их папку в переменной "
                           "окружения MONSITE_DATA_DIR");
}

std::optional<std::array<fs::path, 3>> chart_scripts_in(const fs::path& folder) {
    for (bool npm : {false, true}) {
        std::array<fs::path, 3> files;
        bool all = true;
        for (std::size_t i = 0; i < files.size(); ++i) {
            files[i] = folder / (npm ? npm_paths[i] : chart_script_names[i]);
            std::error_code ec;
            all = all && fs::is_regular_file(files[i], ec);
        }
        if (all) return files;
    }
    return std::nullopt;
}

}  // namespace monsite::site
