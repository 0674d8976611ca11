#include <doctest/doctest.h>

#include <cstdio>
#include <string>

#include "monsite/pdf/pdf_info.hpp"

using namespace monsite;

namespace {

// A minimal classic-xref PDF, as Chromium ends one.
std::string tiny_pdf() {
    return "%PDF-1.4\n1 0 obj\n<</Title (x)>>\nendobj\n2 0 obj\n<</Type /Catalog>>\nendobj\n"
           "xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000040 00000 n \n"
           "trailer\n<</Size 3\n/Root 2 0 R\n/Info 1 0 R>>\nstartxref\n72\n%%EOF";
}

}  // namespace

TEST_CASE("pdf_text_string writes UTF-16BE with a byte-order mark") {
    CHECK(pdf::pdf_text_string("A") == "<FEFF0041>");
    CHECK(pdf::pdf_text_string("Я") == "<FEFF042F>");
    CHECK(pdf::pdf_text_string("\xF0\x9F\x98\x80") == "<FEFFD83DDE00>");  // outside the BMP: a surrogate pair
    CHECK(pdf::pdf_text_string("") == "<FEFF>");
}

TEST_CASE("set_document_info appends an Info dictionary and a trailer pointing to it") {
    std::string pdf = tiny_pdf();
    const std::string original = pdf;
    REQUIRE(pdf::set_document_info(pdf, {"Отчёт", "Управление", "", "monsite"}));
    CHECK(pdf.compare(0, original.size(), original) == 0);  // the browser's bytes stay as they were
    const std::string added = pdf.substr(original.size());
    CHECK(added.find("3 0 obj\n<< /Title " + pdf::pdf_text_string("Отчёт") + " /Author " +
                     pdf::pdf_text_string("Управление") + " /Creator ") != std::string::npos);
    CHECK(added.find("/Subject") == std::string::npos);
    CHECK(added.find("/Size 4 /Root 2 0 R /Info 3 0 R /Prev 72") != std::string::npos);
    // The new xref entry gives the object's real offset, and startxref the xref's.
    const std::size_t object = pdf.find("3 0 obj");
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n ", object);
    CHECK(pdf.find(std::string("xref\n3 1\n") + entry) != std::string::npos);
    const std::size_t xref = pdf.rfind("xref\n3 1");
    CHECK(pdf.find("startxref\n" + std::to_string(xref) + "\n%%EOF") != std::string::npos);
}

TEST_CASE("set_document_info leaves a file without a readable trailer alone") {
    std::string not_pdf = "%PDF-1.7\nno trailer here";
    CHECK_FALSE(pdf::set_document_info(not_pdf, {"t", "a", "", ""}));
    CHECK(not_pdf == "%PDF-1.7\nno trailer here");
}

