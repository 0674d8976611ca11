#include "monsite/ingest/reader.hpp"

#include "monsite/ingest/csv_reader.hpp"
#include "monsite/ingest/ods_reader.hpp"
#include "monsite/ingest/xlsx_reader.hpp"
#include "monsite/util/strings.hpp"

namespace monsite::ingest {

FileFormat format_of(const std::filesystem::path& path) {
    std::string ext = util::to_lower(path.extension().string());
    if (ext == ".xlsx") return FileFormat::xlsx;
    if (ext == ".ods") return FileFormat::ods;
    if (ext == ".csv") return FileFormat::csv;
    return FileFormat::unknown;
}

Workbook read_workbook(const std::filesystem::path& path, const std::string& display_name, const ReadLimits& limits,
                       const SheetFilter& want_sheet, util::Diagnostics& diags) {
    switch (format_of(path)) {
        case FileFormat::xlsx: return read_xlsx(path, display_name, limits, want_sheet, diags);
        case FileFormat::ods: return read_ods(path, display_name, limits, want_sheet, diags);
        case FileFormat::csv: return read_csv(path, display_name, limits, want_sheet, diags);
        case FileFormat::unknown: break;
    }
    throw util::DataError({display_name}, "неизвестный формат файла; ожидались .xlsx, .ods или .csv");
}

}  // namespace monsite::ingest
