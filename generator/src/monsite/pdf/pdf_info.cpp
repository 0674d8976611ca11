#include "monsite/pdf/pdf_info.hpp"

#include <cstdio>
#include <regex>

namespace monsite::pdf {
namespace {

void hex16(std::string& out, unsigned unit) {
    char buffer[5];
    std::snprintf(buffer, sizeof buffer, "%04X", unit & 0xFFFFu);
    out += buffer;
}

}  // namespace

std::string pdf_text_string(std::string_view s) {
    std::string out = "<FEFF";
    for (std::size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        unsigned cp = 0xFFFD;
        std::size_t len = 1;
        if (c < 0x80) cp = c;
        else if ((c >> 5) == 0x6 && i + 1 < s.size()) cp = ((c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu), len = 2;
        else if ((c >> 4) == 0xE && i + 2 < s.size())
            cp = ((c & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu), len = 3;
        else if ((c >> 3) == 0x1E && i + 3 < s.size())
            cp = ((c & 0x07u) << 18) | ((s[i + 1] & 0x3Fu) << 12) | ((s[i + 2] & 0x3Fu) << 6) | (s[i + 3] & 0x3Fu),
            len = 4;
        i += len;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            hex16(out, 0xD800 + (cp >> 10));
            hex16(out, 0xDC00 + (cp & 0x3FF));
        } else {
            hex16(out, cp);
        }
    }
    return out + ">";
}

bool set_document_info(std::string& pdf, const DocumentInfo& info) {
    const std::size_t startxref = pdf.rfind("startxref");
    const std::size_t trailer = pdf.rfind("trailer", startxref);
    if (startxref == std::string::npos || trailer == std::string::npos) return false;
    long previous = std::strtol(pdf.c_str() + startxref + 9, nullptr, 10);
    const std::string tail = pdf.substr(trailer, startxref - trailer);
    std::smatch size, root;
    static const std::regex size_re(R"(/Size\s+(\d+))"), root_re(R"(/Root\s+(\d+\s+\d+\s+R))");
    if (!std::regex_search(tail, size, size_re) || !std::regex_search(tail, root, root_re) || previous <= 0)
        return false;
    const long object = std::stol(size[1].str());
    if (!pdf.empty() && pdf.back() != '\n') pdf += '\n';
    const std::size_t offset = pdf.size();
    std::string dict = "<<";
    if (!info.title.empty()) dict += " /Title " + pdf_text_string(info.title);
    if (!info.author.empty()) dict += " /Author " + pdf_text_string(info.author);
    if (!info.subject.empty()) dict += " /Subject " + pdf_text_string(info.subject);
    if (!info.creator.empty()) dict += " /Creator " + pdf_text_string(info.creator);
    dict += " >>";
    pdf += std::to_string(object) + " 0 obj\n" + dict + "\nendobj\n";
    const std::size_t xref = pdf.size();
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
    pdf += "xref\n" + std::to_string(object) + " 1\n" + entry;
    pdf += "trailer\n<< /Size " + std::to_string(object + 1) + " /Root " + root[1].str() + " /Info " +
           std::to_string(object) + " 0 R /Prev " + std::to_string(previous) + " >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    return true;
}

}  // namespace monsite::pdf
