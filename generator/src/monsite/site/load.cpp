#include "monsite/site/load.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "monsite/config/config.hpp"
#include "monsite/ingest/headers.hpp"
#include "monsite/ingest/reader.hpp"
#include "monsite/ingest/values.hpp"
#include "monsite/site/cell_errors.hpp"
#include "monsite/site/columns.hpp"
#include "monsite/site/records.hpp"
#include "monsite/site/row_errors.hpp"
#include "monsite/site/year_builder.hpp"
#include "monsite/util/lookalike.hpp"
#include "monsite/util/slug.hpp"
#include "monsite/util/strings.hpp"

namespace monsite::site {
namespace {

namespace fs = std::filesystem;
using model::FieldSpec;
using model::FieldType;
using model::TableId;
using model::TableSpec;


struct FileJob {
    fs::path path;
    std::string display;
    int year_index = 0;
    std::vector<TableRecords> tables;
    util::Diagnostics diags;
    bool unreadable = false;  // the file as a whole could not be read
};

std::string in_quotes(std::string_view text) { return util::quote_for_message(text); }

// Reads one cell as field `f`. Returns false (and leaves `out` empty) on a bad value.
bool parse_field(const FieldSpec& f, const ingest::Table& table, const ingest::Cell& cell,
                 const std::vector<std::string>& indicator_ids, FieldValue& out) {
    using ingest::CellKind;
    if (cell.kind == CellKind::text && util::trim(table.text(cell)).empty()) return true;  // blank
    out.column = cell.column;
    switch (f.type) {
        case FieldType::text: {
            out.text = ingest::cell_text(table, cell);
            out.present = !out.text.empty();
            return cell.kind != CellKind::error && !control_character(out.text);
        }
        case FieldType::count:
        case FieldType::number:
        case FieldType::score: {
            auto reading = ingest::read_cell_number(table, cell);
            auto v = reading.value;
            if (!v || std::fabs(*v) > max_magnitude) return false;
            if (reading.percent && f.type != FieldType::score) return false;  // «45%» is no count
            if (f.type == FieldType::count && (*v < 0 || !ingest::is_whole(*v))) return false;
            if (f.type == FieldType::score && (*v < 0 || *v > 100)) return false;
            out.number = f.type == FieldType::count ? std::round(*v) : *v;
            out.present = true;
            return true;
        }
        case FieldType::boolean: {
            auto b = ingest::cell_boolean(table, cell);
            if (!b) return false;
            out.number = *b ? 1 : 0;
            out.present = true;
            return true;
        }
        case FieldType::enumeration: {
            std::string key = util::normalize_key(ingest::cell_text(table, cell));
            for (auto choice : f.choices)
                if (key == util::normalize_key(choice)) {
                    out.text = std::string(choice);
                    out.present = true;
                    return true;
                }
            return false;
        }
        case FieldType::direction: {
            const auto* d = model::find_direction(ingest::cell_text(table, cell));
            if (!d) return false;
            out.text = std::string(d->id);
            out.present = true;
            return true;
        }
        case FieldType::indicator: {
            std::string id = ingest::cell_text(table, cell);
            if (std::find(indicator_ids.begin(), indicator_ids.end(), id) == indicator_ids.end()) return false;
            out.text = id;
            out.present = true;
            return true;
        }
    }
    return false;
}

TableRecords map_table(const ingest::Table& table, const TableSpec& spec, const std::vector<std::string>& indicator_ids,
                       util::Diagnostics& diags) {
    TableRecords result{&spec, false, {}, {}};
    const auto candidates = header_candidates(spec);
    auto match = ingest::match_headers(table, candidates);
    if (!report_header(table, spec, match, result.columns, diags)) return result;
    result.usable = true;

    std::uint32_t max_column = *std::max_element(match.columns.begin(), match.columns.end());
    std::vector<int> field_of(max_column + 1, -1);
    for (std::size_t i = 0; i < match.columns.size(); ++i)
        if (match.columns[i]) field_of[match.columns[i]] = static_cast<int>(i);

    std::optional<std::size_t> school_field;
    for (std::size_t i = 0; i < spec.fields.size(); ++i)
        if (spec.fields[i].id == "school_id") school_field = i;
    RowErrors row_errors(diags);
    const auto source = std::make_shared<const util::SourceLocation>(table.source());
    const auto& rows = table.rows();
    for (std::size_t r = match.data_begin; r < rows.size(); ++r) {
        const ingest::Row& row = rows[r];
        Record rec{source, row.index, std::vector<FieldValue>(spec.fields.size())};
        std::vector<bool> invalid(spec.fields.size(), false);
        std::vector<std::pair<std::size_t, const ingest::Cell*>> refused;  // reported once the school is known
        bool any = false;
        for (const ingest::Cell& cell : table.cells(row)) {
            if (cell.column > max_column || field_of[cell.column] < 0) continue;
            auto f = static_cast<std::size_t>(field_of[cell.column]);
            FieldValue& value = rec.values[f];
            if (!parse_field(spec.fields[f], table, cell, indicator_ids, value)) {
                refused.emplace_back(f, &cell);
                value = {};
                value.column = cell.column;
                invalid[f] = any = true;
                continue;
            }
            any = any || value.present;
            if (value.present) result.columns.filled[f] = true;
        }
        const std::string school = school_field ? rec.values[*school_field].text : std::string();
        for (const auto& [f, cell] : refused) {
            Refusal why = refusal(spec.fields[f], table, *cell);
            row_errors.add({table.location(row.index, cell->column), cell_context(spec.fields[f].header, school),
                            std::move(why.message), fold_key(school, why.kind)});
        }
        if (!any) continue;
        for (std::size_t i = 0; i < spec.fields.size(); ++i) {
            if (rec.values[i].column == 0) rec.values[i].column = match.columns[i];
            // A reader's error at the cell (a formula without its value) already says why it is empty.
            if (spec.fields[i].required && !rec.values[i].present && !invalid[i] && !diags.has_error_at(rec.cell(i)))
                row_errors.add({rec.cell(i), cell_context(spec.fields[i].header, school),
                                "обязательное поле не заполнено", fold_key(school, "required")});
        }
        result.records.push_back(std::move(rec));
    }
    row_errors.flush();
    return result;
}

void read_file(FileJob& job, const ingest::ReadLimits& limits, const std::vector<std::string>& indicator_ids) {
    try {
        auto want = [](std::string_view sheet) { return model::find_table(sheet) != nullptr; };
        ingest::Workbook book = ingest::read_workbook(job.path, job.display, limits, want, job.diags);
        for (const auto& skipped : book.skipped_sheets) {
            util::SourceLocation where{job.display, ingest::format_of(job.path) == ingest::FileFormat::csv ? "" : skipped};
            std::string what = ingest::format_of(job.path) == ingest::FileFormat::csv
                                   ? "файл " + in_quotes(skipped + ".csv") + " не является таблицей формата данных (ожидались ОО, Кадры, Развитие, Педагоги, Меры) и пропущен"
                                   : "лист " + in_quotes(skipped) + " не относится к данным мониторинга и пропущен";
            job.diags.warning(where, what);
        }
        for (const auto& table : book.tables)
            job.tables.push_back(map_table(table, *model::find_table(table.name()), indicator_ids, job.diags));
    } catch (const util::Error& e) {
        job.diags.add(e.to_diagnostic());
        job.unreadable = true;
    } catch (const std::bad_alloc&) {
        job.diags.error({job.display}, "не хватило памяти для чтения файла");
        job.unreadable = true;
    }
}

void run_jobs(std::vector<FileJob>& jobs, const LoadOptions& options) {
    std::vector<std::string> indicator_ids = options.indicator_ids;
    if (indicator_ids.empty())
        for (auto id : model::default_indicator_ids()) indicator_ids.emplace_back(id);
    unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    threads = std::min<unsigned>(threads, static_cast<unsigned>(jobs.size()));
    std::atomic<std::size_t> next{0};
    std::mutex progress;
    auto work = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < jobs.size();) {
            if (options.on_file) {
                std::lock_guard lock(progress);
                options.on_file(jobs[i].display);
            }
            read_file(jobs[i], options.limits, indicator_ids);
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
}


bool is_year_name(const std::string& name) {
    return name.size() == 4 && std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<fs::directory_entry> sorted_entries(const fs::path& dir) {
    std::vector<fs::directory_entry> entries;
    for (const auto& e : fs::directory_iterator(dir)) entries.push_back(e);
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.path().filename().string() < b.path().filename().string(); });
    return entries;
}

}  // namespace

