#pragma once
// The PDF's document information (title, author, subject), set by appending an
// incremental update to a finished PDF: a new Info dictionary and a trailer that
// points to it. The rest of the file is left exactly as the browser wrote it.

#include <string>
#include <string_view>

namespace monsite::pdf {

struct DocumentInfo {
    std::string title;
    std::string author;
    std::string subject;
    std::string creator;  // the program that made the document
};

// Appends the update to `pdf` (a classic-xref PDF as Chromium writes it).
// Returns false, leaving `pdf` as it was, when its trailer cannot be read.
bool set_document_info(std::string& pdf, const DocumentInfo& info);

// A text as a PDF string: <FEFF...> (UTF-16BE with a byte-order mark) from UTF-8.
std::string pdf_text_string(std::string_view utf8);

}  // namespace monsite::pdf
