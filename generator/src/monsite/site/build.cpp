#include "monsite/site/build.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <optional>
#include <sstream>

#include "monsite/compute/compute.hpp"
#include "monsite/config/config.hpp"
#include "monsite/render/monitoring_xlsx.hpp"
#include "monsite/render/open_data.hpp"
#include "monsite/render/pages.hpp"
#include "monsite/render/site_json.hpp"
#include "monsite/render/template.hpp"
#include "monsite/site/load.hpp"
#include "monsite/site/resources.hpp"
#include "monsite/site/sources.hpp"

namespace monsite::site {
namespace {

namespace fs = std::filesystem;


// Refuses an output folder that would swallow the data (it is replaced whole).
void check_output_folder(const fs::path& out, const fs::path& data) {
    std::error_code ec;
    fs::path out_abs = fs::weakly_canonical(out, ec);
    fs::path data_abs = fs::weakly_canonical(data, ec);
    if (out_abs == out_abs.root_path())
        throw util::UsageError("папка для сайта не может быть корнем файловой системы");
    auto inside = [](const fs::path& inner, const fs::path& outer) {
        auto [o, i] = std::mismatch(outer.begin(), outer.end(), inner.begin(), inner.end());
        return o == outer.end();
    };
    if (inside(data_abs, out_abs))
        throw util::UsageError("папка для сайта «" + out.generic_string() +
                               "» содержит папку с данными: она заменяется целиком при каждой сборке");
    if (inside(out_abs, data_abs))
        throw util::UsageError("папка для сайта «" + out.generic_string() +
                               "» лежит внутри папки с данными; выберите папку вне её, например public");
}

// Every file below each theme's static/ folder, earlier themes winning.
void add_static_files(Publisher& publisher, const std::vector<fs::path>& themes) {
    for (const auto& theme : themes) {
        fs::path dir = theme / "static";
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) continue;
        std::vector<fs::path> files;
        for (const auto& e : fs::recursive_directory_iterator(dir))
            if (e.is_regular_file()) files.push_back(e.path());
        std::sort(files.begin(), files.end());
        for (const auto& f : files) {
            std::string relative = "assets/" + fs::relative(f, dir).generic_string();
            if (publisher.contains(relative)) continue;
            if (!is_safe_relative_path(relative))
                throw util::UsageError("имя файла темы недопустимо для сайта (латиница, цифры, . - _)", {f.generic_string()});
            publisher.add(relative, read_bytes(f), f.generic_string());
        }
    }
}

// The chart scripts (vega, vega-lite, vega-embed): the site's own node_modules/
// first, then monsite's (site/resources.hpp); none, and a warning.
std::optional<std::array<fs::path, 3>> find_chart_scripts(const fs::path& root, util::Diagnostics& diags) {
    std::vector<fs::path> folders{root / "node_modules"};
    for (const auto& f : find_resources().chart_script_folders()) folders.push_back(f);
    for (const auto& folder : folders)
        if (auto files = chart_scripts_in(folder)) return files;
    diags.warning({}, "не найдены пакеты vega, vega-lite и vega-embed (node_modules): диаграммы будут показаны "
                      "только таблицами; установите их командой npm ci");
    return std::nullopt;
}

bool add_chart_scripts(Publisher& publisher, const std::optional<std::array<fs::path, 3>>& files) {
    if (!files) return false;
    for (std::size_t i = 0; i < files->size(); ++i)
        publisher.add(std::string("assets/js/vendor/") + chart_script_names[i], read_bytes((*files)[i]),
                      (*files)[i].generic_string());
    return true;
}

// Ascending, each year once: the latest is published at the root and never also as an archive.
std::vector<int> published_years(const config::SiteConfig& config, const model::Dataset& data) {
    std::vector<int> years;
    for (const auto& y : data.years) years.push_back(y.year);
    std::sort(years.begin(), years.end());
    years.erase(std::unique(years.begin(), years.end()), years.end());
    if (config.years.empty()) return years;
    for (int wanted : config.years)
        if (std::find(years.begin(), years.end(), wanted) == years.end())
            throw util::UsageError("в настройке years указан " + std::to_string(wanted) +
                                       " год, но папки этого года нет в данных",
                                   {config.source.generic_string()});
    std::vector<int> wanted = config.years;
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    return wanted;
}

}  // namespace

