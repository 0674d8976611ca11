#pragma once
// The document outline (bookmarks) of a PDF as Chromium writes it: classic
// cross-reference table, uncompressed dictionaries. Used to learn on which
// page each heading of a printed page landed, for its contents.

#include <string>
#include <string_view>
#include <vector>

namespace monsite::pdf {

struct OutlineEntry {
    std::string title;  // UTF-8
    int page = 0;       // 1-based; 0 when the entry points to no known page
    int depth = 0;      // 0 for a top-level entry
};

// Every entry in document order (depth first). Empty when the PDF has no
// outline or its structure cannot be read; never throws on malformed input.
std::vector<OutlineEntry> read_outline(std::string_view pdf);

// A PDF text string's bytes (the inside of <...> or (...), already unescaped
// for literals) as UTF-8: UTF-16BE with a byte-order mark, else PDFDocEncoding
// read as Latin-1.
std::string pdf_string_to_utf8(std::string_view bytes);

}  // namespace monsite::pdf
