#pragma once
// The data-collection workbook the department sends to schools (`monsite
// template`): a sheet per table of the data contract with the contract's
// headers (model/contract.hpp, never a copy), the header row frozen and locked
// (the sheet is protected without a password; data cells stay editable), data
// validation from each column's type (whole numbers >= 0 for counts, 0..100 for
// scores, yes/no, category, kind-of-decision, direction and school-type lists),
// an input message on every column saying what to write, and a row per school
// prefilled with its register entry. A workbook filled in correctly passes
// `monsite check` unchanged.

#include <filesystem>
#include <string>
#include <vector>

#include "monsite/config/i18n.hpp"
#include "monsite/model/indicator.hpp"

namespace monsite::render {

// A school as the latest register (the schools' table) has it.
struct RegisterEntry {
    std::string school_id, name, short_name, type, cluster, locality;
};

struct CollectionWorkbook {
    int year = 0;                          // the monitoring year the workbook collects
    std::vector<RegisterEntry> schools;    // prefilled rows, in this order; may be empty
    std::string author;                    // the department, for the document's properties
};

// Writes the workbook to `file`. Input messages come from `texts` (template_*
// keys); headers, sheet names and lists are the contract's (Russian) words.
// Throws util::InternalError when the file cannot be written.
void write_collection_workbook(const std::filesystem::path& file, const CollectionWorkbook& book,
                               const model::Catalogue& catalogue, const config::TextCatalogue& texts);

}  // namespace monsite::render