config::SiteConfig resolve_config(const fs::path& data_dir, const std::string& display_dir,
                                  const std::optional<fs::path>& config_file, std::string& used) {
    if (config_file) {
        used = config_file->generic_string();
        return config::load_config(*config_file);
    }
    fs::path beside_data = data_dir / "site.toml";
    std::error_code ec;
    if (fs::is_regular_file(beside_data, ec)) {
        used = (fs::path(display_dir.empty() ? data_dir.generic_string() : display_dir) / "site.toml").generic_string();
        return config::load_config(beside_data);
    }
    used = "встроенная (по умолчанию)";
    return config::default_config();
}

std::optional<BuildReport> build_site(const BuildOptions& options, util::Diagnostics& diags) {
    auto progress = [&](std::string_view step) {
        if (options.on_progress) options.on_progress(step);
    };
    BuildReport report;
    config::SiteConfig config = resolve_config(options.data_dir, options.display_dir, options.config_file, report.config);
    check_output_folder(options.out_dir, options.data_dir);
    // The strict mode: a warning stops the build like an error; nothing is published.
    const bool strict = options.strict || config.strict;
    auto refuse = [&]() -> std::optional<BuildReport> {
        if (strict) diags.warnings_to_errors();
        return std::nullopt;
    };
    // The site's own files first: their mistakes are found before the long reading of the data.
    const fs::path root = site_root(options.data_dir);
    const auto themes = theme_folders(root, config.theme);
    std::vector<fs::path> template_dirs;
    for (const auto& t : themes) template_dirs.push_back(t / "templates");
    render::Templates templates = render::Templates::load(template_dirs);
    const config::TextCatalogue texts =
        config::load_texts(util::parse_language(config.language).value_or(util::Language::ru), root);
    std::vector<render::ContentPage> content = load_content_pages(root, diags);

    progress("чтение и проверка данных");
    LoadOptions load;
    load.data_dir = options.data_dir;
    load.display_dir = options.display_dir;
    load.threads = options.threads;
    load.on_file = options.on_file;
    for (const auto& ind : config.catalogue.indicators) load.indicator_ids.push_back(ind.id);
    load.indicators = indicator_inputs(config.catalogue);
    load.on_note = options.on_note;
    model::Dataset data = load_dataset(load, diags);
    if (diags.has_errors()) return refuse();

    report.years = published_years(config, data);
    const auto chart_scripts = find_chart_scripts(root, diags);
    // Every warning is known by now (computing and rendering add none): the
    // strict mode stops here, before anything, even a scratch folder, is written.
    if (strict && diags.warning_count() > 0) return refuse();

    progress("расчёт показателей и группировок");
    model::Results results = compute::compute(data, config.catalogue, config.rules);

    progress("подготовка открытых данных");
    Publisher publisher(options.out_dir);
    auto indicator_rows = render::indicator_rows(results, config.catalogue, report.years);
    auto school_rows = render::school_rows(results, data, report.years);
    report.indicator_rows = indicator_rows.size();
    publisher.add("data/indicators.csv", render::indicators_csv(indicator_rows), "открытые данные (indicators.csv)");
    publisher.add("data/schools.csv", render::schools_csv(school_rows), "открытые данные (schools.csv)");
    fs::path workbook = publisher.scratch_dir() / "monitoring.xlsx";
    render::write_monitoring_xlsx(workbook, indicator_rows, school_rows, texts);
    publisher.add("data/monitoring.xlsx", read_bytes(workbook), "открытые данные (monitoring.xlsx)");
    render::SiteInfo info{config.municipality, config.department, config.base_url, config.language, report.years};
    publisher.add("data/site.json", render::site_json(info, data, results, config.catalogue, config.rules, texts),
                  "открытые данные (site.json)");

    progress("страницы сайта");
    add_static_files(publisher, themes);
    render::PagesInput pages_input{info, data, results, config.catalogue, config.rules, texts, std::move(content),
                                   add_chart_scripts(publisher, chart_scripts), config.site_url};
    for (auto& page : render::build_pages(pages_input, templates, options.threads))
        publisher.add(page.path, std::move(page.body), page.origin);
    report.sitemap = !config.site_url.empty();
    if (!report.years.empty())
        if (const auto* latest = data.find_year(report.years.back())) report.schools = latest->schools.size();

    if (strict && diags.warning_count() > 0) return refuse();  // should a later stage ever warn

    progress("публикация");
    report.files = publisher.commit();
    return report;
}

}  // namespace monsite::site
