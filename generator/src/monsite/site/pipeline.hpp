#pragma once
// The steps of making a site, for every front end (the CLI's build, a preview
// server, a PDF stage): load (configuration; the site's own files: theme,
// templates, texts, content pages; then the data) -> compute -> render into an
// OutputSink. A Pipeline owns everything it loads and computes.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "monsite/config/config.hpp"
#include "monsite/config/i18n.hpp"
#include "monsite/model/dataset.hpp"
#include "monsite/model/recommendation.hpp"
#include "monsite/model/results.hpp"
#include "monsite/render/pages.hpp"
#include "monsite/render/template.hpp"
#include "monsite/site/output_sink.hpp"
#include "monsite/util/error.hpp"

namespace monsite::site {

struct PipelineOptions {
    std::filesystem::path data_dir = "data";
    std::string display_dir;                           // how data_dir is named in messages
    std::optional<std::filesystem::path> config_file;  // default: <data>/site.toml if present, else built-in
    unsigned threads = 0;                              // 0: one per core
    bool strict = false;  // every warning is an error (also when the configuration says strict = true)
    bool pdf = false;     // the PDFs will be printed and published with the site: pages link them
    // Replace base_url / site_url of the configuration (config::override_address): build --base-url, --site-url.
    std::optional<std::string> base_url;
    std::optional<std::string> site_url;
    std::function<void(std::string_view step)> on_progress;  // "чтение и проверка данных", ...
    std::function<void(std::string_view file)> on_file;      // LoadOptions::on_file
    std::function<void(std::string_view note)> on_note;      // LoadOptions::on_note
};

class Pipeline {
public:
    explicit Pipeline(PipelineOptions options);

    // Step 1, all of load_config, load_site and load_data in that order.
    bool load(util::Diagnostics& diags);
    // The configuration (resolve_config). Throws util::UsageError for a faulty file.
    void load_config();
    // The site's own files, before any data is read: theme folders, templates,
    // the text catalogue, content pages, recommendation rules. Throws util::UsageError naming the file.
    void load_site(util::Diagnostics& diags);
    // Reads and validates the data, chooses the published years, finds the
    // chart scripts. False when the build must stop: the data has errors, or
    // the strict mode has warnings (then turned into errors in `diags`).
    // Throws util::UsageError (no data folder, a configured year without data).
    bool load_data(util::Diagnostics& diags);

    // Step 2: the indicators and groupings. Needs a successful load.
    void compute();

    // Step 3: open data, the theme's static files, the chart scripts and every
    // page, each added to `sink` as it is made. May be called again (another sink).
    void render(OutputSink& sink);

    // Years whose pages and downloads the output already holds from an earlier
    // build (manifest.hpp kept_output): render() leaves them out, and the caller
    // carries their files over. `sitemap_paths`: their pages, for sitemap.xml.
    void keep_years(std::vector<int> years, std::vector<std::string> sitemap_paths);
    // The published year of each file the last render() added that belongs to one year's pages; the whole site's are not listed.
    const std::map<std::string, int>& output_years() const { return output_years_; }

    // What was loaded and computed.
    const config::SiteConfig& config() const { return config_; }
    const std::string& config_used() const { return config_used_; }  // for the summary
    bool strict() const { return options_.strict || config_.strict; }
    const config::TextCatalogue& texts() const { return texts_; }
    // The rules of content/recommendations/ (load_site), sorted by id.
    const std::vector<model::RecommendationRule>& recommendations() const { return recommendations_; }
    const model::Dataset& data() const { return data_; }
    const model::Results& results() const { return results_; }
    const std::vector<model::YearDecisions>& decisions() const { return decisions_; }  // set by compute
    const std::vector<int>& years() const { return years_; }  // published, ascending
    std::size_t schools_in_latest_year() const;
    std::size_t indicator_rows() const { return indicator_rows_; }  // set by render
    bool sitemap() const { return !config_.site_url.empty(); }

private:
    void progress(std::string_view step) const;

    PipelineOptions options_;
    config::SiteConfig config_;
    std::string config_used_;
    std::filesystem::path root_;
    std::vector<std::filesystem::path> themes_;
    std::optional<render::Templates> templates_;
    config::TextCatalogue texts_;
    std::vector<render::ContentPage> content_;
    std::vector<model::RecommendationRule> recommendations_;
    model::Dataset data_;
    std::vector<int> years_;
    std::optional<std::vector<std::filesystem::path>> chart_scripts_;  // vega, vega-lite, vega-embed
    model::Results results_;
    std::vector<model::YearDecisions> decisions_;
    std::size_t indicator_rows_ = 0;
    std::vector<int> kept_years_;
    std::vector<std::string> kept_sitemap_paths_;
    std::map<std::string, int> output_years_;
};

// The configuration a run uses: the named file; else <data>/site.toml if it
// exists; else the built-in defaults. `used` says which, for the summary.
// Throws util::UsageError for a faulty file.
config::SiteConfig resolve_config(const std::filesystem::path& data_dir, const std::string& display_dir,
                                  const std::optional<std::filesystem::path>& config_file, std::string& used);

}  // namespace monsite::site
