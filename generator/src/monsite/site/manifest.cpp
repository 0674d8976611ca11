#include "monsite/site/manifest.hpp"

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

#include "monsite/site/resources.hpp"
#include "monsite/site/sources.hpp"
#include "monsite/util/error.hpp"

namespace monsite::site {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view header = "monsite-manifest 2\n";
constexpr std::string_view summary_mark = "summary ";
constexpr std::string_view output_mark = "output ";
constexpr std::string_view year_mark = "year ";
constexpr std::string_view data_file_mark = "file data/";

std::int64_t nanoseconds(fs::file_time_type t) {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
}

std::string hex(std::size_t v) {
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016zx", v);
    return buffer;
}

// "file <label>/<path> <size> <hash>" for a file; its bytes hashed with the standard library's
// 64-bit hash (the manifest is compared only by the same build of monsite, named in it).
void add_file(std::vector<std::string>& lines, const std::string& label, const fs::path& file) {
    const std::string bytes = read_bytes(file);
    lines.push_back("file " + label + ' ' + std::to_string(bytes.size()) + ' ' +
                    hex(std::hash<std::string_view>{}(bytes)));
}

// Every regular file below `folder` (or `folder` itself), by path, labelled `label`/relative path.
void add_tree(std::vector<std::string>& lines, const std::string& label, const fs::path& folder) {
    std::error_code ec;
    if (fs::is_regular_file(folder, ec)) {
        add_file(lines, label, folder);
        return;
    }
    if (!fs::is_directory(folder, ec)) return;
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(folder, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (is_ignored_name(name)) continue;
        // The data folder holds years and settings; a node_modules/ or .git/ beside is not read.
        if (it->is_directory(ec) && (name == "node_modules" || name == ".git")) {
            it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file(ec)) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) add_file(lines, label + '/' + fs::relative(f, folder).generic_string(), f);
}

// Path -> "size time" of every regular file of the output folder.
std::map<std::string, std::string> listing(const fs::path& out_dir) {
    std::map<std::string, std::string> files;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(out_dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        auto size = it->file_size(ec);
        if (ec) continue;
        auto time = it->last_write_time(ec);
        if (ec) continue;
        files.emplace(fs::relative(it->path(), out_dir).generic_string(),
                      std::to_string(size) + ' ' + std::to_string(nanoseconds(time)));
    }
    return files;
}

std::string join_years(const std::vector<int>& years) {
    std::string out;
    for (int y : years) out += (out.empty() ? "" : ",") + std::to_string(y);
    return out.empty() ? "-" : out;
}

std::optional<ManifestSummary> parse_summary(const std::string& line) {
    std::istringstream in(line.substr(summary_mark.size()));
    std::string years;
    ManifestSummary s;
    int sitemap = 0;
    if (!(in >> years >> s.schools >> s.indicator_rows >> sitemap)) return std::nullopt;
    s.sitemap = sitemap != 0;
    if (years == "-") return s;
    for (std::size_t pos = 0; pos < years.size();) {
        std::size_t comma = std::min(years.find(',', pos), years.size());
        int y = 0;
        if (std::from_chars(years.data() + pos, years.data() + comma, y).ec != std::errc()) return std::nullopt;
        s.years.push_back(y);
        pos = comma + 1;
    }
    return s;
}

// An output line, "output <size> <time> <year> <path>" (the path last, as it may hold spaces).
struct OutputLine {
    std::string path, stamp;  // stamp: "<size> <time>", as listing() gives it
    int year = 0;
};

std::optional<OutputLine> parse_output(const std::string& line) {
    if (line.rfind(output_mark, 0) != 0) return std::nullopt;
    std::size_t first = line.find(' ', output_mark.size());
    std::size_t second = first == std::string::npos ? first : line.find(' ', first + 1);
    std::size_t third = second == std::string::npos ? second : line.find(' ', second + 1);
    if (third == std::string::npos) return std::nullopt;
    OutputLine out;
    out.stamp = line.substr(output_mark.size(), second - output_mark.size());
    if (std::from_chars(line.data() + second + 1, line.data() + third, out.year).ec != std::errc()) return std::nullopt;
    out.path = line.substr(third + 1);
    return out;
}

// The year folder a "file data/<year>/..." line of describe_inputs names, or 0.
int data_year(std::string_view line) {
    if (line.rfind(data_file_mark, 0) != 0) return 0;
    std::string_view rest = line.substr(data_file_mark.size());
    std::size_t slash = rest.find('/');
    if (slash != 4) return 0;
    int year = 0;
    auto [end, ec] = std::from_chars(rest.data(), rest.data() + 4, year);
    return ec == std::errc() && end == rest.data() + 4 ? year : 0;
}

}  // namespace

