#pragma once
// `monsite build`: the pipeline (pipeline.hpp) rendered into the staged
// on-disk sink (publisher.hpp) and published at once.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "monsite/config/config.hpp"
#include "monsite/site/manifest.hpp"
#include "monsite/site/pipeline.hpp"
#include "monsite/site/publisher.hpp"
#include "monsite/util/error.hpp"

namespace monsite::site {

// The pipeline's options and where the site goes.
struct BuildOptions : PipelineOptions {
    std::filesystem::path out_dir = "public";
    // Build even when the manifest (manifest.hpp) says nothing changed since the last build.
    bool force = false;
    // Called after the site is staged and before it is published, with the staged
    // site (complete, as it will be published) and the sink: files it adds are
    // published with the site, at once (build --pdf prints here). May throw.
    std::function<void(const std::filesystem::path& staged, OutputSink& sink)> before_publish;
};

struct BuildReport {
    std::string config;      // which configuration was used, for the summary
    std::vector<int> years;  // published
    std::size_t schools = 0; // in the latest published year
    std::size_t indicator_rows = 0;
    bool sitemap = false;    // sitemap.xml was written (it needs site_url)
    bool unchanged = false;  // nothing changed since the last build: nothing was read past hashing, nothing written
    std::vector<int> kept_years;  // years whose pages and downloads were carried over from the last build, not made again
    PublishReport files;
};

// Runs the pipeline, unless the manifest beside the output folder shows that
// no input changed and the output is as that build left it (then the report
// says `unchanged`, repeats that build's summary, and nothing is written).
// Otherwise every year is read and computed, but the pages and downloads of a
// year whose inputs did not change (manifest.hpp year_keys) are carried over
// from the last build, not made again (the report's kept_years; not with force). When the data has errors they are in `diags`, nothing is
// written, and the result is nullopt; in the strict mode (options.strict or
// strict = true) warnings count as errors: they are turned into errors in
// `diags` and nothing is written either. Configuration problems throw
// util::UsageError; I/O failures throw util::InternalError (the earlier output
// stays as it was in every case).
std::optional<BuildReport> build_site(const BuildOptions& options, util::Diagnostics& diags);

}  // namespace monsite::site
