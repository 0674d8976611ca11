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

namespace monsite::render {

class XlsxWriter {
public:
    // header: bold on a tinted fill; plain_header: bold, wrapped, top-aligned, no fill.
    // general: a number as it is; decimal_upto2: "0.0#"; percent: Excel's built-in "0%".
    enum class Style { header, text, integer, decimal2, plain_header, general, decimal_upto2, percent };

    // Document properties; the fixed creation time keeps equal content at equal bytes.
    struct Properties {
        std::string title;
        std::string author;   // empty: not written
        std::string company;  // empty: not written
        std::time_t created = 946684800;  // 2000-01-01
    };

    // Starts a workbook to be written at `file` (temporary files go beside it).
    explicit XlsxWriter(const std::filesystem::path& file, std::string_view title);
    XlsxWriter(const std::filesystem::path& file, const Properties& properties);
    ~XlsxWriter();
    XlsxWriter(const XlsxWriter&) = delete;
    XlsxWriter& operator=(const XlsxWriter&) = delete;

    // Adds a sheet and makes it current. Names are at most 31 characters.
    void add_sheet(std::string_view name);
    // Text is always stored as a string cell, never as a formula.
    void text(std::uint32_t row, std::uint16_t column, std::string_view value, Style style = Style::text);
    void number(std::uint32_t row, std::uint16_t column, double value, Style style);
    // A logical cell (TRUE/FALSE, shown by Excel in the reader's language).
    void boolean(std::uint32_t row, std::uint16_t column, bool value);
    void column_width(std::uint16_t column, double width);
    // Freezes the first row and puts an autofilter on rows 0..last_row.
    void header_tools(std::uint32_t last_row, std::uint16_t last_column);
    // Freezes the first row only.
    void freeze_header();
    // Writes the file. Throws util::InternalError on failure.
    void close();

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace monsite::render
