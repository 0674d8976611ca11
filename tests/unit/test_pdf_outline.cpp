#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "monsite/pdf/outline.hpp"
#include "monsite/pdf/pdf_info.hpp"

using namespace monsite;

namespace {

// A classic-xref PDF of the given objects (numbered from 1), with offsets
// computed as a PDF writer does.
std::string make_pdf(const std::vector<std::string>& bodies, int root) {
    std::string pdf = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < bodies.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + bodies[i] + "\nendobj\n";
    }
    const std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(bodies.size() + 1) + "\n0000000000 65535 f \n";
    for (std::size_t offset : offsets) {
        char entry[32];
        std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
        pdf += entry;
    }
    pdf += "trailer\n<</Size " + std::to_string(bodies.size() + 1) + "\n/Root " + std::to_string(root) +
           " 0 R>>\nstartxref\n" + std::to_string(xref) + "\n%%EOF";
    return pdf;
}

// Four pages in a two-level page tree (as Skia nests large documents) and an
// outline: "Введение" on page 1 with a child on page 2, then "Итоги" on page 4.
std::string sample() {
    return make_pdf(
        {
            "<</Type /Catalog\n/Pages 2 0 R\n/Outlines 9 0 R>>",            // 1
            "<</Type /Pages\n/Count 4\n/Kids [3 0 R 4 0 R]>>",              // 2
            "<</Type /Pages\n/Count 2\n/Parent 2 0 R\n/Kids [5 0 R 6 0 R]>>",  // 3
            "<</Type /Pages\n/Count 2\n/Parent 2 0 R\n/Kids [7 0 R 8 0 R]>>",  // 4
            "<</Type /Page\n/Parent 3 0 R>>",                               // 5: page 1
            "<</Type /Page\n/Parent 3 0 R>>",                               // 6: page 2
            "<</Type /Page\n/Parent 4 0 R>>",                               // 7: page 3
            "<</Type /Page\n/Parent 4 0 R>>",                               // 8: page 4
            "<</Type /Outlines\n/First 10 0 R\n/Last 12 0 R\n/Count 3>>",   // 9
            "<</Title " + pdf::pdf_text_string("Введение") + "\n/Dest [5 0 R /XYZ 28 700 0]\n/Parent 9 0 R\n"
                "/First 11 0 R\n/Last 11 0 R\n/Next 12 0 R>>",              // 10
            "<</Title (Part \\(one\\))\n/Dest [6 0 R /XYZ 28 500 0]\n/Parent 10 0 R>>",  // 11
            "<</Title " + pdf::pdf_text_string("Итоги") + "\n/Dest [8 0 R /XYZ 28 300 0]\n/Parent 9 0 R>>",  // 12
        },
        1);
}

}  // namespace

TEST_CASE("read_outline gives every entry in document order with its page number") {
    const auto entries = pdf::read_outline(sample());
    REQUIRE(entries.size() == 3);
    CHECK(entries[0].title == "Введение");
    CHECK(entries[0].page == 1);
    CHECK(entries[0].depth == 0);
    CHECK(entries[1].title == "Part (one)");
    CHECK(entries[1].page == 2);
    CHECK(entries[1].depth == 1);
    CHECK(entries[2].title == "Итоги");
    CHECK(entries[2].page == 4);
}

TEST_CASE("read_outline reads through an incremental update") {
    std::string pdf = sample();
    REQUIRE(pdf::set_document_info(pdf, {"Отчёт", "Управление", "", "monsite"}));
    const auto entries = pdf::read_outline(pdf);
    REQUIRE(entries.size() == 3);
    CHECK(entries[2].page == 4);
}

TEST_CASE("read_outline returns nothing for a PDF without an outline or a broken one") {
    CHECK(pdf::read_outline(make_pdf({"<</Type /Catalog\n/Pages 2 0 R>>", "<</Type /Pages\n/Count 0\n/Kids []>>"}, 1))
              .empty());
    CHECK(pdf::read_outline("").empty());
    CHECK(pdf::read_outline("%PDF-1.4\nstartxref\n999999\n%%EOF").empty());
    std::string cut = sample();
    cut.resize(cut.size() / 2);
    CHECK(pdf::read_outline(cut).empty());
    // An outline that loops back on itself ends instead of hanging.
    const std::string loop = make_pdf({"<</Type /Catalog\n/Pages 2 0 R\n/Outlines 3 0 R>>",
                                       "<</Type /Pages\n/Count 0\n/Kids []>>", "<</First 4 0 R>>",
                                       "<</Title (a)\n/Next 4 0 R>>"},
                                      1);
    CHECK(pdf::read_outline(loop).size() == 1);
}

TEST_CASE("pdf_string_to_utf8 reads UTF-16BE with a byte-order mark and Latin-1 otherwise") {
    CHECK(pdf::pdf_string_to_utf8(std::string("\xFE\xFF\x04\x2F", 4)) == "Я");
    CHECK(pdf::pdf_string_to_utf8(std::string("\xFE\xFF\xD8\x3D\xDE\x00", 6)) == "\xF0\x9F\x98\x80");
    CHECK(pdf::pdf_string_to_utf8("abc") == "abc");
    CHECK(pdf::pdf_string_to_utf8("\xE9") == "\xC3\xA9");
}
