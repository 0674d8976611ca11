#include <doctest/doctest.h>

#include <string>

#include "monsite/util/slug.hpp"

using namespace monsite::util;

TEST_CASE("translit spells Russian in lower-case Latin and joins the rest with one dash") {
    CHECK(translit("Щука ёж") == "schuka-ezh");
    CHECK(translit("Гимназия №1") == "gimnaziya-1");
    CHECK(translit("Школа-интернат, 2") == "shkola-internat-2");
    CHECK(translit("  ЪЬ  ") == "");
    CHECK(translit("ABC_def") == "abc-def");
}

TEST_CASE("slug keeps safe codes as they are") {
    CHECK(slug("gim1") == "gim1");
    CHECK(slug("sch-12_a") == "sch-12_a");
}

TEST_CASE("slug transliterates anything else and adds a stable hash") {
    const std::string s = slug("Гимназия №1");
    CHECK(s.starts_with("gimnaziya-1-"));
    CHECK(s.size() == std::string("gimnaziya-1-").size() + 8);
    CHECK(slug("Гимназия №1") == s);  // stable
    CHECK(slug("Гимназия № 1") != s);  // the hash tells them apart
}

TEST_CASE("slug keeps case-only differences apart and avoids unsafe names") {
    CHECK(slug("Sch1") != slug("sch1"));
    CHECK(slug("Sch1").starts_with("sch1-"));
    CHECK(slug("con").starts_with("con-"));
    CHECK(slug("COM1").starts_with("com1-"));
    CHECK(slug("..").starts_with("x-"));
    CHECK(slug("").starts_with("x-"));
    CHECK(slug("№").starts_with("x-"));
}

TEST_CASE("slug shortens long names") {
    const std::string s = slug(std::string(100, 'A'));
    CHECK(s == std::string(48, 'a') + s.substr(48));
    CHECK(s.size() == 48 + 1 + 8);
    CHECK(slug(std::string(64, 'a')) == std::string(64, 'a'));
    CHECK(slug(std::string(65, 'a')).size() == 48 + 1 + 8);
}
