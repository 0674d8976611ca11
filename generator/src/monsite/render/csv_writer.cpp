#include "monsite/render/csv_writer.hpp"

#include <string>

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

CsvWriter& CsvWriter::text(std::string_view text) { return field(inert_text(text)); }

void CsvWriter::end_row() {
    out_ += '\n';
    row_started_ = false;
}

}  // namespace monsite::render

namespace monsite::render {

std::string inert_text(std::string_view text) {
    if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos)
        return "'" + std::string(text);
    return std::string(text);
}

PeopleCsvWriter::PeopleCsvWriter(bool decimal_comma)
    : out_("\xEF\xBB\xBF"), separator_(decimal_comma ? ';' : ','), decimal_comma_(decimal_comma) {}

void PeopleCsvWriter::raw(std::string_view value) {
    if (row_started_) out_ += separator_;
    row_started_ = true;
    ++fields_;
    if (value.find_first_of(std::string{separator_, '"', '\r', '\n'}) == std::string_view::npos) {
        out_ += value;
        return;
    }
    out_ += '"';
    for (char c : value) {
        if (c == '"') out_ += '"';
        out_ += c;
    }
    out_ += '"';
}

PeopleCsvWriter& PeopleCsvWriter::text(std::string_view value) {
    raw(inert_text(value));
    return *this;
}

PeopleCsvWriter& PeopleCsvWriter::number(std::string_view fixed) {
    std::string n(fixed);
    if (decimal_comma_)
        for (char& c : n)
            if (c == '.') c = ',';
    raw(n);
    return *this;
}

void PeopleCsvWriter::end_row(std::size_t width) {
    while (fields_ < width) raw({});
    out_ += "\r\n";
    row_started_ = false;
    fields_ = 0;
}

}  // namespace monsite::render
