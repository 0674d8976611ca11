#pragma once
// What a build read and what it wrote, kept beside the output folder (for
// --out public: .public.manifest), so that a rebuild whose inputs are all
// unchanged ends after hashing them and writes nothing, as ccache does for a
// compile. Never published: it names files and folders of this machine.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "monsite/site/pipeline.hpp"

namespace monsite::site {

// The manifest's file for an output folder: a hidden sibling of it.
std::filesystem::path manifest_path(const std::filesystem::path& out_dir);

// The inputs of a build as text: monsite's version and executable (size and
// time), the options that change the output, and the path, size and content
// hash of every file the build may read (the data folder, the configuration,
// the site's content/, themes/ and i18n/, monsite's default theme, catalogues
// and chart scripts). Office lock files and editors' backups are left out.
std::string describe_inputs(const PipelineOptions& options);

// What a finished build reports, kept so that a skipped one can say it again.
struct ManifestSummary {
    std::vector<int> years;
    std::size_t schools = 0;
    std::size_t indicator_rows = 0;
    bool sitemap = false;
};

// The summary of the last build when the manifest at `file` holds exactly
// `inputs` and every file it lists in `out_dir` is still there with the same
// size and time, and no other file is; nullopt otherwise (no manifest, a
// changed input, a touched output).
std::optional<ManifestSummary> unchanged_build(const std::filesystem::path& file, const std::string& inputs,
                                               const std::filesystem::path& out_dir);

// Writes the manifest of a published build: `inputs`, the summary and the
// listing of `out_dir` (replaced in one step). Throws util::InternalError.
void write_manifest(const std::filesystem::path& file, const std::string& inputs, const ManifestSummary& summary,
                    const std::filesystem::path& out_dir);

// Removes the manifest (a build that did not record one must not be skipped later).
void remove_manifest(const std::filesystem::path& file);

}  // namespace monsite::site
