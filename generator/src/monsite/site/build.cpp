#include "monsite/site/build.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "monsite/compute/compute.hpp"
#include "monsite/config/config.hpp"
#include "monsite/render/monitoring_xlsx.hpp"
#include "monsite/render/open_data.hpp"
#include "monsite/render/site_json.hpp"
#include "monsite/site/load.hpp"

namespace monsite::site {
namespace {

namespace fs = std::filesystem;

std::string read_bytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    if (!in && !in.eof()) throw util::InternalError("не удалось прочитать " + file.string());
    return out.str();
}

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
}

std::vector<int> published_years(const config::SiteConfig& config, const model::Dataset& data) {
    std::vector<int> years;
    for (const auto& y : data.years) years.push_back(y.year);
    if (config.years.empty()) return years;
    for (int wanted : config.years)
        if (std::find(years.begin(), years.end(), wanted) == years.end())
            throw util::UsageError("в настройке years указан " + std::to_string(wanted) +
                                       " год, но папки этого года нет в данных",
                                   {config.source.generic_string()});
    return config.years;
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

    progress("чтение и проверка данных");
    LoadOptions load;
    load.data_dir = options.data_dir;
    load.display_dir = options.display_dir;
    load.threads = options.threads;
    load.on_file = options.on_file;
    for (const auto& ind : config.catalogue.indicators) load.indicator_ids.push_back(ind.id);
    model::Dataset data = load_dataset(load, diags);
    if (diags.has_errors()) return std::nullopt;

    report.years = published_years(config, data);

    progress("расчёт показателей и группировок");
    model::Results results = compute::compute(data, config.catalogue, config.rules);

    progress("подготовка открытых данных");
    Publisher publisher(options.out_dir);
    auto indicator_rows = render::indicator_rows(results, config.catalogue, report.years);
    auto school_rows = render::school_rows(results, data, report.years);
    report.indicator_rows = indicator_rows.size();
    publisher.add("data/indicators.csv", render::indicators_csv(indicator_rows));
    publisher.add("data/schools.csv", render::schools_csv(school_rows));
    fs::path workbook = publisher.scratch_dir() / "monitoring.xlsx";
    render::write_monitoring_xlsx(workbook, indicator_rows, school_rows);
    publisher.add("data/monitoring.xlsx", read_bytes(workbook));
    render::SiteInfo info{config.municipality, config.department, config.base_url, config.language, report.years};
    publisher.add("data/site.json", render::site_json(info, data, results, config.catalogue, config.rules));
    if (!report.years.empty())
        if (const auto* latest = data.find_year(report.years.back())) report.schools = latest->schools.size();

    progress("публикация");
    report.files = publisher.commit();
    return report;
}

}  // namespace monsite::site
