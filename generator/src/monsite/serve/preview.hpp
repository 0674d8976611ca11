#pragma once
// The site `monsite serve` shows: built into memory through the pipeline
// (site/pipeline.hpp), rebuilt from the first stage a change touches
// (watch.hpp), never written to disk. While the inputs have errors the
// preview holds them instead of pages. One thread rebuilds; any number read.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "monsite/serve/watch.hpp"
#include "monsite/site/output_sink.hpp"
#include "monsite/site/pipeline.hpp"

namespace monsite::serve {

// One build's outcome, immutable once published; readers keep it alive by its shared_ptr.
struct Build {
    std::uint64_t generation = 0;          // 1, 2, ... one per rebuild, failed or not
    std::shared_ptr<site::MemorySink> files;  // the site; null when the build failed
    std::vector<std::string> errors;       // each error with its file and cell, as the CLI prints it
    std::vector<std::string> warnings;
    std::string base_url = "/";            // of the configuration used ("/" when it failed to load)
    std::string language = "ru";
    double seconds = 0;                    // how long the build took
    std::vector<std::string> stages;       // what was redone: "настройки", "тема и страницы", "данные", "расчёт", "вёрстка"
};

class PreviewSite {
public:
    // `options` as for a build; options.pdf is ignored (no PDFs in a preview).
    explicit PreviewSite(site::PipelineOptions options);
    ~PreviewSite();
    PreviewSite(const PreviewSite&) = delete;
    PreviewSite& operator=(const PreviewSite&) = delete;

    // Rebuilds from the stage `change` needs (Change::config: everything; a
    // stage that failed last time is always redone) and publishes the result.
    // Never throws for the site's mistakes: they become Build::errors.
    std::shared_ptr<const Build> rebuild(Change change);

    // The latest build (null before the first). Safe from any thread.
    std::shared_ptr<const Build> current() const;

private:
    site::PipelineOptions options_;
    std::unique_ptr<site::Pipeline> pipeline_;
    bool config_ok_ = false, site_ok_ = false, data_ok_ = false, computed_ = false;
    std::vector<std::string> data_warnings_;  // of the last reading of the data, shown with every build after it
    std::uint64_t generation_ = 0;
    mutable std::mutex lock_;
    std::shared_ptr<const Build> current_;
};

}  // namespace monsite::serve