fs::path manifest_path(const fs::path& out_dir) {
    // "public/", "./public/." and "public" name one folder, and one manifest.
    fs::path out = fs::absolute(out_dir).lexically_normal();
    if (out.filename().empty()) out = out.parent_path();
    return out.parent_path() / ("." + out.filename().string() + ".manifest");
}

std::string describe_inputs(const PipelineOptions& options) {
    std::vector<std::string> lines;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    std::string program = std::string("program ") + MONSITE_VERSION;
    if (!ec) {
        auto size = fs::file_size(exe, ec);
        auto time = fs::last_write_time(exe, ec);
        if (!ec) program += ' ' + exe.generic_string() + ' ' + std::to_string(size) + ' ' + std::to_string(nanoseconds(time));
    }
    lines.push_back(program);
    lines.push_back(std::string("options strict=") + (options.strict ? "1" : "0") + " pdf=" + (options.pdf ? "1" : "0") +
                    " base_url=" + (options.base_url ? "[" + *options.base_url + "]" : "-") +
                    " site_url=" + (options.site_url ? "[" + *options.site_url + "]" : "-"));
    // The environment variables that choose monsite's own files.
    for (const char* name : {"MONSITE_DATA_DIR", "MONSITE_NO_SOURCE_FALLBACK"}) {
        const char* value = std::getenv(name);
        lines.push_back(std::string("env ") + name + "=[" + (value ? value : "") + "]");
    }
    const fs::path data = fs::absolute(options.data_dir);
    lines.push_back("data " + data.generic_string());
    add_tree(lines, "data", options.data_dir);
    if (options.config_file) {
        lines.push_back("config " + fs::absolute(*options.config_file).generic_string());
        add_file(lines, "config", *options.config_file);
    }
    const fs::path root = site_root(options.data_dir);
    for (const char* folder : {"content", "themes", "i18n"}) add_tree(lines, std::string("site/") + folder, root / folder);
    if (auto files = chart_scripts_in(root / "node_modules"))
        for (const auto& f : *files) add_file(lines, "site/node_modules/" + f.filename().string(), f);
    const Resources shipped = find_resources();
    lines.push_back("shipped " + fs::absolute(shipped.root).generic_string());
    add_tree(lines, "shipped/themes/default", shipped.default_theme());
    add_tree(lines, "shipped/i18n", shipped.i18n());
    for (const auto& folder : shipped.chart_script_folders())
        if (auto files = chart_scripts_in(folder))
            for (const auto& f : *files) add_file(lines, "shipped/" + f.filename().string(), f);
    std::string text(header);
    for (const auto& line : lines) text += line + '\n';
    return text;
}

std::optional<ManifestSummary> unchanged_build(const fs::path& file, const std::string& inputs, const fs::path& out_dir) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (text.compare(0, inputs.size(), inputs) != 0) return std::nullopt;
    std::istringstream rest(text.substr(inputs.size()));
    std::string line;
    if (!std::getline(rest, line) || line.rfind(summary_mark, 0) != 0) return std::nullopt;
    auto summary = parse_summary(line);
    if (!summary) return std::nullopt;
    std::map<std::string, std::string> recorded;
    while (std::getline(rest, line)) {
        if (line.rfind(year_mark, 0) == 0) continue;
        auto output = parse_output(line);
        if (!output) return std::nullopt;
        recorded.emplace(std::move(output->path), std::move(output->stamp));
    }
    std::error_code ec;
    if (!fs::is_directory(out_dir, ec) || recorded != listing(out_dir)) return std::nullopt;
    return summary;
}

