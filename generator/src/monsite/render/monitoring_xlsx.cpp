#include "monsite/render/monitoring_xlsx.hpp"

#include <optional>
#include <string>

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

}  // namespace

void write_monitoring_xlsx(const std::filesystem::path& file, const std::vector<IndicatorRow>& indicators,
                           const std::vector<SchoolRow>& schools, const config::TextCatalogue& texts) {
    XlsxWriter x(file, texts.text("xlsx_title"));

    x.add_sheet(texts.text("xlsx_sheet_indicators"));
    // The same columns as indicators.csv, in the same order, with the catalogue's headers
    // (xlsx_indicators_<column>).
    const char* indicator_columns[] = {"year", "scope", "entity_id", "indicator_id", "value",
                                       "numerator", "denominator", "level", "note"};
    const double indicator_widths[] = {7, 13, 18, 24, 11, 11, 12, 10, 12};
    for (std::uint16_t c = 0; c < 9; ++c) {
        x.text(0, c, texts.text("xlsx_indicators_" + std::string(indicator_columns[c])), Style::header);
        x.column_width(c, indicator_widths[c]);
    }
    std::uint32_t row = 1;
    for (const auto& r : indicators) {
        x.number(row, 0, r.year, Style::integer);
        x.text(row, 1, r.scope);
        x.text(row, 2, r.entity_id);
        x.text(row, 3, r.indicator_id);
        number_or_blank(x, row, 4, r.value_number, r.value);
        number_or_blank(x, row, 5, r.numerator_number, r.numerator);
        number_or_blank(x, row, 6, r.denominator_number, r.denominator);
        if (*r.level) x.text(row, 7, r.level);
        if (*r.note) x.text(row, 8, r.note);
        ++row;
    }
    x.header_tools(row - 1, 8);

    x.add_sheet(texts.text("xlsx_sheet_schools"));
    const char* school_columns[] = {"year", "school_id", "name", "type", "cluster", "composite", "group", "rank"};
    const double school_widths[] = {7, 12, 50, 12, 22, 12, 14, 10};
    for (std::uint16_t c = 0; c < 8; ++c) {
        x.text(0, c, texts.text("xlsx_schools_" + std::string(school_columns[c])), Style::header);
        x.column_width(c, school_widths[c]);
    }
    row = 1;
    for (const auto& r : schools) {
        x.number(row, 0, r.year, Style::integer);
        x.text(row, 1, r.school_id);
        x.text(row, 2, r.name);
        x.text(row, 3, r.type);
        x.text(row, 4, r.cluster);
        number_or_blank(x, row, 5, r.composite_number, r.composite);
        if (*r.group) x.text(row, 6, r.group);
        number_or_blank(x, row, 7, r.rank_number ? std::optional<double>(r.rank_number) : std::nullopt, r.rank);
        ++row;
    }
    x.header_tools(row - 1, 7);
    x.close();
}

}  // namespace monsite::render
