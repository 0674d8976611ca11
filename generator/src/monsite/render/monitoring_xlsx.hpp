#pragma once
// monitoring.xlsx: the two open-data tables as sheets, titles and headers from
// the text catalogue, with names beside the ids (entity, indicator, school
// type) and scopes, levels, groups and notes in words.

#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "monsite/config/i18n.hpp"
#include "monsite/model/dataset.hpp"
#include "monsite/model/indicator.hpp"
#include "monsite/render/open_data.hpp"

namespace monsite::render {

// The names monitoring.xlsx shows beside the ids; an id without a name shows the id.
struct MonitoringNames {
    std::string municipality;                                // the municipality's name
    std::map<std::string, std::string> indicators;           // indicator id -> title
    std::map<std::pair<int, std::string>, std::string> schools;  // (year, school_id) -> name
    std::map<std::string, std::string> types;                // type code -> name
};
MonitoringNames monitoring_names(const model::Dataset& data, const model::Catalogue& catalogue,
                                 const std::string& municipality);

// Writes the workbook to `file` (a scratch path; the caller publishes its bytes).
// From `streamed_from` rows on (indicators and schools together) it is streamed, with
// inline strings, in bounded memory (XlsxWriter::Properties::constant_memory); below,
// strings are shared. Both read the same in any spreadsheet program.
void write_monitoring_xlsx(const std::filesystem::path& file, const std::vector<IndicatorRow>& indicators,
                           const std::vector<SchoolRow>& schools, const config::TextCatalogue& texts,
                           const MonitoringNames& names = {}, std::size_t streamed_from = 500'000);

}  // namespace monsite::render
