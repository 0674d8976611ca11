#pragma once
// A school's downloads for people (not open data): for each published year an
// XLSX workbook and a CSV for a spreadsheet program of the site's language,
// both built from one SchoolSheet: the school in brief (name, code, type,
// cluster, group, composite score, rank); every indicator with its name, the school's
// value, its level in words, the cluster's and the municipality's values, the
// change since last year and up to three years of history; then the school's
// recommendations with their reasons. Headers come from the text catalogue.
// Every text is inert in a spreadsheet (csv_writer.hpp inert_text; XLSX text
// cells are strings, never formulas).

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "monsite/config/i18n.hpp"
#include "monsite/render/pages.hpp"

namespace monsite::render {

// A number as published ("73.50", "-1", "12") and typed; empty text / nullopt without one.
struct SheetNumber {
    std::string fixed;
    std::optional<double> value;
};

struct SchoolSheetRow {
    std::string direction, indicator, unit;  // names in the catalogue's language
    bool whole = false;                      // counts: no decimals
    SheetNumber value, cluster, municipal, change;
    std::string level;                       // in words; empty without a value
    std::vector<SheetNumber> history;        // one per SchoolSheet::history_years
    std::string note;                        // without a value: "no data" or "hidden" in words
};

// One line of the school in brief: a label and a text, or a number.
struct SchoolSheetFact {
    std::string label, text;
    SheetNumber number;  // with a value: shown as this number instead of text
};

struct SchoolSheetRecommendation {
    std::string addressee, title, reason;
    int priority = 3;
};

// One school in one year, owning copies of its texts.
struct SchoolSheet {
    std::string school_id, name, title;  // title: the workbook's title, "<short name>: ... <year>"
    int year = 0;
    std::vector<SchoolSheetFact> facts;  // name, code, year, type, cluster, group, composite, rank
    std::vector<int> history_years;      // up to three published years with the school, ascending, ending with year
    std::vector<SchoolSheetRow> rows;    // catalogue order, indicators that apply to the school
    std::vector<SchoolSheetRecommendation> recommendations;  // the decisions' order
};

// The sheet of school `school_id` in `year` (both must exist in `in`).
SchoolSheet school_sheet(const PagesInput& in, int year, const std::string& school_id);

// Paths below the site root: "data/schools/<slug>-<year>.xlsx", ".csv", and
// ".pdf" (printed by monsite pdf from the school's page, pdf/batch.hpp).
std::string school_xlsx_path(const std::string& school_id, int year);
std::string school_csv_path(const std::string& school_id, int year);
std::string school_pdf_path(const std::string& school_id, int year);

// The CSV for people: the school in brief, an empty line, the indicators' table,
// an empty line, the recommendations' table (when there are any).
std::string school_people_csv(const SchoolSheet& sheet, const config::TextCatalogue& texts);
// The workbook (sheets of the school in brief, indicators and recommendations; frozen header row,
// autofilter, number formats, widths, A4 print setup), written to `file`.
void write_school_xlsx(const std::filesystem::path& file, const SchoolSheet& sheet, const config::TextCatalogue& texts,
                       const std::string& author);

// Every school's two files of every published year but the kept ones
// (PagesInput::kept_years), each handed to `deliver` (path, bytes, origin, its year) in a fixed order (years ascending, schools by code),
// one call at a time, made on `threads` threads (0: one per core). Workbooks
// are written in `scratch` first, one file per thread.
void school_downloads(const PagesInput& in, const std::filesystem::path& scratch, const PageSink& deliver,
                      unsigned threads);

}  // namespace monsite::render
