#include "monsite/site/columns.hpp"

#include <algorithm>

#include "monsite/util/strings.hpp"

namespace monsite::site {
namespace {

// Hints are looked for among this many unknown columns of a table: a real
// sheet has a handful, and a hostile one must not cost a search per column.
constexpr std::size_t max_hinted_columns = 1000;

std::string in_quotes(std::string_view text) { return util::quote_for_message(text); }
// Contract headers and indicator titles are ours: quoted whole.
std::string ours(std::string_view text) { return util::quote_for_message(text, 200); }

// "листа" or, for a CSV file, "файла".
std::string_view container(const ingest::Table& table) { return table.source().line_based ? "файла" : "листа"; }

// The hint for an unknown column close to a known header not present yet.
std::string unknown_hint(const ingest::HeaderMatch::Extra& u, std::span<const ingest::HeaderCandidate> candidates,
                         const std::vector<bool>& present, bool& via_caption) {
    via_caption = false;
    std::optional<std::size_t> near;
    if (!u.caption.empty()) {
        near = ingest::similar_header(u.caption + " " + u.text, candidates, present);
        via_caption = near.has_value();
    }
    if (!near) near = ingest::similar_header(u.text, candidates, present);
    return near ? "; возможно, имелся в виду столбец " + ours(candidates[*near].header) : "";
}

// The unknown column of a table most likely meant as `header`, if any.
const ingest::HeaderMatch::Extra* close_unknown(const std::vector<ingest::HeaderMatch::Extra>& unknown,
                                               std::string_view header) {
    const ingest::HeaderMatch::Extra* best = nullptr;
    std::size_t best_rank = SIZE_MAX;
    for (std::size_t k = 0; k < unknown.size() && k < max_hinted_columns; ++k) {
        const auto& u = unknown[k];
        for (const std::string& text : {u.text, u.caption.empty() ? u.text : u.caption + " " + u.text})
            if (auto rank = ingest::header_slip(text, header); rank && *rank < best_rank) {
                best_rank = *rank;
                best = &u;
            }
    }
    return best;
}

// Where a header cell is, after the table's name: "C3", or "строка 3, столбец 3" in a CSV file.
std::string cell_place(const TableColumns& columns, const ingest::HeaderMatch::Extra& u) {
    return util::SourceLocation{"", "", u.row, u.column, columns.source.line_based}.to_string();
}

}  // namespace

std::vector<IndicatorInputs> indicator_inputs(const model::Catalogue& catalogue) {
    std::vector<IndicatorInputs> out;
    for (const auto& ind : catalogue.indicators) {
        IndicatorInputs in{ind.title, {}};
        for (std::size_t f : ind.formula.inputs())
            if (f < model::school_fields().size()) in.fields.push_back(model::school_fields()[f]);
        if (ind.formula.kind == model::FormulaKind::teacher_mean)
            for (const auto& f : model::table_spec(model::TableId::teachers).fields)
                if (f.id == ind.formula.teacher_field) in.fields.push_back(&f);
        out.push_back(std::move(in));
    }
    return out;
}

std::vector<ingest::HeaderCandidate> header_candidates(const model::TableSpec& spec) {
    std::vector<ingest::HeaderCandidate> candidates;
    for (const auto& f : spec.fields) candidates.push_back({f.id, f.header, candidates.empty()});
    return candidates;
}

bool report_header(const ingest::Table& table, const model::TableSpec& spec, const ingest::HeaderMatch& match,
                   TableColumns& columns, util::Diagnostics& diags) {
    columns.source = table.source();
    columns.present.assign(spec.fields.size(), false);
    columns.filled.assign(spec.fields.size(), false);
    if (!match.header_row) {
        diags.error(table.source(), "лист пуст: нет строки заголовков");
        return false;
    }
    if (!match.found) {
        std::string required;
        for (const auto& f : spec.fields)
            if (f.required) required += (required.empty() ? "" : ", ") + ours(f.header);
        diags.error(table.source(), "нет обязательного столбца " + ours(spec.fields[0].header) +
                                        ": строка заголовков не найдена среди первых " +
                                        std::to_string(ingest::header_search_rows) + " непустых строк " +
                                        std::string(container(table)) +
                                        " (в строке заголовков ожидались обязательные столбцы " + required + ")");
        return false;
    }
    columns.header_found = true;
    columns.header_row = match.header_row->index;
    columns.first_header_row = match.group_row ? match.group_row->index : match.header_row->index;
    for (std::size_t i = 0; i < spec.fields.size(); ++i) columns.present[i] = match.columns[i] != 0;
    columns.unknown.assign(match.unknown.begin(),
                           match.unknown.begin() + static_cast<std::ptrdiff_t>(
                                                       std::min(match.unknown.size(), max_hinted_columns)));

    const auto candidates = header_candidates(spec);
    for (const auto& p : match.personal)
        diags.warning(table.location(p.row, p.column),
                      "столбец " + in_quotes(p.text) + " содержит персональные данные; он не читается и не публикуется");
    for (std::size_t k = 0; k < match.unknown.size(); ++k) {
        const auto& u = match.unknown[k];
        bool via_caption = false;
        std::string hint =
            k < max_hinted_columns ? unknown_hint(u, candidates, columns.present, via_caption) : std::string();
        std::string under = via_caption ? " под " + in_quotes(u.caption) : "";
        diags.warning(table.location(u.row, u.column),
                      "столбец " + in_quotes(u.text) + under + " не предусмотрен форматом данных и пропущен" + hint);
    }
    for (const auto& d : match.duplicates)
        diags.error(table.location(d.row, d.column),
                    "столбец " + in_quotes(spec.fields[d.candidate].header) + " встречается дважды (первый раз — " +
                        util::cell_address(d.row, d.first_column) + ")");
    bool complete = match.duplicates.empty();
    for (std::size_t i = 0; i < spec.fields.size(); ++i)
        if (spec.fields[i].required && !columns.present[i]) {
            std::string hint;
            if (const auto* u = close_unknown(match.unknown, spec.fields[i].header))
                hint = "; возможно, это столбец " + in_quotes(u->text) + " (" + cell_place(columns, *u) + ")";
            diags.error(table.location(columns.header_row, 0),
                        "нет обязательного столбца " + ours(spec.fields[i].header) + hint);
            complete = false;
        }
    return complete;
}

std::optional<std::string> header_note(const TableColumns& columns) {
    if (!columns.header_found || columns.header_row == 1) return std::nullopt;
    std::string place = columns.source.to_string();
    std::string rows = columns.first_header_row == columns.header_row
                           ? "строка заголовков — " + std::to_string(columns.header_row)
                           : "строки заголовков — " + std::to_string(columns.first_header_row) + "–" +
                                 std::to_string(columns.header_row);
    return (place.empty() ? "" : place + ": ") + rows;
}

void MissingColumns::start_year(int year) {
    if (year_ != 0) {
        previous_ = std::move(filled_);
        previous_year_ = year_;
    }
    filled_.clear();
    year_ = year;
}

void MissingColumns::check(const TableColumns& columns, const model::TableSpec& spec, util::Diagnostics& diags) {
    auto& filled = filled_[spec.id];
    filled.resize(spec.fields.size(), false);
    for (std::size_t i = 0; i < columns.filled.size() && i < filled.size(); ++i)
        if (columns.filled[i]) filled[i] = true;
    if (!columns.header_found) return;  // already an error

    const auto before = previous_.find(spec.id);
    for (std::size_t i = 0; i < spec.fields.size(); ++i) {
        const auto& field = spec.fields[i];
        if (field.required || columns.present[i]) continue;  // a missing required column is an error
        std::vector<std::string_view> losing;
        for (const auto& ind : indicators_)
            if (std::find(ind.fields.begin(), ind.fields.end(), &field) != ind.fields.end()) losing.push_back(ind.title);
        const bool had = before != previous_.end() && i < before->second.size() && before->second[i];
        if (losing.empty() && !had) continue;

        std::string consequence;
        if (had) consequence += ", хотя в данных " + std::to_string(previous_year_) + " года он заполнен";
        if (losing.size() == 1) {
            consequence += "; без него для школ из этой таблицы не будет рассчитан показатель " + ours(losing[0]);
        } else if (!losing.empty()) {
            consequence += "; без него для школ из этой таблицы не будут рассчитаны показатели: ";
            for (std::size_t k = 0; k < losing.size(); ++k) consequence += (k ? ", " : "") + ours(losing[k]);
        } else {
            consequence += "; его значений за " + std::to_string(year_) + " год не будет";
        }
        // A close unknown column is particular to the file: reported on its own.
        if (const auto* u = close_unknown(columns.unknown, field.header)) {
            diags.warning(columns.source, "нет столбца " + ours(field.header) + consequence + "; возможно, это столбец " +
                                              in_quotes(u->text) + " (" + cell_place(columns, *u) + ")");
            continue;
        }
        auto same = std::find_if(pending_.begin(), pending_.end(),
                                 [&](const Pending& p) { return p.spec == &spec && p.field == i; });
        if (same == pending_.end()) pending_.push_back({&spec, i, consequence, {columns.source}});
        else same->places.push_back(columns.source);
    }
}

void MissingColumns::flush(const std::string& year_display, util::Diagnostics& diags) {
    constexpr std::size_t shown = 5;
    for (const auto& p : pending_) {
        const std::string column = "нет столбца " + ours(p.spec->fields[p.field].header);
        if (p.places.size() == 1) {
            diags.warning(p.places[0], column + p.consequence);
            continue;
        }
        std::string files;
        for (std::size_t k = 0; k < p.places.size() && k < shown; ++k) {
            std::string_view file = p.places[k].file;
            if (file.starts_with(year_display + "/")) file.remove_prefix(year_display.size() + 1);
            files += (k ? ", " : "") + std::string(file);
        }
        if (p.places.size() > shown) files += " и ещё " + std::to_string(p.places.size() - shown);
        const std::size_t n = p.places.size();
        diags.warning({year_display}, column + " в таблице " + ours(p.spec->name) + " в " + std::to_string(n) +
                                          (n % 10 == 1 && n % 100 != 11 ? " файле" : " файлах") + ": " + files +
                                          p.consequence);
    }
    pending_.clear();
}

}  // namespace monsite::site
