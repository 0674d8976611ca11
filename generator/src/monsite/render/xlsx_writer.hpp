#pragma once
// A small RAII writer for XLSX workbooks (libxlsxwriter behind it). The
// workbook is written to a file on close(); document dates are fixed so the
// same content gives the same bytes.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string_view>

namespace monsite::render {

class XlsxWriter {
public:
    enum class Style { header, text, integer, decimal2 };

    // Starts a workbook to be written at `file` (temporary files go beside it).
    explicit XlsxWriter(const std::filesystem::path& file, std::string_view title);
    ~XlsxWriter();
    XlsxWriter(const XlsxWriter&) = delete;
    XlsxWriter& operator=(const XlsxWriter&) = delete;

    // Adds a sheet and makes it current. Names are at most 31 characters.
    void add_sheet(std::string_view name);
    // Text is always stored as a string cell, never as a formula.
    void text(std::uint32_t row, std::uint16_t column, std::string_view value, Style style = Style::text);
    void number(std::uint32_t row, std::uint16_t column, double value, Style style);
    void column_width(std::uint16_t column, double width);
    // Freezes the first row and puts an autofilter on rows 0..last_row.
    void header_tools(std::uint32_t last_row, std::uint16_t last_column);
    // Writes the file. Throws util::InternalError on failure.
    void close();

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace monsite::render