std::map<int, std::string> year_keys(const std::string& inputs, const std::vector<int>& years,
                                     const model::Dataset& data) {
    std::string site;                     // every input line but the year folders' data
    std::map<int, std::string> year_data; // year folder -> its data lines
    std::istringstream in(inputs);
    for (std::string line; std::getline(in, line);) {
        if (int year = data_year(line)) year_data[year] += line + '\n';
        else site += line + '\n';
    }
    site += "published " + join_years(years) + '\n';
    for (const auto& y : data.years) {
        site += "schools " + std::to_string(y.year) + (y.has_teachers ? " teachers" : "");
        for (const auto& s : y.schools) site += ' ' + s.school_id;
        site += '\n';
    }
    std::map<int, std::string> keys;
    for (int year : years) {
        std::string all = site + "year " + std::to_string(year) + '\n';
        for (const auto& [folder, lines] : year_data)
            if (folder <= year + 1) all += lines;
        keys[year] = hex(std::hash<std::string_view>{}(all));
    }
    return keys;
}

KeptOutput kept_output(const fs::path& file, const std::map<int, std::string>& keys, const fs::path& out_dir) {
    KeptOutput kept;
    std::ifstream in(file, std::ios::binary);
    std::string line;
    if (!in || !std::getline(in, line) || line + '\n' != header) return kept;
    std::map<int, bool> same;  // year -> its key and files are as recorded
    std::map<int, std::vector<OutputLine>> files;
    while (std::getline(in, line)) {
        if (line.rfind(year_mark, 0) == 0) {
            std::istringstream fields(line.substr(year_mark.size()));
            int year = 0;
            std::string key;
            if (fields >> year >> key) {
                auto it = keys.find(year);
                same[year] = it != keys.end() && it->second == key;
            }
        } else if (auto output = parse_output(line); output && output->year != 0) {
            files[output->year].push_back(std::move(*output));
        }
    }
    const auto now = listing(out_dir);
    for (auto& [year, outputs] : files) {
        if (!same[year]) continue;
        bool intact = std::all_of(outputs.begin(), outputs.end(), [&](const OutputLine& o) {
            auto it = now.find(o.path);
            return it != now.end() && it->second == o.stamp;
        });
        if (!intact) continue;
        kept.years.push_back(year);
        for (auto& o : outputs) {
            // A page is kept as its folder's index.html (render::SiteBuilder::emit); its address is the folder.
            constexpr std::string_view index = "index.html";
            if (o.path == index || (o.path.size() > index.size() && o.path.ends_with("/index.html")))
                kept.sitemap_paths.push_back(o.path.substr(0, o.path.size() - index.size()));
            kept.files.emplace(std::move(o.path), year);
        }
    }
    return kept;
}

void write_manifest(const fs::path& file, const std::string& inputs, const ManifestSummary& summary,
                    const fs::path& out_dir, const std::map<int, std::string>& keys,
                    const std::map<std::string, int>& file_years) {
    std::string text = inputs;
    text += std::string(summary_mark) + join_years(summary.years) + ' ' + std::to_string(summary.schools) + ' ' +
            std::to_string(summary.indicator_rows) + ' ' + (summary.sitemap ? "1" : "0") + '\n';
    for (const auto& [year, key] : keys) text += std::string(year_mark) + std::to_string(year) + ' ' + key + '\n';
    for (const auto& [path, stamp] : listing(out_dir)) {
        auto it = file_years.find(path);
        text += std::string(output_mark) + stamp + ' ' + std::to_string(it == file_years.end() ? 0 : it->second) + ' ' +
                path + '\n';
    }
    const fs::path temporary = file.parent_path() / (file.filename().string() + ".tmp-" + std::to_string(::getpid()));
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << text;
        if (!out.flush()) throw util::InternalError("не удалось записать файл сборки", {temporary.string()});
    }
    std::error_code ec;
    fs::rename(temporary, file, ec);
    if (ec) {
        fs::remove(temporary, ec);
        throw util::InternalError("не удалось записать файл сборки", {file.string()});
    }
}

void remove_manifest(const fs::path& file) {
    std::error_code ec;
    fs::remove(file, ec);
}

}  // namespace monsite::site
