#include <doctest/doctest.h>

#include <string>

#include "monsite/config/i18n.hpp"
#include "monsite/render/preview.hpp"
#include "monsite/render/template.hpp"

using namespace monsite;

TEST_CASE("the reload script goes before the last </body>, or at the end") {
    CHECK(render::with_reload_script("<html><body><p>x</p></body></html>", 7) ==
          "<html><body><p>x</p><script src=\"/__monsite/reload.js\" data-generation=\"7\" defer></script>\n"
          "</body></html>");
    CHECK(render::with_reload_script("<p>no body</p>", 1) ==
          "<p>no body</p><script src=\"/__monsite/reload.js\" data-generation=\"1\" defer></script>\n");
    // Only the last </body>: a page quoting the tag in its text keeps it.
    const std::string quoted = render::with_reload_script("<body><code>&lt;/body&gt;</code></body>", 2);
    CHECK(quoted.find("&lt;/body&gt;</code><script") != std::string::npos);
}

TEST_CASE("the error page escapes what the errors say and counts them in words") {
    auto templates = render::Templates::from_text(
        {{"error", "<h1>{{title}}</h1><p>{{lead}}</p>{{#errors}}<li>{{.}}</li>{{/errors}}"
                   "{{#has_warnings}}<h2>{{warnings_title}}</h2>{{#warnings}}<li>{{.}}</li>{{/warnings}}{{/has_warnings}}"
                   "<p>{{status}}</p></body>"}});
    const auto texts = config::builtin_texts(util::Language::ru);
    const std::string page = render::preview_error_page(
        templates, texts, {"data/2025/ОО.csv: строка 2, столбец 7: <script>alert(1)</script>", "второе"}, {}, 5);
    CHECK(page.find("<script>alert") == std::string::npos);
    CHECK(page.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(page.find(texts.text("preview_error_title")) != std::string::npos);
    CHECK(page.find("2 ошибки") != std::string::npos);
    CHECK(page.find("<h2>") == std::string::npos);  // no warnings, no heading
    CHECK(page.find("data-generation=\"5\"") != std::string::npos);

    const auto en = config::builtin_texts(util::Language::en);
    const std::string english = render::preview_error_page(templates, en, {"one"}, {"a warning"}, 6);
    CHECK(english.find("1 error") != std::string::npos);
    CHECK(english.find("<h2>Warnings</h2><li>a warning</li>") != std::string::npos);
}
