#include <doctest/doctest.h>

#include <string>

#include "monsite/pdf/deterministic.hpp"

using namespace monsite;

TEST_CASE("make_deterministic fixes the printing time and renumbers node ids, keeping every length") {
    const std::string head = "%PDF-1.4\n1 0 obj\n<</CreationDate (D:20261203110304+00'00')\n"
                             "/ModDate (D:20261203110305+00'00')>>\nendobj\n";
    const std::string body = "2 0 obj\n<</ID (node00002150)>>\nendobj\n3 0 obj\n<</ID (node00002151)\n"
                             "/A [<</Headers [(node00002150)]>>]>>\nendobj\n4 0 obj\n<</Title (node7) /X (nodes)>>\nendobj\n";
    std::string pdf = head + body;
    const std::size_t size = pdf.size();
    pdf::make_deterministic(pdf);
    CHECK(pdf.size() == size);
    CHECK(pdf.find("/CreationDate (D:20000101000000+00'00')") != std::string::npos);
    CHECK(pdf.find("/ModDate (D:20000101000000+00'00')") != std::string::npos);
    CHECK(pdf.find("2026") == std::string::npos);
    // First seen gets 1, the reference to it follows, the next id gets 2.
    CHECK(pdf.find("2 0 obj\n<</ID (node00000001)>>") != std::string::npos);
    CHECK(pdf.find("<</ID (node00000002)\n/A [<</Headers [(node00000001)]>>]>>") != std::string::npos);
    CHECK(pdf.find("(node3) /X (nodes)") != std::string::npos);  // the third id, one digit wide as it was
    CHECK(pdf.find("2 0 obj") == head.size());

    // Two prints that differ only in those numbers become the same bytes.
    std::string other = head + body;
    for (auto [from, to] : {std::pair{"00002150", "00001590"}, std::pair{"00002151", "00001591"}})
        for (std::size_t at; (at = other.find(from)) != std::string::npos;) other.replace(at, 8, to);
    other.replace(other.find("110304"), 6, "235959");
    pdf::make_deterministic(other);
    CHECK(other == pdf);
}
