#pragma once
// monitoring.xlsx: the two open-data tables as sheets, titles and headers from the text catalogue.

#include <filesystem>
#include <vector>

#include "monsite/config/i18n.hpp"
#include "monsite/render/open_data.hpp"

namespace monsite::render {

// Writes the workbook to `file` (a scratch path; the caller publishes its bytes).
void write_monitoring_xlsx(const std::filesystem::path& file, const std::vector<IndicatorRow>& indicators,
                           const std::vector<SchoolRow>& schools, const config::TextCatalogue& texts);

}  // namespace monsite::render
