#pragma once
// Writes CSV as Excel reads it: UTF-8 with a BOM, comma-separated, LF line ends,
// a field quoted only if it holds a comma, a quote or a line break.

#include <string>
#include <string_view>

namespace monsite::render {

std::string inert_text(std::string_view text);  // declared with PeopleCsvWriter below

class CsvWriter {
public:
    CsvWriter();  // starts with the BOM
    // A code or a number, written as it is.
    CsvWriter& field(std::string_view text);
    // A text from the data (a name, an id, a reason): made inert (inert_text
    // below), so that a spreadsheet opening the file runs no formula.
    CsvWriter& text(std::string_view text);
    void end_row();
    std::string take() { return std::move(out_); }

private:
    std::string out_;
    bool row_started_ = false;
};

}  // namespace monsite::render

namespace monsite::render {

// A text no spreadsheet program runs as a formula: one that starts with "=",
// "+", "-", "@", a tab or a carriage return gets a leading "'" (OWASP CSV injection).
std::string inert_text(std::string_view text);

// CSV for people opening it in a spreadsheet program of their language: UTF-8
// with a BOM, CRLF line ends; in Russian ";" between fields and a decimal
// comma (what Excel in Russia expects), in English "," and a decimal point.
// Every text is made inert (inert_text); numbers are written as numbers.
class PeopleCsvWriter {
public:
    explicit PeopleCsvWriter(bool decimal_comma);
    PeopleCsvWriter& text(std::string_view value);
    // A number in the open-data form ("73.50", "-1", "12"); empty: an empty cell.
    PeopleCsvWriter& number(std::string_view fixed);
    // Ends the row, first adding empty fields up to `width` (every row of a file
    // as wide as its widest, so that any reader sees one table).
    void end_row(std::size_t width = 0);
    std::string take() { return std::move(out_); }

private:
    void raw(std::string_view value);
    std::size_t fields_ = 0;
    std::string out_;
    char separator_;
    bool decimal_comma_;
    bool row_started_ = false;
};

}  // namespace monsite::render