model::Dataset load_dataset(const LoadOptions& options, util::Diagnostics& diags) {
    const std::string root = options.display_dir.empty() ? options.data_dir.generic_string() : options.display_dir;
    std::error_code ec;
    if (!fs::is_directory(options.data_dir, ec))
        throw util::UsageError("папка с данными " + in_quotes(root) + " не найдена");

    struct YearFolder {
        int year;
        fs::path path;
        std::string display;
    };
    std::vector<YearFolder> years;
    for (const auto& entry : sorted_entries(options.data_dir)) {
        std::string name = entry.path().filename().string();
        if (!entry.is_directory() || name.starts_with(".")) continue;
        std::string display = (fs::path(root) / name).generic_string();
        if (!is_year_name(name)) {
            diags.error({display}, "папка " + in_quotes(name) +
                                       " не является годом мониторинга: ожидалось название из четырёх цифр, например 2025");
            continue;
        }
        years.push_back({std::stoi(name), entry.path(), display});
    }
    if (years.empty() && !diags.has_errors())
        diags.error({root}, "нет ни одной папки года: положите данные в папки вида " + root + "/2025");

    std::vector<FileJob> jobs;
    std::vector<std::size_t> empty;  // year folders without a data file
    for (std::size_t y = 0; y < years.size(); ++y) {
        bool any = false;
        for (const auto& entry : sorted_entries(years[y].path)) {
            std::string name = entry.path().filename().string();
            if (name.starts_with("~$") || name.starts_with(".")) continue;
            std::string display = years[y].display + "/" + name;
            if (entry.is_directory() && ingest::format_of(entry.path()) != ingest::FileFormat::spreadsheet) {
                diags.warning({display}, "вложенная папка пропущена: данные года читаются только из " + years[y].display);
                continue;
            }
            if (ingest::format_of(entry.path()) == ingest::FileFormat::unknown) {
                diags.warning({display}, "файл пропущен: поддерживаются только .xlsx, .ods и .csv");
                continue;
            }
            jobs.push_back({entry.path(), display, static_cast<int>(y), {}, {}, false});
            any = true;
        }
        if (!any) empty.push_back(y);
    }
    // A year folder without files: the collection has not started (a new site,
    // a folder made ahead). Left out while another year has data; the only
    // year(s), kept with no schools so that the site still builds. A warning either way.
    const bool no_data = empty.size() == years.size();
    for (std::size_t y : empty)
        diags.warning({years[y].display},
                      "в " + std::to_string(years[y].year) + " году данных ещё нет: разошлите школам книгу collection-" +
                          std::to_string(years[y].year) + ".xlsx (её пишет monsite template) и положите заполненные " +
                          "книги (.xlsx, .ods, .csv) в " + years[y].display +
                          (no_data ? "" : "; этот год пропущен"));
    run_jobs(jobs, options);

    model::Dataset dataset;
    std::map<std::string, Named> slugs;
    MissingColumns missing(options.indicators.empty() && options.indicator_ids.empty()
                               ? indicator_inputs(config::default_config().catalogue)
                               : options.indicators);
    for (std::size_t y = 0; y < years.size(); ++y) {
        if (std::find(empty.begin(), empty.end(), y) != empty.end()) {
            if (no_data) dataset.years.push_back(model::YearData{.year = years[y].year});
            continue;
        }
        YearBuilder builder(years[y].year, years[y].display, diags, slugs);
        std::vector<std::string> files;
        missing.start_year(years[y].year);
        for (auto& job : jobs) {
            if (job.year_index != static_cast<int>(y)) continue;
            for (const auto& d : job.diags.all()) diags.add(d);
            for (auto& table : job.tables) {
                missing.check(table.columns, *table.spec, diags);
                if (auto note = header_note(table.columns); note && options.on_note) options.on_note(*note);
                builder.add(std::move(table));
            }
            if (job.unreadable) builder.set_incomplete();
            files.push_back(job.display);
        }
        missing.flush(years[y].display, diags);
        model::YearData data = builder.build();
        data.files = std::move(files);
        dataset.years.push_back(std::move(data));
    }

    for (std::size_t y = 1; y < dataset.years.size(); ++y) {
        const auto& before = dataset.years[y - 1];
        const auto& now = dataset.years[y];
        std::map<std::string, std::string> now_keys;  // util::lookalike_key -> this year's code
        for (const auto& school : now.schools) now_keys.emplace(util::lookalike_key(school.school_id), school.school_id);
        for (const auto& school : before.schools) {
            if (now.find_school(school.school_id)) continue;
            if (std::find(options.closed_schools.begin(), options.closed_schools.end(), school.school_id) !=
                options.closed_schools.end())
                continue;
            std::string message = "школа " + in_quotes(school.school_id) + " (" + school.short_name + ") есть в данных " +
                                  std::to_string(before.year) + " года, но отсутствует в " + std::to_string(now.year) +
                                  " году";
            if (auto it = now_keys.find(util::lookalike_key(school.school_id)); it != now_keys.end())
                message += "; похоже, в " + std::to_string(now.year) + " году её код записан как " +
                           in_quotes(it->second) + ": " + util::lookalike_difference(it->second, school.school_id);
            else
                message += " (если школа закрыта или присоединена к другой, впишите её код в closed_schools в site.toml)";
            diags.warning({years[y].display}, std::move(message));
        }
    }
    return dataset;
}

}  // namespace monsite::site
