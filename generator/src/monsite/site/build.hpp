#pragma once
// The whole pipeline: load and validate the data, compute, render, publish.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "monsite/config/config.hpp"
#include "monsite/site/publisher.hpp"
#include "monsite/util/error.hpp"

namespace monsite::site {

struct BuildOptions {
    std::filesystem::path data_dir = "data";
    std::string display_dir;                    // how data_dir is named in messages
    std::filesystem::path out_dir = "public";
    std::optional<std::filesystem::path> config_file;  // default: <data>/site.toml if present, else built-in
    unsigned threads = 0;
    bool strict = false;  // every warning is an error (also when the configuration says strict = true)
    std::function<void(std::string_view step)> on_progress;
    std::function<void(std::string_view file)> on_file;
    std::function<void(std::string_view note)> on_note;  // LoadOptions::on_note
};

struct BuildReport {
    std::string config;      // which configuration was used, for the summary
    std::vector<int> years;  // published
    std::size_t schools = 0; // in the latest published year
    std::size_t indicator_rows = 0;
    bool sitemap = false;    // sitemap.xml was written (it needs site_url)
    PublishReport files;
};

// The configuration a run uses: the named file; else <data>/site.toml if it
// exists; else the built-in defaults. `used` says which, for the summary.
// Throws util::UsageError for a faulty file.
config::SiteConfig resolve_config(const std::filesystem::path& data_dir, const std::string& display_dir,
                                  const std::optional<std::filesystem::path>& config_file, std::string& used);

// Runs the pipeline. When the data has errors they are in `diags`, nothing is
// written, and the result is nullopt; in the strict mode (options.strict or
// strict = true) warnings count as errors: they are turned into errors in
// `diags` and nothing is written either. Configuration problems throw
// util::UsageError; I/O failures throw util::InternalError (the earlier output
// stays as it was in every case).
std::optional<BuildReport> build_site(const BuildOptions& options, util::Diagnostics& diags);

}  // namespace monsite::site
