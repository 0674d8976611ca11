#pragma once
// Package-level pieces of an XLSX file for the XLSX reader: part names and
// relationships, shared strings, and which cell styles show percentages.

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "monsite/ingest/limits.hpp"
#include "monsite/ingest/xml_parser.hpp"
#include "monsite/ingest/zip_archive.hpp"

namespace monsite::ingest::xlsx {

// The value of an attribute without a namespace, or "".
std::string_view attribute(std::span<const XmlAttribute> attributes, std::string_view name);

// Streams a zip entry through an XML parser, chunk by chunk.
void parse_part(ZipArchive& zip, const std::string& entry, XmlHandler& handler, const util::SourceLocation& where,
                const ReadLimits& limits);

// "xl/workbook.xml" -> "xl/_rels/workbook.xml.rels"; "" (the package) -> "_rels/.rels".
std::string rels_part_of(std::string_view part);

// Resolves a relationship target against the folder of `source_part`, or from
// the package root if it starts with '/'. Normalises '\\', "." and ".."; pure
// string work, the file system is never touched.
std::string resolve_target(std::string_view source_part, std::string_view target);

// True if a relationship type URI ends with "/<suffix>".
bool type_is(std::string_view type, std::string_view suffix);

// Decodes the _xHHHH_ escapes of OOXML strings in text[from..].
void decode_escapes(std::string& text, std::size_t from = 0);

// A number format code shows percentages: '%' outside quotes, brackets and escapes.
bool is_percent_format(std::string_view format_code);

// Zip entries looked up the OPC way: case-insensitively, with %XX decoded as a fallback.
class PartIndex {
public:
    explicit PartIndex(const ZipArchive& zip);
    // The entry's real name, or nullptr.
    const std::string* find(std::string_view part) const;

private:
    std::unordered_map<std::string, std::string> by_lower_;
};

struct Relationship {
    std::string id;
    std::string type;    // full type URI
    std::string target;  // resolved part name, without a leading '/'; raw text if external
    bool external = false;
};

// Reads the .rels part `rels_entry` whose targets are relative to `source_part`.
// Throws util::DataError for an Id listed twice.
std::vector<Relationship> read_relationships(ZipArchive& zip, const std::string& rels_entry,
                                             std::string_view source_part, const ReadLimits& limits);

// One sheet listed in workbook.xml.
struct SheetEntry {
    std::string name;
    std::string relationship_id;  // r:id; empty if absent
};

// The <sheets> of workbook.xml in order. Throws util::DataError for a name listed twice.
std::vector<SheetEntry> read_sheet_list(ZipArchive& zip, const std::string& workbook_entry, const ReadLimits& limits);

// The shared-string table, as one pool of text.
class SharedStrings {
public:
    std::size_t size() const { return ends_.size(); }
    std::string_view operator[](std::size_t i) const {
        std::size_t begin = i == 0 ? 0 : ends_[i - 1];
        return std::string_view(pool_).substr(begin, ends_[i] - begin);
    }
    // True if entry i was longer than limits.max_cell_chars: it is kept empty,
    // and a cell that uses it is an error at that cell.
    bool too_long(std::size_t i) const { return std::binary_search(too_long_.begin(), too_long_.end(), i); }

private:
    friend class SharedStringsHandler;
    std::string pool_;
    std::vector<std::size_t> ends_;
    std::vector<std::size_t> too_long_;  // ascending
};

// Throws util::DataError past limits.max_shared_strings entries. An entry
// longer than limits.max_cell_chars code points is not kept (too_long()).
SharedStrings read_shared_strings(ZipArchive& zip, const std::string& entry, const ReadLimits& limits);

// For each index of <cellXfs> in styles.xml: 1 if its number format shows percent.
std::vector<std::uint8_t> read_percent_styles(ZipArchive& zip, const std::string& entry, const ReadLimits& limits);

}  // namespace monsite::ingest::xlsx
