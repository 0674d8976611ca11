#include "monsite/ingest/reader.hpp"

#include "monsite/ingest/csv_reader.hpp"
#include "monsite/ingest/ods_reader.hpp"
#include "monsite/ingest/xlsx_reader.hpp"
#include "monsite/ingest/zip_archive.hpp"
#include "monsite/util/strings.hpp"

namespace monsite::ingest {

FileFormat format_of(const std::filesystem::path& path) {
    std::string ext = util::to_lower(path.extension().string());
    if (ext == ".xlsx") return FileFormat::xlsx;
    if (ext == ".ods") return FileFormat::ods;
    if (ext == ".csv") return FileFormat::csv;
    if (ext == ".xlsm") return FileFormat::xlsm;
    if (ext == ".xls" || ext == ".xlsb" || ext == ".numbers") return FileFormat::spreadsheet;
    return FileFormat::unknown;
}

std::string resave_advice(const std::filesystem::path& path) {
    constexpr std::string_view excel = "сохраните файл в Excel как «Книга Excel (*.xlsx)» (Файл → Сохранить как) "
                                       "или в LibreOffice Calc: «Файл → Сохранить как… → .xlsx или .ods»";
    std::string ext = util::to_lower(path.extension().string());
    if (ext == ".numbers")
        return "файл Apple Numbers (.numbers) не читается: откройте файл в Numbers, выберите «Файл → Экспортировать в → "
               "Excel…» и положите в папку года получившийся файл .xlsx вместо этого";
    if (ext == ".xls") return "файл старого формата Excel (.xls) не читается: " + std::string(excel);
    if (ext == ".xlsb") return "двоичная книга Excel (.xlsb) не читается: " + std::string(excel);
    if (ext == ".xlsm")
        return "файл .xlsm не является книгой Excel формата .xlsx (Office Open XML) и не читается: " + std::string(excel);
    return "формат файла не поддерживается: " + std::string(excel);
}

Workbook read_workbook(const std::filesystem::path& path, const std::string& display_name, const ReadLimits& limits,
                       const SheetFilter& want_sheet, util::Diagnostics& diags) {
    switch (format_of(path)) {
        case FileFormat::xlsx: return read_xlsx(path, display_name, limits, want_sheet, diags);
        case FileFormat::ods: return read_ods(path, display_name, limits, want_sheet, diags);
        case FileFormat::csv: return read_csv(path, display_name, limits, want_sheet, diags);
        case FileFormat::xlsm: {
            // Read as the .xlsx it contains; the macros (xl/vbaProject.bin) are never run nor read.
            bool macros = false;
            try {
                ZipArchive zip(path, {display_name}, limits);
                if (!zip.contains("xl/workbook.xml")) throw util::DataError({display_name}, "");
                macros = zip.contains("xl/vbaProject.bin");
            } catch (const util::DataError&) {
                throw util::DataError({display_name}, resave_advice(path));
            }
            Workbook book = read_xlsx(path, display_name, limits, want_sheet, diags);
            if (macros)
                diags.warning({display_name}, "книга с макросами (.xlsm) прочитана как .xlsx: взяты сохранённые в ней "
                                              "значения ячеек, макросы не читаются и не выполняются");
            return book;
        }
        case FileFormat::spreadsheet: throw util::DataError({display_name}, resave_advice(path));
        case FileFormat::unknown: break;
    }
    throw util::DataError({display_name}, "неизвестный формат файла; ожидались .xlsx, .ods или .csv");
}

}  // namespace monsite::ingest
