#include "monsite/render/open_data.hpp"

#include <algorithm>
#include <map>
#include <string_view>

#include "monsite/render/csv_writer.hpp"
#include "monsite/render/format.hpp"
#include "monsite/util/slug.hpp"

namespace monsite::render {
namespace {

bool wanted(const std::vector<int>& years, int year) {
    return years.empty() || std::find(years.begin(), years.end(), year) != years.end();
}

void add_entity(std::vector<IndicatorRow>& rows, int year, const model::EntityValues& entity,
                const model::Catalogue& catalogue) {
    for (std::size_t i = 0; i < catalogue.indicators.size(); ++i) {
        const auto& v = entity.values[i];
        if (!v) continue;
        const auto& ind = catalogue.indicators[i];
        IndicatorRow row{year, model::to_string(entity.scope), entity.id, ind.id, {}, {}, {}, "", model::to_string(v->note)};
        if (v->has_value()) {
            row.value = data_number(ind, v->value);
            row.value_number = data_double(v->value, decimals_of(ind));
            if (v->has_fraction) {
                row.numerator = data_sum(v->numerator);
                row.denominator = data_sum(v->denominator);
                row.numerator_number = data_sum_double(v->numerator);
                row.denominator_number = data_sum_double(v->denominator);
            }
            row.level = model::to_string(v->level);
        }
        rows.push_back(std::move(row));
    }
}

}  // namespace

std::vector<IndicatorRow> indicator_rows(const model::Results& results, const model::Catalogue& catalogue,
                                         const std::vector<int>& years) {
    std::vector<IndicatorRow> rows;
    for (const auto& year : results.years) {
        if (!wanted(years, year.year)) continue;
        add_entity(rows, year.year, year.municipality, catalogue);
        for (const auto& c : year.clusters) add_entity(rows, year.year, c, catalogue);
        for (const auto& s : year.schools) add_entity(rows, year.year, s, catalogue);
    }
    return rows;
}

std::vector<SchoolRow> school_rows(const model::Results& results, const model::Dataset& data,
                                   const std::vector<int>& years) {
    std::vector<SchoolRow> rows;
    for (const auto& year : results.years) {
        if (!wanted(years, year.year)) continue;
        const model::YearData* input = data.find_year(year.year);
        for (const auto& g : year.groupings) {
            const model::SchoolYear* s = input->find_school(g.school_id);
            rows.push_back({year.year, g.school_id, s->name, s->type, s->cluster,
                            g.composite ? g.composite->to_fixed(2) : std::string(), model::to_string(g.group),
                            g.rank ? std::to_string(g.rank) : std::string(),
                            g.composite ? std::optional<double>(data_double(*g.composite, 2)) : std::nullopt, g.rank});
        }
    }
    return rows;
}

std::string indicators_csv(const std::vector<IndicatorRow>& rows) {
    CsvWriter csv;
    for (const char* column : indicator_columns) csv.field(column);
    csv.end_row();
    for (const auto& r : rows) {
        csv.field(std::to_string(r.year)).field(r.scope).text(r.entity_id).field(r.indicator_id).field(r.value);
        csv.field(r.numerator).field(r.denominator).field(r.level).field(r.note);
        csv.end_row();
    }
    return csv.take();
}

std::string schools_csv(const std::vector<SchoolRow>& rows) {
    CsvWriter csv;
    for (const char* column : school_columns) csv.field(column);
    csv.end_row();
    for (const auto& r : rows) {
        csv.field(std::to_string(r.year)).text(r.school_id).text(r.name).text(r.type).text(r.cluster);
        csv.field(r.composite).field(r.group).field(r.rank);
        csv.end_row();
    }
    return csv.take();
}

}  // namespace monsite::render
