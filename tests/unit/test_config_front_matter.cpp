#include <doctest/doctest.h>

#include "monsite/config/front_matter.hpp"
#include "test_support.hpp"

using monsite::config::split_front_matter;
using monsite::util::UsageError;

TEST_CASE("front matter: parsed and split from the body") {
    auto page = split_front_matter("+++\ntitle = \"О нас\"\nweight = 5\ndraft = true\n+++\n# Текст\n", "content/a.md");
    CHECK(page.front.title == "О нас");
    CHECK(page.front.weight == 5);
    CHECK(page.front.draft);
    CHECK(page.body == "# Текст\n");
}

TEST_CASE("front matter: absent, CRLF and BOM") {
    auto plain = split_front_matter("# Просто текст\n", "a.md");
    CHECK(plain.front.title.empty());
    CHECK(plain.body == "# Просто текст\n");
    auto crlf = split_front_matter("\xEF\xBB\xBF+++\r\ntitle = \"T\"\r\n+++\r\nbody", "a.md");
    CHECK(crlf.front.title == "T");
    CHECK(crlf.body == "body");
    auto empty_body = split_front_matter("+++\n+++", "a.md");
    CHECK(empty_body.body.empty());
}

TEST_CASE("front matter: mistakes name the file and line") {
    try {
        split_front_matter("+++\ntitle = \"T\"\ntitel = \"x\"\n+++\n", "content/a.md");
        FAIL("no error");
    } catch (const UsageError& e) {
        CHECK(e.where().file == "content/a.md");
        CHECK(e.where().row == 3);
        CHECK(e.message().find("titel") != std::string::npos);
    }
    CHECK_THROWS_AS(split_front_matter("+++\ntitle = \"T\"\n", "a.md"), UsageError);        // not closed
    CHECK_THROWS_AS(split_front_matter("+++\ntitle = [\n+++\n", "a.md"), UsageError);       // bad TOML
    CHECK_THROWS_AS(split_front_matter("+++\nweight = \"x\"\n+++\n", "a.md"), UsageError);  // wrong type
}

TEST_CASE("front matter: the block split without parsing, with the closing line") {
    using monsite::config::split_front_matter_text;
    auto split = split_front_matter_text("\xEF\xBB\xBF+++\r\ntitle = \"T\"\r\n\r\n+++\r\nbody\n", "r.md");
    CHECK(split.present);
    CHECK(split.toml == "title = \"T\"\r\n\r\n");
    CHECK(split.closing_line == 4);
    CHECK(split.body == "body\n");
    auto none = split_front_matter_text("body", "r.md");
    CHECK(!none.present);
    CHECK(none.closing_line == 0);
    CHECK(none.body == "body");
    auto e = monsite::test::usage_error([] { split_front_matter_text("+++\nx = 1\n", "r.md", "рекомендации"); });
    CHECK(e.message() == "блок параметров рекомендации не закрыт строкой +++");
    CHECK(e.where().row == 1);
}
