#include "monsite/site/sources.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <numeric>
#include <sstream>

#include "monsite/config/front_matter.hpp"
#include "monsite/render/markdown.hpp"
#include "monsite/render/template.hpp"
#include "monsite/site/resources.hpp"
#include "monsite/util/strings.hpp"

namespace monsite::site {
namespace {

namespace fs = std::filesystem;

bool plain_name(const std::string& name) {
    if (name.empty() || name.size() > 100) return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

std::string reserved_list() {
    std::string list;
    for (const auto& name : render::reserved_top_level_names()) list += (list.empty() ? "" : ", ") + name;
    return list;
}

// Refuses a page name the generator publishes itself: it would replace a
// generated page or be replaced by it, and the menu would show it twice.
void check_page_name(const std::string& name, const std::string& source) {
    const std::string lower = util::to_lower(name);
    const auto& reserved = render::reserved_top_level_names();
    if (std::find(reserved.begin(), reserved.end(), lower) != reserved.end())
        throw util::UsageError("имя страницы «" + name + "» занято: такой раздел или файл сайта создаёт сам генератор; "
                               "переименуйте файл (заняты имена " + reserved_list() + " и годы, например 2025)",
                               {source});
    if (lower.size() == 4 && std::all_of(lower.begin(), lower.end(), [](char c) { return c >= '0' && c <= '9'; }))
        throw util::UsageError("имя страницы «" + name + "» занято: имена из четырёх цифр — это отчёты по годам (/" +
                                   name + "/); переименуйте файл",
                               {source});
}

}  // namespace

std::string read_bytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    if (!in && !in.eof()) throw util::InternalError("не удалось прочитать " + file.string());
    return out.str();
}

fs::path site_root(const fs::path& data_dir) {
    fs::path parent = fs::absolute(data_dir).lexically_normal().parent_path();
    if (data_dir.filename().empty()) parent = parent.parent_path();  // "data/"
    std::error_code ec;
    const fs::path cwd = fs::current_path(ec);
    if (!ec) {
        fs::path relative = parent.lexically_relative(cwd);
        if (!relative.empty() && *relative.begin() != "..") return relative == "." ? fs::path() : relative;
    }
    return parent;
}

std::vector<fs::path> theme_folders(const fs::path& root, const std::string& theme) {
    const Resources resources = find_resources();
    std::vector<fs::path> folders;
    if (theme != "default") {
        const fs::path own = root / "themes" / theme;
        std::error_code ec;
        if (!fs::is_directory(own, ec))
            throw util::UsageError("тема «" + theme + "» не найдена: нет папки «" + own.generic_string() +
                                   "» (theme в настройках)");
        if (!fs::is_directory(own / "templates", ec) && !fs::is_directory(own / "static", ec))
            throw util::UsageError("тема «" + theme + "» пуста: в папке «" + own.generic_string() +
                                   "» нет ни templates/ (шаблоны), ни static/ (стили, скрипты, картинки)");
        folders.push_back(own);
    }
    folders.push_back(root / "themes" / "default");
    folders.push_back(resources.default_theme());
    return folders;
}

std::vector<render::ContentPage> load_content_pages(const fs::path& root, util::Diagnostics& diags) {
    std::vector<render::ContentPage> pages;
    std::vector<int> weights;
    fs::path dir = root / "content";
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return pages;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.is_regular_file() && e.path().extension() == ".md") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::map<std::string, std::string> by_lower;  // lower-case name -> the file that has it
    for (const auto& f : files) {
        std::string stem = f.stem().string();
        if (stem.starts_with("_") || stem.starts_with(".")) continue;
        std::string source = (fs::path("content") / f.filename()).generic_string();
        if (!plain_name(stem)) {
            diags.warning({source}, "страница пропущена: имя файла должно состоять из латинских букв, цифр, - и _");
            continue;
        }
        check_page_name(stem, source);
        // On a case-insensitive disk (Windows, macOS) About/ and about/ are one folder.
        auto [other, fresh] = by_lower.emplace(util::to_lower(stem), source);
        if (!fresh)
            throw util::UsageError("страница «" + stem + "» совпадает со страницей " + other->second +
                                       ": имена различаются только регистром букв; переименуйте один из файлов",
                                   {source});
        std::string text = read_bytes(f);
        config::SplitPage split = config::split_front_matter(text, source);
        if (split.front.draft) continue;
        render::MarkdownPage md = render::markdown_to_html(split.body);
        std::string title = !split.front.title.empty() ? split.front.title : !md.title.empty() ? md.title : stem;
        pages.push_back({stem, source, title, split.front.description, std::move(md.html)});
        weights.push_back(split.front.weight);
    }
    // Menu order: weight, then file name (names are unique).
    std::vector<std::size_t> order(pages.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (weights[a] != weights[b]) return weights[a] < weights[b];
        return pages[a].slug < pages[b].slug;
    });
    std::vector<render::ContentPage> sorted;
    for (auto i : order) sorted.push_back(std::move(pages[i]));
    return sorted;
}

bool is_ignored_name(const std::string& name) {
    if (name.empty()) return true;
    if (name.rfind("~$", 0) == 0 || name.rfind(".~lock.", 0) == 0) return true;
    if (name.back() == '~' || name.back() == '#') return true;
    auto ends = [&name](std::string_view tail) {
        return name.size() >= tail.size() && name.compare(name.size() - tail.size(), tail.size(), tail) == 0;
    };
    return ends(".swp") || ends(".swx") || ends(".tmp") || name == ".DS_Store";
}

}  // namespace monsite::site
