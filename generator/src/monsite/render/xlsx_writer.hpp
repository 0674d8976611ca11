#pragma once
// A small RAII writer for XLSX workbooks (libxlsxwriter behind it). The
// workbook is written to a file on close(); document dates are fixed so the
// same content gives the same bytes.

#include <cstdint>
#include <ctime>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace monsite::render {

class XlsxWriter {
public:
    // header: bold on a tinted fill; plain_header: bold, wrapped, top-aligned, no fill.
    // general: a number as it is; decimal_upto2: "0.0#"; percent: Excel's built-in "0%".
    // wrapped: text wrapped and top-aligned. input_*: an unlocked cell of a protected sheet
    // (text, whole number, number "0.0#").
    enum class Style { header, text, integer, decimal2, plain_header, general, decimal_upto2, percent, wrapped,
                       input_text, input_integer, input_decimal };

    // What a range of cells accepts (Excel's data validation), with the message
    // shown when one of them is selected. Titles are at most 32 characters,
    // messages 255 (longer ones are cut).
    struct Validation {
        enum class Kind { any, whole_at_least_zero, decimal_range, list };  // any: the message only
        Kind kind = Kind::whole_at_least_zero;
        double minimum = 0, maximum = 0;  // decimal_range
        std::vector<std::string> choices;  // list: at most 255 characters together
        bool strict = true;                // false: a value outside is warned about, not refused
        std::string title, message;        // the input message; empty: none
    };

    // Document properties; the fixed creation time keeps equal content at equal bytes.
    struct Properties {
        std::string title;
        std::string author;   // empty: not written
        std::string company;  // empty: not written
        std::time_t created = 946684800;  // 2000-01-01
        // Rows go to a temporary file as they are written and strings are stored
        // inline (libxlsxwriter's constant_memory): memory stays small whatever the
        // number of rows, but each sheet's rows must be written in order, top to bottom.
        bool constant_memory = false;
    };

    // Starts a workbook to be written at `file` (temporary files go beside it).
    explicit XlsxWriter(const std::filesystem::path& file, std::string_view title);
    XlsxWriter(const std::filesystem::path& file, const Properties& properties);
    ~XlsxWriter();
    XlsxWriter(const XlsxWriter&) = delete;
    XlsxWriter& operator=(const XlsxWriter&) = delete;

    // Adds a sheet and makes it current. Names are at most 31 characters.
    void add_sheet(std::string_view name);
    // Text is always stored as a string cell, never as a formula: a text such as
    // "=HYPERLINK(...)" stays inert (OWASP CSV injection; tested).
    void text(std::uint32_t row, std::uint16_t column, std::string_view value, Style style = Style::text);
    void number(std::uint32_t row, std::uint16_t column, double value, Style style);
    // A logical cell (TRUE/FALSE, shown by Excel in the reader's language).
    void boolean(std::uint32_t row, std::uint16_t column, bool value);
    void column_width(std::uint16_t column, double width);
    // Freezes the first row and puts an autofilter on rows 0..last_row.
    void header_tools(std::uint32_t last_row, std::uint16_t last_column);
    // Freezes the first row only.
    void freeze_header();
    // Print setup of the current sheet: A4, landscape or portrait, one page
    // wide, the header row repeated on every page, gridlines printed; `title`
    // (if any) centred at the top of every page, "page N of M" at the bottom.
    void print_setup(bool landscape, std::string_view title = {});
    // Sets a column's width and the style of its empty cells.
    void column_style(std::uint16_t column, double width, Style style);
    // Data validation on rows first_row..last_row of one column.
    void validate(std::uint32_t first_row, std::uint32_t last_row, std::uint16_t column, const Validation& rule);
    // Protects the current sheet without a password: only input_* cells (and
    // columns styled so) can be edited; rows may be inserted, deleted, sorted, filtered.
    void protect();

    // Writes the file. Throws util::InternalError on failure.
    void close();

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace monsite::render
