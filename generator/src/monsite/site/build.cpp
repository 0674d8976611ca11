#include "monsite/site/build.hpp"

#include <algorithm>
#include <map>

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

}  // namespace

std::optional<BuildReport> build_site(const BuildOptions& options, util::Diagnostics& diags) {
    Pipeline pipeline(options);
    BuildReport report;
    pipeline.load_config();
    report.config = pipeline.config_used();
    check_output_folder(options.out_dir, options.data_dir);
    // Nothing changed, nothing done: hashing the inputs is all a repeated build costs.
    const fs::path manifest = manifest_path(options.out_dir);
    const std::string inputs = describe_inputs(options);
    if (!options.force)
        if (auto last = unchanged_build(manifest, inputs, options.out_dir)) {
            report.years = last->years;
            report.schools = last->schools;
            report.indicator_rows = last->indicator_rows;
            report.sitemap = last->sitemap;
            report.unchanged = true;
            return report;
        }
    // The site's own files first: their mistakes are found before the long reading of the data.
    pipeline.load_site(diags);
    if (!pipeline.load_data(diags)) return std::nullopt;
    pipeline.compute();
    // A year whose inputs did not change keeps the pages and downloads the last build made of it.
    const auto keys = year_keys(inputs, pipeline.years(), pipeline.data());
    KeptOutput kept;
    if (!options.force) kept = kept_output(manifest, keys, options.out_dir);
    pipeline.keep_years(kept.years, kept.sitemap_paths);
    report.kept_years = kept.years;

    Publisher publisher(options.out_dir);
    pipeline.render(publisher);
    for (const auto& [path, year] : kept.files) publisher.keep(path, "прошлая сборка (" + std::to_string(year) + ")");
    report.years = pipeline.years();
    report.schools = pipeline.schools_in_latest_year();
    report.indicator_rows = pipeline.indicator_rows();
    report.sitemap = pipeline.sitemap();

    if (pipeline.strict() && diags.warning_count() > 0) {  // should a later stage ever warn
        diags.warnings_to_errors();
        return std::nullopt;
    }
    if (options.before_publish) options.before_publish(publisher.staging_dir(), publisher);
    if (options.on_progress) options.on_progress("публикация");
    remove_manifest(manifest);  // until the new one is written, no build may be skipped
    report.files = publisher.commit();
    // A build with warnings is never skipped later: its warnings are printed again each time.
    if (diags.warning_count() == 0) {
        std::map<std::string, int> file_years = pipeline.output_years();
        file_years.insert(kept.files.begin(), kept.files.end());
        write_manifest(manifest, inputs, {report.years, report.schools, report.indicator_rows, report.sitemap},
                       options.out_dir, keys, file_years);
    }
    return report;
}

}  // namespace monsite::site
