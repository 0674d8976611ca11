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
#include "monsite/site/row_errors.hpp"
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

// One field of one row, as read.
struct FieldValue {
    bool present = false;
    double number = 0;  // count, number, score, boolean (0/1)
    std::string text;   // text, enumeration (canonical), direction id, indicator id
    std::uint32_t column = 0;
};

// One data row of a contract table.
struct Record {
    util::SourceLocation where;  // file, sheet, row
    std::vector<FieldValue> values;

    util::SourceLocation cell(std::size_t field) const { return where.at(where.row, values[field].column); }
    const std::string& text(std::size_t field) const { return values[field].text; }
};

struct TableRecords {
    const TableSpec* spec = nullptr;
    bool usable = false;  // header complete: rows can be trusted
    std::vector<Record> records;
    TableColumns columns;
};

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
    const auto& rows = table.rows();
    for (std::size_t r = match.data_begin; r < rows.size(); ++r) {
        const ingest::Row& row = rows[r];
        Record rec{table.location(row.index, 0), std::vector<FieldValue>(spec.fields.size())};
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

// A school code and the cell it was first given in.
struct Named {
    std::string id;
    util::SourceLocation where;
};

// Every year's validation beyond single cells: keys, references, parts and wholes.
class YearBuilder {
public:
    // `slugs`: the page name (util::slug) of every school code seen so far, over all years.
    YearBuilder(int year, std::string display_dir, util::Diagnostics& diags, std::map<std::string, Named>& slugs)
        : display_dir_(std::move(display_dir)), diags_(diags), row_errors_(diags), slugs_(slugs) {
        data_.year = year;
    }

    // A file of this year could not be read: missing tables and rows are then
    // consequences of that error and are not reported again.
    void set_incomplete() { incomplete_ = true; }

    void add(TableRecords&& table) {
        auto& slot = tables_[table.spec->id];
        slot.present = true;
        slot.usable = slot.usable && table.usable;
        data_.rows[std::string(table.spec->name)] += table.records.size();
        for (auto& r : table.records) slot.records.push_back(std::move(r));
    }

    model::YearData build() {
        for (const auto& spec : model::contract_tables())
            if (spec.required && !tables_[spec.id].present && !incomplete_)
                diags_.error({display_dir_}, "нет таблицы " + in_quotes(spec.name) + ": ожидался лист " + in_quotes(spec.name) +
                                                 " в одной из книг или файл " + in_quotes(std::string(spec.name) + ".csv"));
        build_schools();
        attach(TableId::staff);
        attach(TableId::development);
        check_parts();
        build_teachers();
        build_measures();
        row_errors_.flush();
        return std::move(data_);
    }

private:
    struct Collected {
        bool present = false;
        bool usable = true;
        std::vector<Record> records;
    };
    // Where each numeric field of a school came from (for messages).
    struct FieldSource {
        const Record* record = nullptr;
        std::size_t field = 0;
    };
    struct SchoolState {
        std::size_t index;  // into data_.schools
        std::map<TableId, const Record*> rows;
        std::vector<FieldSource> sources;
    };

    std::string school_field_header(std::size_t index) const {
        return std::string(model::school_fields()[index]->header);
    }

    void build_schools() {
        const auto& table = tables_[TableId::schools];
        const auto& field = model::field_index(TableId::schools);
        const std::size_t code = field("school_id"), name = field("name"), short_name = field("short_name"),
                          type = field("type"), cluster = field("cluster"), locality = field("locality");
        std::map<std::string, const Record*> seen;
        for (const auto& rec : table.records) {
            const std::string& id = rec.text(code);
            if (id.empty()) continue;
            auto [it, fresh] = seen.emplace(id, &rec);
            if (!fresh) {
                row_errors_.error(rec.cell(code), "код ОО " + in_quotes(id) + " повторяется в таблице «ОО» (впервые: " +
                                              it->second->cell(code).to_string() + ")");
                continue;
            }
            // Pages and files are named after the code: two codes must not share a name.
            auto [named, first] = slugs_.emplace(util::slug(id), Named{id, rec.cell(code)});
            if (!first && named->second.id != id) {
                row_errors_.error(rec.cell(code), "код ОО " + in_quotes(id) + " даёт то же имя страницы школы («" +
                                                   named->first + "»), что и код " + in_quotes(named->second.id) +
                                                   " (" + named->second.where.to_string() +
                                                   "); измените один из кодов");
            }
            model::SchoolYear s;
            s.school_id = id;
            s.name = rec.text(name);
            s.short_name = rec.values[short_name].present ? rec.text(short_name) : s.name;
            s.type = rec.text(type);
            s.cluster = rec.values[cluster].present ? rec.text(cluster) : s.type;
            s.locality = rec.text(locality);
            s.register_row = rec.where;
            s.fields.assign(model::school_fields().size(), std::nullopt);
            data_.schools.push_back(std::move(s));
        }
        std::sort(data_.schools.begin(), data_.schools.end(),
                  [](const auto& a, const auto& b) { return a.school_id < b.school_id; });
        for (std::size_t i = 0; i < data_.schools.size(); ++i) {
            SchoolState state{i, {}, std::vector<FieldSource>(model::school_fields().size())};
            state.rows[TableId::schools] = seen[data_.schools[i].school_id];
            states_.emplace(data_.schools[i].school_id, std::move(state));
        }
        for (auto& [id, state] : states_) fill_fields(state, *state.rows[TableId::schools], TableId::schools);
        for (const auto& school : data_.schools) register_keys_.emplace(util::lookalike_key(school.school_id), school.school_id);
    }

    // A row naming a school that the register does not have: one line per code
    // and table (the rows counted), with the register's code it looks like.
    void unknown_school(const Record& rec, std::size_t field) {
        const std::string& code = rec.text(field);
        std::string message = "школы с кодом " + in_quotes(code) + " нет в таблице «ОО»";
        if (auto it = register_keys_.find(util::lookalike_key(code)); it != register_keys_.end())
            message += "; похоже на " + in_quotes(it->second) + ": " + util::lookalike_difference(code, it->second);
        row_errors_.add({rec.cell(field), {}, std::move(message), fold_key(code, "unknown_school"), FoldUnit::rows});
    }

    void fill_fields(SchoolState& state, const Record& rec, TableId table) {
        const auto& spec = model::table_spec(table);
        auto& school = data_.schools[state.index];
        for (std::size_t f = 0; f < spec.fields.size(); ++f) {
            auto index = model::school_field_index(spec.fields[f].id);
            if (!index || !rec.values[f].present) continue;
            school.fields[*index] = rec.values[f].number;
            state.sources[*index] = {&rec, f};
        }
    }

    void attach(TableId table) {
        const auto& collected = tables_[table];
        const auto& spec = model::table_spec(table);
        const std::size_t code = model::field_index(table)("school_id");
        std::map<std::string, const Record*> unknown;  // look-alike key -> first row with an unknown code
        for (const auto& rec : collected.records) {
            const std::string& id = rec.text(code);
            if (id.empty()) continue;
            auto it = states_.find(id);
            if (it == states_.end()) {
                unknown_school(rec, code);
                unknown.emplace(util::lookalike_key(id), &rec);
                continue;
            }
            auto [row, fresh] = it->second.rows.emplace(table, &rec);
            if (!fresh) {
                row_errors_.error(rec.cell(code), "код ОО " + in_quotes(id) + " повторяется в таблице " + in_quotes(spec.name) +
                                              " (впервые: " + row->second->cell(code).to_string() + ")");
                continue;
            }
            fill_fields(it->second, rec, table);
        }
        if (!collected.present || !collected.usable || incomplete_) return;  // already reported
        for (const auto& school : data_.schools) {
            const auto& state = states_.at(school.school_id);
            if (state.rows.count(table)) continue;
            std::string message = "для школы " + in_quotes(school.school_id) + " нет строки в таблице " + in_quotes(spec.name);
            if (auto it = unknown.find(util::lookalike_key(school.school_id)); it != unknown.end())
                message += "; похоже, её строка записана с кодом " + in_quotes(it->second->text(code)) + " (" +
                           it->second->cell(code).to_string() + ")";
            row_errors_.error(state.rows.at(TableId::schools)->cell(model::field_index(TableId::schools)("school_id")),
                              std::move(message));
        }
    }

    void check_parts() {
        struct Rule {
            std::string_view part;
            std::string_view whole;
        };
        static constexpr Rule rules[] = {
            {"diagnosed", "teachers_total"},   {"with_iom", "teachers_total"},
            {"courses", "teachers_total"},     {"competitions", "teachers_total"},
            {"network", "teachers_total"},     {"events_regional", "teachers_total"},
            {"experts", "teachers_total"},     {"mentors", "teachers_total"},
            {"under_35", "teachers_total"},    {"young_0_3", "teachers_total"},
            {"higher_ed", "teachers_total"},   {"non_ped_ed", "teachers_total"},
            {"deficits_found", "diagnosed"},   {"iom_active", "with_iom"},
            {"courses_distance", "courses"},   {"young_0_1", "young_0_3"},
            {"young_with_mentor", "young_0_3"}, {"retrained", "non_ped_ed"},
            {"method_asset", "diagnosed"},
        };
        for (const auto& school : data_.schools) {
            const auto& state = states_.at(school.school_id);
            auto value = [&](std::string_view id) { return school.fields[*model::school_field_index(id)]; };
            auto source = [&](std::string_view id) { return state.sources[*model::school_field_index(id)]; };
            auto where = [&](const FieldSource& s) { return s.record->cell(s.field); };
            auto header = [&](std::string_view id) { return in_quotes(school_field_header(*model::school_field_index(id))); };
            auto number = [](double v) { return std::to_string(static_cast<long long>(v)); };
            auto whole_place = [&](const FieldSource& part, const FieldSource& whole) {
                util::SourceLocation w = where(whole);
                if (w.file != where(part).file || w.sheet != where(part).sheet) return w.to_string();
                w.file.clear();  // same sheet: the cell alone
                w.sheet.clear();
                return w.to_string();
            };
            for (const auto& rule : rules) {
                auto part = value(rule.part), whole = value(rule.whole);
                if (!part || !whole || *part <= *whole) continue;
                row_errors_.error(where(source(rule.part)),
                             header(rule.part) + " (" + number(*part) + ") больше, чем " + header(rule.whole) + " (" +
                                 number(*whole) + ", " + whole_place(source(rule.part), source(rule.whole)) + ")");
            }
            auto high = value("cat_highest"), first = value("cat_first"), total = value("teachers_total");
            if (high && first && total && *high + *first > *total)
                row_errors_.error(where(source("cat_first")),
                             header("cat_highest") + " и " + header("cat_first") + " вместе (" + number(*high + *first) +
                                 ") больше, чем " + header("teachers_total") + " (" + number(*total) + ", " +
                                 whole_place(source("cat_first"), source("teachers_total")) + ")");
        }
    }

    void build_teachers() {
        const auto& collected = tables_[TableId::teachers];
        data_.has_teachers = collected.present;
        std::map<std::string, const Record*> seen;
        struct Tally {
            std::size_t rows = 0, scored = 0, deficits = 0, ioms = 0;
            util::SourceLocation from;  // the sheet (or CSV file) of the school's first row
            bool elsewhere = false;     // rows in other sheets or files too
        };
        std::map<std::string, Tally> tally;
        const auto& fields = model::field_index(TableId::teachers);
        const std::size_t code = fields("teacher_id"), school_code = fields("school_id");
        for (const auto& rec : collected.records) {
            const std::string& id = rec.text(code);
            const std::string& school = rec.text(school_code);
            if (!id.empty()) {
                auto [it, fresh] = seen.emplace(id, &rec);
                if (!fresh) {
                    row_errors_.error(rec.cell(code), "код педагога " + in_quotes(id) + " повторяется (впервые: " +
                                                  it->second->cell(code).to_string() + ")");
                    continue;
                }
            }
            if (school.empty()) continue;
            if (!states_.count(school)) {
                unknown_school(rec, school_code);
                continue;
            }
            model::Teacher t;
            t.teacher_id = id;
            t.school_id = school;
            t.subject = rec.text(fields("subject"));
            auto num = [&](std::string_view field_id) {
                const auto& v = rec.values[fields(field_id)];
                return v.present ? std::optional<double>(v.number) : std::nullopt;
            };
            auto flag = [&](std::string_view field_id) {
                const auto& v = rec.values[fields(field_id)];
                return v.present ? std::optional<bool>(v.number != 0) : std::nullopt;
            };
            t.age = num("age");
            t.experience = num("experience");
            t.category = rec.text(fields("category"));
            t.diag_score = num("diag_score");
            t.deficit = flag("deficit");
            t.iom = flag("iom");
            t.mentor = flag("mentor");
            Tally& s = tally[school];
            if (!s.rows) s.from = util::SourceLocation{rec.where.file, rec.where.sheet, 0, 0, rec.where.line_based};
            else if (s.from.file != rec.where.file || s.from.sheet != rec.where.sheet) s.elsewhere = true;
            ++s.rows;
            s.scored += t.diag_score.has_value();
            s.deficits += t.deficit.value_or(false);
            s.ioms += t.iom.value_or(false);
            data_.teachers.push_back(std::move(t));
        }
        if (!collected.present || !collected.usable) return;
        std::string without_rows;
        for (const auto& school : data_.schools) {
            if (!tally.count(school.school_id)) {
                without_rows += (without_rows.empty() ? "" : ", ") + school.school_id;
                continue;
            }
            const Tally& s = tally[school.school_id];
            const auto& state = states_.at(school.school_id);
            const std::string counted = "в таблице «Педагоги» (" + s.from.to_string() + (s.elsewhere ? " и др." : "") + ")";
            // A warning at the cell holding the summary number, naming where the rows were counted.
            auto compare = [&](std::string_view field, std::size_t rows, std::string_view whom) {
                auto index = *model::school_field_index(field);
                auto v = school.fields[index];
                if (!v || static_cast<std::size_t>(*v) == rows) return;
                const FieldSource& source = state.sources[index];
                diags_.add({util::Severity::warning, source.record->cell(source.field),
                            "указано " + std::to_string(static_cast<long long>(*v)) + ", а " + counted +
                                " педагогов этой школы" + std::string(whom) + " — " + std::to_string(rows),
                            cell_context(school_field_header(index), school.school_id)});
            };
            compare("teachers_total", s.rows, "");
            compare("diagnosed", s.scored, " с результатом диагностики");
            compare("deficits_found", s.deficits, " с выявленным дефицитом");
            compare("with_iom", s.ioms, " с ИОМ");
        }
        if (!without_rows.empty())
            diags_.warning({display_dir_}, "в таблице «Педагоги» нет строк для школ: " + without_rows +
                                               "; по ним не будет разбивки по предметам");
    }

    void build_measures() {
        const auto& collected = tables_[TableId::measures];
        data_.has_measures = collected.present;
        const auto& field = model::field_index(TableId::measures);
        const std::size_t school_code = field("school_id");
        for (const auto& rec : collected.records) {
            const std::string& school = rec.text(school_code);
            if (!school.empty() && !states_.count(school)) {
                unknown_school(rec, school_code);
                continue;
            }
            auto text = [&](std::string_view id) { return rec.text(field(id)); };
            data_.measures.push_back({text("measure"), text("kind"), text("direction"), text("indicator"), school,
                                      text("period"), text("responsible"), text("document")});
        }
    }

    std::string display_dir_;
    util::Diagnostics& diags_;
    RowErrors row_errors_;
    std::map<std::string, Named>& slugs_;
    bool incomplete_ = false;
    model::YearData data_;
    std::map<TableId, Collected> tables_;
    std::map<std::string, SchoolState> states_;
    std::map<std::string, std::string> register_keys_;  // util::lookalike_key -> the register's code
};

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
        if (!any) diags.error({years[y].display}, "в папке года нет файлов с данными (.xlsx, .ods, .csv)");
    }
    run_jobs(jobs, options);

    model::Dataset dataset;
    std::map<std::string, Named> slugs;
    MissingColumns missing(options.indicators.empty() && options.indicator_ids.empty()
                               ? indicator_inputs(config::default_config().catalogue)
                               : options.indicators);
    for (std::size_t y = 0; y < years.size(); ++y) {
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
            std::string message = "школа " + in_quotes(school.school_id) + " (" + school.short_name + ") есть в данных " +
                                  std::to_string(before.year) + " года, но отсутствует в " + std::to_string(now.year) +
                                  " году";
            if (auto it = now_keys.find(util::lookalike_key(school.school_id)); it != now_keys.end())
                message += "; похоже, в " + std::to_string(now.year) + " году её код записан как " +
                           in_quotes(it->second) + ": " + util::lookalike_difference(it->second, school.school_id);
            diags.warning({years[y].display}, std::move(message));
        }
    }
    return dataset;
}

}  // namespace monsite::site
