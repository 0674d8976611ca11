#include <doctest/doctest.h>

#include "monsite/render/template.hpp"
#include "monsite/util/error.hpp"
#include "test_support.hpp"

using monsite::render::escape_html;
using monsite::render::Templates;

TEST_CASE("templates: values are escaped; triple braces are for generator HTML only") {
    auto t = Templates::from_text({{"page", "<p title=\"{{name}}\">{{name}}</p>{{{html}}}{{> part}}"},
                                   {"part", "<i>{{#items}}{{.}};{{/items}}</i>"}});
    nlohmann::ordered_json context{{"name", "<script>\"x\" & 'y'</script>"},
                                   {"html", "<b>ok</b>"},
                                   {"items", {"a<b", "c"}}};
    std::string out = t.render("page", context);
    CHECK(out == "<p title=\"&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;\">"
                 "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;</p><b>ok</b><i>a&lt;b;c;</i>");
}

TEST_CASE("templates: numbers and booleans") {
    auto t = Templates::from_text({{"t", "{{n}} {{#flag}}yes{{/flag}}{{^off}} no{{/off}}"}});
    CHECK(t.render("t", {{"n", 25}, {"flag", true}, {"off", false}}) == "25 yes no");
}

TEST_CASE("templates: an unknown template is an internal error") {
    auto t = Templates::from_text({{"t", "x"}});
    CHECK_THROWS_AS(t.render("missing", nlohmann::ordered_json::object()), monsite::util::InternalError);
    CHECK(escape_html("a=`b`") == "a&#61;&#96;b&#96;");
}

TEST_CASE("templates: an unknown partial is an error naming the template file, the line and the partial") {
    // From text: the template is named by its name, or by its file when given.
    auto e = [](auto&& f) -> monsite::util::UsageError {
        try {
            f();
        } catch (const monsite::util::UsageError& error) {
            return error;
        }
        FAIL("no util::UsageError was thrown");
        return monsite::util::UsageError("");
    };
    auto named = e([] { Templates::from_text({{"home", "<p>\n{{> nope}}</p>"}}); });
    CHECK(named.to_diagnostic().to_string() ==
          "шаблон «home»: строка 2: неизвестный шаблон {{> nope}}: в теме нет файла «nope.mustache» "
          "(ни в своей теме, ни в теме default)");
    auto filed = e([] {
        Templates::from_text({{"home", "a\nb\n{{#x}}{{>  nope }}{{/x}}"}, {"value", "v"}},
                             {{"home", "themes/mine/templates/home.mustache"}});
    });
    CHECK(filed.where().file == "themes/mine/templates/home.mustache");
    CHECK(filed.where().row == 3);
    CHECK(filed.status() == monsite::util::ExitStatus::usage);
    CHECK(filed.message().find("{{> nope}}") != std::string::npos);
    // Inside a partial: the partial's own template is named.
    auto nested = e([] {
        Templates::from_text({{"page", "{{> part}}"}, {"part", "x\n{{> missing}}"}},
                             {{"page", "page.mustache"}, {"part", "part.mustache"}});
    });
    CHECK(nested.where().file == "part.mustache");
    CHECK(nested.where().row == 2);
    CHECK(nested.message().find("{{> missing}}") != std::string::npos);
    // Known partials still work.
    CHECK(Templates::from_text({{"page", "[{{> part}}]"}, {"part", "p"}}).render("page", {}) == "[p]");
}

TEST_CASE("templates: load names the file of a template with an unknown partial") {
    monsite::test::TempDir dir;
    monsite::test::write_file(dir / "mine/home.mustache", "<h1>{{title}}</h1>\n{{> nope}}\n");
    monsite::test::write_file(dir / "default/home.mustache", "<h1>{{title}}</h1>\n");
    monsite::test::write_file(dir / "default/value.mustache", "{{text}}");
    try {
        Templates::load({dir / "mine", dir / "default"});
        FAIL("no error");
    } catch (const monsite::util::UsageError& error) {
        CHECK(error.where().file == (dir / "mine/home.mustache").generic_string());
        CHECK(error.where().row == 2);
        CHECK(error.message().find("неизвестный шаблон {{> nope}}") == 0);
    }
    // The default theme's own templates all resolve.
    CHECK_NOTHROW(Templates::load({std::filesystem::path(MONSITE_FIXTURES) / "../../themes/default/templates"}));
}
