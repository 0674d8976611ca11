#include "monsite/site/year_builder.hpp"

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

std::string in_quotes(std::string_view text) { return util::quote_for_message(text); }

}  // namespace

// Every year's validation beyond single cells: keys, references, parts and wholes.
class YearBuilder::Impl {
public:
    // `slugs`: the page name (util::slug) of every school code seen so far, over all years.
    Impl(int year, std::string display_dir, util::Diagnostics& diags, std::map<std::string, Named>& slugs)
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
            s.register_row = rec.where();
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
            if (!s.rows) s.from = *rec.source;
            else if (s.from.file != rec.source->file || s.from.sheet != rec.source->sheet) s.elsewhere = true;
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

YearBuilder::YearBuilder(int year, std::string display_dir, util::Diagnostics& diags, std::map<std::string, Named>& slugs)
    : impl_(std::make_unique<Impl>(year, std::move(display_dir), diags, slugs)) {}
YearBuilder::~YearBuilder() = default;
void YearBuilder::set_incomplete() { impl_->set_incomplete(); }
void YearBuilder::add(TableRecords&& table) { impl_->add(std::move(table)); }
model::YearData YearBuilder::build() { return impl_->build(); }

}  // namespace monsite::site
