#include "monsite/render/monitoring_xlsx.hpp"

#include <optional>
#include <string>
#include <string_view>

#include "monsite/render/views.hpp"
#include "monsite/render/xlsx_writer.hpp"

namespace monsite::render {
namespace {

using Style = XlsxWriter::Style;

// An open-data number into a cell (blank without one); its published text only
// chooses the format: decimals kept when the text has them.
void number_or_blank(XlsxWriter& x, std::uint32_t row, std::uint16_t column, const std::optional<double>& number,
                     const std::string& text) {
    if (!number) return;
    x.number(row, column, *number, text.find('.') == std::string::npos ? Style::integer : Style::decimal2);
}

template <typename Map, typename Key>
std::string name_or(const Map& map, const Key& key, const std::string& fallback) {
    auto it = map.find(key);
    return it == map.end() ? fallback : it->second;
}

std::string entity_name(const MonitoringNames& names, const IndicatorRow& r) {
    const std::string_view scope = r.scope;
    if (scope == "municipality") return names.municipality.empty() ? r.entity_id : names.municipality;
    if (scope == "school") return name_or(names.schools, std::make_pair(r.year, r.entity_id), r.entity_id);
    return r.entity_id;  // a cluster's id is its name
}

}  // namespace

MonitoringNames monitoring_names(const model::Dataset& data, const model::Catalogue& catalogue,
                                 const std::string& municipality) {
    MonitoringNames names;
    names.municipality = municipality;
    for (const auto& ind : catalogue.indicators) names.indicators[ind.id] = ind.title;
    for (const auto& y : data.years)
        for (const auto& s : y.schools) {
            names.schools[{y.year, s.school_id}] = s.name;
            names.types[s.type] = catalogue.type_name(s.type);
        }
    return names;
}

void write_monitoring_xlsx(const std::filesystem::path& file, const std::vector<IndicatorRow>& indicators,
                           const std::vector<SchoolRow>& schools, const config::TextCatalogue& texts,
                           const MonitoringNames& names, std::size_t streamed_from) {
    // A national dataset's million rows would otherwise hold about a gigabyte in the writer.
    XlsxWriter::Properties properties{texts.text("xlsx_title"), {}, {}};
    properties.constant_memory = indicators.size() + schools.size() >= streamed_from;
    XlsxWriter x(file, properties);

    x.add_sheet(texts.text("xlsx_sheet_indicators"));
    // The columns of indicators.csv in their order (headers xlsx_indicators_<column>),
    // with a name beside each id; scope, level and note in words.
    const char* indicator_headers[] = {"year",           "scope", "entity_id",   "entity_name", "indicator_id",
                                       "indicator_name", "value", "numerator", "denominator", "level",
                                       "note"};
    const double indicator_widths[] = {7, 10, 14, 36, 20, 48, 11, 11, 12, 14, 14};
    const std::uint16_t indicator_last = 10;
    for (std::uint16_t c = 0; c <= indicator_last; ++c) {
        x.text(0, c, texts.text("xlsx_indicators_" + std::string(indicator_headers[c])), Style::header);
        x.column_width(c, indicator_widths[c]);
    }
    std::uint32_t row = 1;
    for (const auto& r : indicators) {
        x.number(row, 0, r.year, Style::integer);
        x.text(row, 1, texts.text("xlsx_scope_" + std::string(r.scope)));
        x.text(row, 2, r.entity_id);
        x.text(row, 3, entity_name(names, r));
        x.text(row, 4, r.indicator_id);
        x.text(row, 5, name_or(names.indicators, r.indicator_id, r.indicator_id));
        number_or_blank(x, row, 6, r.value_number, r.value);
        number_or_blank(x, row, 7, r.numerator_number, r.numerator);
        number_or_blank(x, row, 8, r.denominator_number, r.denominator);
        if (*r.level) x.text(row, 9, level_name(texts, r.level));
        if (*r.note) x.text(row, 10, texts.text(r.note));  // "no_data", "suppressed": catalogue keys
        ++row;
    }
    x.header_tools(row - 1, indicator_last);
    x.print_setup(true);

    x.add_sheet(texts.text("xlsx_sheet_schools"));
    const char* school_headers[] = {"year",      "school_id", "name", "type", "type_name",
                                    "cluster",   "composite", "group", "rank"};
    const double school_widths[] = {7, 12, 50, 12, 20, 22, 12, 30, 10};
    const std::uint16_t school_last = 8;
    for (std::uint16_t c = 0; c <= school_last; ++c) {
        x.text(0, c, texts.text("xlsx_schools_" + std::string(school_headers[c])), Style::header);
        x.column_width(c, school_widths[c]);
    }
    row = 1;
    for (const auto& r : schools) {
        x.number(row, 0, r.year, Style::integer);
        x.text(row, 1, r.school_id);
        x.text(row, 2, r.name);
        x.text(row, 3, r.type);
        x.text(row, 4, name_or(names.types, r.type, r.type));
        x.text(row, 5, r.cluster);
        number_or_blank(x, row, 6, r.composite_number, r.composite);
        if (*r.group) x.text(row, 7, texts.text("group_" + std::string(r.group)));
        number_or_blank(x, row, 8, r.rank_number ? std::optional<double>(r.rank_number) : std::nullopt, r.rank);
        ++row;
    }
    x.header_tools(row - 1, school_last);
    x.print_setup(true);
    x.close();
}

}  // namespace monsite::render
