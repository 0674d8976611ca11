#include "monsite/site/template.hpp"

#include <chrono>

#include "monsite/render/collection_workbook.hpp"
#include "monsite/site/pipeline.hpp"
#include "monsite/util/slug.hpp"

namespace monsite::site {
namespace fs = std::filesystem;

namespace {

int this_year() {
    const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    return static_cast<int>(std::chrono::year_month_day(today).year());
}

}  // namespace

std::optional<TemplateReport> write_template(const TemplateOptions& options, util::Diagnostics& diags) {
    const std::string display = options.display_dir.empty() ? options.data_dir.generic_string() : options.display_dir;
    PipelineOptions steps;
    steps.data_dir = options.data_dir;
    steps.display_dir = display;
    steps.config_file = options.config_file;
    Pipeline pipeline(std::move(steps));
    pipeline.load_config();
    pipeline.load_site(diags);

    TemplateReport report;
    render::CollectionWorkbook book;
    book.author = pipeline.config().department;
    std::error_code ec;
    if (fs::is_directory(options.data_dir, ec)) {
        if (!pipeline.load_data(diags)) return std::nullopt;
        const model::YearData* latest = nullptr;
        for (const auto& y : pipeline.data().years)  // a year folder still empty (a new site) has no register
            if (!y.files.empty() && (!latest || y.year > latest->year)) latest = &y;
        if (latest) {
            report.register_year = latest->year;
            for (const auto& s : latest->schools)
                if (!options.school || s.school_id == *options.school)
                    book.schools.push_back({s.school_id, s.name, s.short_name, s.type, s.cluster, s.locality});
            if (options.school && book.schools.empty())
                throw util::UsageError("школы с кодом «" + *options.school + "» нет в таблице «ОО» " +
                                       std::to_string(latest->year) + " года",
                                       {display});
        }
    }
    if (report.register_year == 0 && options.school) book.schools.push_back({*options.school, {}, {}, {}, {}, {}});
    report.year = options.year ? *options.year : (report.register_year ? report.register_year + 1 : this_year());
    book.year = report.year;
    report.schools = book.schools.size();
    report.file = options.out ? *options.out
                              : fs::path("collection-" + std::to_string(report.year) +
                                         (options.school ? "-" + util::slug(*options.school) : std::string()) + ".xlsx");
    // Written beside its place, then renamed: a failed write leaves an earlier file as it was.
    const fs::path partial = report.file.string() + ".partial";
    try {
        render::write_collection_workbook(partial, book, pipeline.config().catalogue, pipeline.texts());
    } catch (...) {
        fs::remove(partial, ec);
        throw;
    }
    fs::rename(partial, report.file, ec);
    if (ec) {
        fs::remove(partial, ec);
        throw util::InternalError("не удалось записать файл «" + report.file.generic_string() + "»");
    }
    return report;
}

}  // namespace monsite::site
