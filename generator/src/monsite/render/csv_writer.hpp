#pragma once
// Writes CSV as Excel reads it: UTF-8 with a BOM, comma-separated, LF line ends,
// a field quoted only if it holds a comma, a quote or a line break.

#include <string>
#include <string_view>

namespace monsite::render {

class CsvWriter {
public:
    CsvWriter();  // starts with the BOM
    CsvWriter& field(std::string_view text);
    void end_row();
    // Text is written unchanged, even when it starts with "=": open data must
    // equal its source. (monitoring.xlsx stores text as strings, never formulas.)
    std::string take() { return std::move(out_); }

private:
    std::string out_;
    bool row_started_ = false;
};

}  // namespace monsite::render
