#include <doctest/doctest.h>

#include "monsite/render/template.hpp"
#include "monsite/util/error.hpp"

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
