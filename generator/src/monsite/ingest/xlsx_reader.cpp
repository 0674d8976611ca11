#include "monsite/ingest/xlsx_reader.hpp"

#include <fstream>
#include <memory>

#include "monsite/ingest/xlsx_parts.hpp"
#include "monsite/ingest/xlsx_sheet.hpp"
#include "monsite/ingest/zip_archive.hpp"
#include "monsite/util/strings.hpp"

namespace monsite::ingest {

namespace {

constexpr std::string_view damaged_hint = "; файл повреждён — откройте его в Excel или LibreOffice и сохраните заново";

// The zip entry of the workbook part: the officeDocument relationship of the
// package, or xl/workbook.xml when the package names none.
std::string find_workbook(ZipArchive& zip, const xlsx::PartIndex& parts, const ReadLimits& limits) {
    if (const std::string* package_rels = parts.find("_rels/.rels")) {
        auto rels = xlsx::read_relationships(zip, *package_rels, "", limits);
        const xlsx::Relationship* office = nullptr;
        for (const auto& r : rels) {
            if (!xlsx::type_is(r.type, "officeDocument")) continue;
            if (office)
                throw util::DataError(zip.where(), "в части _rels/.rels книга (связь officeDocument) указана дважды" +
                                                       std::string(damaged_hint));
            office = &r;
        }
        if (office) {
            const std::string* entry = office->external ? nullptr : parts.find(office->target);
            if (!entry)
                throw util::DataError(zip.where(), "в файле нет части " + util::quote_for_message(office->target) +
                                                       ", на которую указывает _rels/.rels" +
                                                       std::string(damaged_hint));
            return *entry;
        }
    }
    if (const std::string* entry = parts.find("xl/workbook.xml")) return *entry;
    if (parts.find("content.xml") && parts.find("mimetype"))
        throw util::DataError(zip.where(), "это файл OpenDocument, а не книга Excel; сохраните его с расширением .ods");
    throw util::DataError(zip.where(),
                          "в файле нет книги Excel (ни связи officeDocument в _rels/.rels, ни части xl/workbook.xml)" +
                              std::string(damaged_hint));
}

// The one relationship of a type, or nullptr; two of them are an error.
const xlsx::Relationship* unique_relationship(const ZipArchive& zip, const std::vector<xlsx::Relationship>& rels,
                                              std::string_view type, const std::string& rels_entry) {
    const xlsx::Relationship* found = nullptr;
    for (const auto& r : rels) {
        if (!xlsx::type_is(r.type, type)) continue;
        if (found)
            throw util::DataError(zip.where(), "в части " + rels_entry + " связь " + std::string(type) +
                                                   " указана дважды" + std::string(damaged_hint));
        found = &r;
    }
    return found;
}

// The zip entry a related part lives in; a relationship to a missing part is an error.
const std::string& related_entry(const ZipArchive& zip, const xlsx::PartIndex& parts, const xlsx::Relationship& r,
                                 const std::string& rels_entry) {
    const std::string* entry = r.external ? nullptr : parts.find(r.target);
    if (!entry)
        throw util::DataError(zip.where(), "в файле нет части " + util::quote_for_message(r.target) +
                                               ", на которую указывает " + rels_entry + std::string(damaged_hint));
    return *entry;
}

// Opens the zip, with clearer words for an empty file and a damaged or truncated zip.
std::unique_ptr<ZipArchive> open_zip(const std::filesystem::path& path, const util::SourceLocation& where,
                                     const ReadLimits& limits) {
    char magic[4] = {};
    std::ifstream in(path, std::ios::binary);
    in.read(magic, sizeof magic);
    if (in.gcount() == 0 && in.eof())
        throw util::DataError(where, "файл пуст (0 байт); сохраните книгу заново");
    try {
        return std::make_unique<ZipArchive>(path, where, limits);
    } catch (const util::DataError&) {
        if (in.gcount() == 4 && std::string_view(magic, 4) == std::string_view("PK\x03\x04", 4))
            throw util::DataError(where, "файл повреждён или обрезан: оглавление zip-архива не читается; "
                                         "сохраните книгу заново в Excel или LibreOffice");
        throw;
    }
}

}  // namespace

Workbook read_xlsx(const std::filesystem::path& path, const std::string& display_name, const ReadLimits& limits,
                   const SheetFilter& want_sheet, util::Diagnostics& diags) {
    auto archive = open_zip(path, util::SourceLocation{display_name}, limits);
    ZipArchive& zip = *archive;
    xlsx::PartIndex parts(zip);

    const std::string workbook_entry = find_workbook(zip, parts, limits);
    const std::string rels_entry = xlsx::rels_part_of(workbook_entry);
    std::vector<xlsx::Relationship> rels;
    if (const std::string* entry = parts.find(rels_entry)) rels = xlsx::read_relationships(zip, *entry, workbook_entry, limits);
    const auto sheets = xlsx::read_sheet_list(zip, workbook_entry, limits);
    const auto* strings_rel = unique_relationship(zip, rels, "sharedStrings", rels_entry);
    const auto* styles_rel = unique_relationship(zip, rels, "styles", rels_entry);

    Workbook book;
    book.file = display_name;
    xlsx::SharedStrings strings;
    std::vector<std::uint8_t> percent_styles;
    bool shared_parts_loaded = false;
    xlsx::Expansion expansion;

    for (const auto& sheet : sheets) {
        if (want_sheet && !want_sheet(sheet.name)) {
            book.skipped_sheets.push_back(sheet.name);
            continue;
        }
        util::SourceLocation where{display_name, sheet.name};
        const std::string quoted = util::quote_for_message(sheet.name);
        if (sheet.relationship_id.empty())
            throw util::DataError(where, "у листа " + quoted + " нет ссылки на его часть (r:id)" +
                                             std::string(damaged_hint));
        const xlsx::Relationship* rel = nullptr;
        for (const auto& r : rels)
            if (r.id == sheet.relationship_id) rel = &r;
        if (!rel)
            throw util::DataError(where, "лист " + quoted + " ссылается на связь " +
                                             util::quote_for_message(sheet.relationship_id) + ", которой нет в части " +
                                             rels_entry + std::string(damaged_hint));
        const std::string* entry = rel->external ? nullptr : parts.find(rel->target);
        if (!entry)
            throw util::DataError(where, "в файле нет части " + util::quote_for_message(rel->target) + " с листом " +
                                             quoted + std::string(damaged_hint));

        if (!shared_parts_loaded) {  // only when some sheet is wanted
            if (strings_rel) strings = xlsx::read_shared_strings(zip, related_entry(zip, parts, *strings_rel, rels_entry), limits);
            if (styles_rel)
                percent_styles = xlsx::read_percent_styles(zip, related_entry(zip, parts, *styles_rel, rels_entry), limits);
            shared_parts_loaded = true;
        }

        Table table(sheet.name, where);
        xlsx::read_sheet(zip, *entry, table, strings, percent_styles, limits, expansion, diags);
        book.tables.push_back(std::move(table));
    }
    return book;
}

}  // namespace monsite::ingest
