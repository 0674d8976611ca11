#include "monsite/render/csv_writer.hpp"

namespace monsite::render {

CsvWriter::CsvWriter() : out_("\xEF\xBB\xBF") {}

CsvWriter& CsvWriter::field(std::string_view text) {
    if (row_started_) out_ += ',';
    row_started_ = true;
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
        out_ += text;
        return *this;
    }
    out_ += '"';
    for (char c : text) {
        if (c == '"') out_ += '"';
        out_ += c;
    }
    out_ += '"';
    return *this;
}

void CsvWriter::end_row() {
    out_ += '\n';
    row_started_ = false;
}

}  // namespace monsite::render
