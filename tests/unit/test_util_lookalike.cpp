#include <doctest/doctest.h>

#include "monsite/util/lookalike.hpp"

using namespace monsite::util;

TEST_CASE("look-alike keys fold case and letters that share a shape across scripts and digits") {
    CHECK(lookalike_key("65О025") == lookalike_key("650025"));   // Cyrillic О, digit 0
    CHECK(lookalike_key("SOSH1") == lookalike_key("sosh1"));
    CHECK(lookalike_key("СОШ-1") == lookalike_key("cош‑1"));      // Cyrillic С / Latin c, hyphen / non-breaking hyphen
    CHECK(lookalike_key("ABCEHKMOPTXY") == lookalike_key("АВСЕНКМОРТХУ"));
    CHECK(lookalike_key("abcehkmoptxy") == lookalike_key("авсенкмортху"));
    CHECK(lookalike_key("З3") == lookalike_key("33"));
    CHECK(lookalike_key("l1I|") == lookalike_key("1111"));
    CHECK(lookalike_key("a b") == lookalike_key("a\u00a0b"));
    CHECK(lookalike_key("sch01") != lookalike_key("sch02"));
    CHECK(lookalike_key("sch1") != lookalike_key("sch01"));
    CHECK(lookalike_key("") == "");
}

TEST_CASE("the difference between look-alike codes in words") {
    CHECK(lookalike_difference("65О025", "650025") == "3-й знак — кириллическая буква «О», а не цифра «0»");
    CHECK(lookalike_difference("sсh01", "sch01") == "2-й знак — кириллическая буква «с», а не латинская буква «c»");
    CHECK(lookalike_difference("SOSH1", "sosh1") == "различается только регистр букв (заглавные и строчные)");
    CHECK(lookalike_difference("ОО-О1", "00-01") ==
          "1-й знак — кириллическая буква «О», а не цифра «0»; 2-й знак — кириллическая буква «О», а не цифра «0»; "
          "4-й знак — кириллическая буква «О», а не цифра «0»");
    CHECK(lookalike_difference("ООООО", "00000").ends_with("; …"));
    CHECK(lookalike_difference("a\u00a0b", "a b") == "2-й знак — неразрывный пробел, а не пробел");
    CHECK(lookalike_difference("sch01", "sch01").empty());
}
