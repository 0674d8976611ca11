#pragma once
// What a build read and what it wrote, kept beside the output folder (for
// --out public: .public.manifest), so that a rebuild whose inputs are all
// unchanged ends after hashing them and writes nothing, as ccache does for a
// compile. Never published: it names files and folders of this machine.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "monsite/model/dataset.hpp"
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

// The key of each published year's own files (its pages and school downloads): a
// hash of all they may depend on. That is every input but the year folders' data
// (configuration, site files, monsite itself), the published years, each year's
// schools (a school's page links it in every year it has one), and the data of
// every year up to the next one (a year's measures are judged by the year after).
// So a change in year Y's data changes the keys of Y - 1 and of every later year.
std::map<int, std::string> year_keys(const std::string& inputs, const std::vector<int>& years,
                                     const model::Dataset& data);

// What the last build left in `out_dir` that this one may keep: the years whose
// key (year_keys) is as the manifest at `file` records it and all of whose files
// are still there as that build left them (same size and time).
struct KeptOutput {
    std::vector<int> years;
    std::map<std::string, int> files;        // path below out_dir -> its year
    std::vector<std::string> sitemap_paths;  // the kept pages' addresses below the site root
};
KeptOutput kept_output(const std::filesystem::path& file, const std::map<int, std::string>& keys,
                       const std::filesystem::path& out_dir);

// Writes the manifest of a published build: `inputs`, the summary, the year keys,
// and the listing of `out_dir` with the year of each file that belongs to one
// year's pages (`file_years`; others are the whole site's). Replaced in one step.
// Throws util::InternalError.
void write_manifest(const std::filesystem::path& file, const std::string& inputs, const ManifestSummary& summary,
                    const std::filesystem::path& out_dir, const std::map<int, std::string>& keys = {},
                    const std::map<std::string, int>& file_years = {});

// Removes the manifest (a build that did not record one must not be skipped later).
void remove_manifest(const std::filesystem::path& file);

}  // namespace monsite::site
