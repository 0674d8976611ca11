#include "monsite/site/pipeline.hpp"

#include <algorithm>
#include <array>

#include "monsite/compute/compute.hpp"
#include "monsite/compute/recommendations.hpp"
#include "monsite/render/monitoring_xlsx.hpp"
#include "monsite/render/open_data.hpp"
#include "monsite/render/recommendation_view.hpp"
#include "monsite/render/school_downloads.hpp"
#include "monsite/render/site_json.hpp"
#include "monsite/render/summaries.hpp"
#include "monsite/site/load.hpp"
#include "monsite/site/resources.hpp"
#include "monsite/site/sources.hpp"
#include "monsite/util/language.hpp"
#include "monsite/util/memory.hpp"

namespace monsite::site {
namespace {

namespace fs = std::filesystem;

// Every file below each theme's static/ folder, earlier themes winning.
void add_static_files(OutputSink& sink, const std::vector<fs::path>& themes) {
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
            if (sink.contains(relative)) continue;
            if (!is_safe_relative_path(relative))
                throw util::UsageError("имя файла темы недопустимо для сайта (латиница, цифры, . - _)", {f.generic_string()});
            sink.add(relative, read_bytes(f), f.generic_string());
        }
    }
}

// The chart scripts (vega, vega-lite, vega-embed): the site's own node_modules/
// first, then monsite's (site/resources.hpp); none, and a warning.
std::optional<std::vector<fs::path>> find_chart_scripts(const fs::path& root, util::Diagnostics& diags) {
    std::vector<fs::path> folders{root / "node_modules"};
    for (const auto& f : find_resources().chart_script_folders()) folders.push_back(f);
    for (const auto& folder : folders)
        if (auto files = chart_scripts_in(folder)) return std::vector<fs::path>(files->begin(), files->end());
    diags.warning({}, "не найдены пакеты vega, vega-lite и vega-embed (node_modules): диаграммы будут показаны "
                      "только таблицами; установите их командой npm ci");
    return std::nullopt;
}

bool add_chart_scripts(OutputSink& sink, const std::optional<std::vector<fs::path>>& files) {
    if (!files) return false;
    for (std::size_t i = 0; i < files->size(); ++i)
        sink.add(std::string("assets/js/vendor/") + chart_script_names[i], read_bytes((*files)[i]),
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

Pipeline::Pipeline(PipelineOptions options) : options_(std::move(options)) {}

void Pipeline::progress(std::string_view step) const {
    if (options_.on_progress) options_.on_progress(step);
}

std::size_t Pipeline::schools_in_latest_year() const {
    if (years_.empty()) return 0;
    const auto* latest = data_.find_year(years_.back());
    return latest ? latest->schools.size() : 0;
}

bool Pipeline::load(util::Diagnostics& diags) {
    load_config();
    load_site(diags);
    return load_data(diags);
}

void Pipeline::load_config() {
    config_ = resolve_config(options_.data_dir, options_.display_dir, options_.config_file, config_used_);
    if (options_.base_url || options_.site_url) config::override_address(config_, options_.base_url, options_.site_url);
}

void Pipeline::load_site(util::Diagnostics& diags) {
    root_ = site_root(options_.data_dir);
    themes_ = theme_folders(root_, config_.theme);
    std::vector<fs::path> template_dirs;
    for (const auto& t : themes_) template_dirs.push_back(t / "templates");
    templates_.emplace(render::Templates::load(template_dirs));
    texts_ = config::load_texts(config::site_language(config_), root_);
    content_ = load_content_pages(root_, diags);
    recommendations_ = load_recommendations(root_, config::site_language(config_), config_.catalogue);
}

bool Pipeline::load_data(util::Diagnostics& diags) {
    auto refuse = [&] {
        if (strict()) diags.warnings_to_errors();
        return false;
    };
    progress("чтение и проверка данных");
    LoadOptions load;
    load.data_dir = options_.data_dir;
    load.display_dir = options_.display_dir;
    load.threads = options_.threads;
    load.on_file = options_.on_file;
    for (const auto& ind : config_.catalogue.indicators) load.indicator_ids.push_back(ind.id);
    load.indicators = indicator_inputs(config_.catalogue);
    load.on_note = options_.on_note;
    load.closed_schools = config_.closed_schools;
    data_ = load_dataset(load, diags);
    util::release_free_memory();  // the tables and rows read are gone: only the dataset stays
    if (diags.has_errors()) return refuse();

    years_ = published_years(config_, data_);
    chart_scripts_ = find_chart_scripts(root_, diags);
    // Every warning is known by now (computing and rendering add none): the
    // strict mode stops here, before anything, even a scratch folder, is written.
    if (strict() && diags.warning_count() > 0) return refuse();
    return true;
}

void Pipeline::compute() {
    progress("расчёт показателей и группировок");
    results_ = compute::compute(data_, config_.catalogue, config_.rules);
    decisions_ = compute::decide(data_, results_, config_.catalogue, config_.rules, recommendations_);
}

void Pipeline::render(OutputSink& sink) {
    render::SiteInfo info{config_.municipality, config_.department, config_.base_url, config_.language, years_, options_.pdf};
    const auto* latest = years_.empty() ? nullptr : data_.find_year(years_.back());
    info.large = latest && render::is_large_site(latest->schools.size(), config_.full_lists_up_to);
    const bool charts = chart_scripts_.has_value();
    render::PagesInput pages{info,   data_,   results_, config_.catalogue, config_.rules,  texts_,
                             content_, charts, config_.site_url, recommendations_, decisions_};
    pages.kept_years = kept_years_;
    pages.kept_sitemap_paths = kept_sitemap_paths_;
    output_years_.clear();
    // Pages and downloads arrive one at a time (render::PageSink): each year's are remembered.
    auto deliver = [this, &sink](render::Page page) {
        if (page.year != 0) output_years_[page.path] = page.year;
        sink.add(page.path, std::move(page.body), std::move(page.origin));
    };
    progress("подготовка открытых данных");
    {  // the rows are freed before the rest is made
        auto indicator_rows = render::indicator_rows(results_, config_.catalogue, years_);
        auto school_rows = render::school_rows(results_, data_, years_);
        indicator_rows_ = indicator_rows.size();
        sink.add("data/indicators.csv", render::indicators_csv(indicator_rows), "открытые данные (indicators.csv)");
        sink.add("data/schools.csv", render::schools_csv(school_rows), "открытые данные (schools.csv)");
        fs::path workbook = sink.scratch_dir() / "monitoring.xlsx";
        render::write_monitoring_xlsx(workbook, indicator_rows, school_rows, texts_,
                                      render::monitoring_names(data_, config_.catalogue, config_.municipality));
        sink.add("data/monitoring.xlsx", read_bytes(workbook), "открытые данные (monitoring.xlsx)");
    }
    util::release_free_memory();
    render::site_json_files(pages, [&sink](std::string path, std::string text) {
        sink.add(path, std::move(text), "открытые данные (site.json)");
    });
    sink.add("data/recommendations.csv", render::recommendations_csv(pages), "открытые данные (recommendations.csv)");
    render::school_downloads(pages, sink.scratch_dir(), deliver, options_.threads);
    progress("страницы сайта");
    add_static_files(sink, themes_);
    pages.charts_script = add_chart_scripts(sink, chart_scripts_);
    render::build_pages(pages, *templates_, deliver, options_.threads);
}

void Pipeline::keep_years(std::vector<int> years, std::vector<std::string> sitemap_paths) {
    kept_years_ = std::move(years);
    kept_sitemap_paths_ = std::move(sitemap_paths);
}

}  // namespace monsite::site
