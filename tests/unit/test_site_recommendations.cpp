// site::load_recommendations: the rule files of content/recommendations/, one
// language's, and Pipeline::load_site loading them before any data is read.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "monsite/config/config.hpp"
#include "monsite/site/pipeline.hpp"
#include "monsite/site/sources.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using monsite::model::RecommendationRule;
using monsite::site::load_recommendations;
using monsite::test::TempDir;
using monsite::test::usage_error;
using monsite::test::write_file;
using monsite::util::Language;

namespace {

const monsite::model::Catalogue& catalogue() {
    static const monsite::model::Catalogue c = monsite::config::default_config().catalogue;
    return c;
}

std::string rule_text(const std::string& title, const std::string& extra = "", const std::string& body = "Текст.\n") {
    return "+++\ntitle = \"" + title + "\"\naddressee = \"department\"\n" + extra + "+++\n" + body;
}

void write_rule(const TempDir& dir, const std::string& name, const std::string& text) {
    write_file(dir / ("content/recommendations/" + name), text);
}

std::vector<std::string> ids(const std::vector<RecommendationRule>& rules) {
    std::vector<std::string> out;
    for (const auto& r : rules) out.push_back(r.id);
    return out;
}

const RecommendationRule& by_id(const std::vector<RecommendationRule>& rules, const std::string& id) {
    for (const auto& r : rules)
        if (r.id == id) return r;
    FAIL("no rule " << id);
    return rules.front();
}

}  // namespace

TEST_CASE("load_recommendations: language, drafts, skipped names, order") {
    TempDir dir;
    write_rule(dir, "zeta.md", rule_text("Зета"));
    write_rule(dir, "alpha.md", rule_text("Альфа"));
    write_rule(dir, "alpha.en.md", rule_text("Alpha"));
    write_rule(dir, "both.md", rule_text("Оба"));
    write_rule(dir, "both.ru.md", rule_text("Оба (ru)"));
    write_rule(dir, "english-only.en.md", rule_text("English only"));
    write_rule(dir, "draft.md", rule_text("Черновик", "draft = true\n"));
    write_rule(dir, "draft-en.md", rule_text("Русский текст"));
    write_rule(dir, "draft-en.en.md", rule_text("Unfinished", "draft = true\n"));
    write_rule(dir, "_template.md", "не правило вовсе");
    write_rule(dir, ".hidden.md", "не правило вовсе");
    write_rule(dir, "notes.txt", "не правило вовсе");
    write_rule(dir, "Mixed_Case-2.md", rule_text("Регистр"));
    fs::create_directories(dir / "content/recommendations/sub.md");

    auto ru = load_recommendations(dir.path(), Language::ru, catalogue());
    CHECK(ids(ru) == std::vector<std::string>{"Mixed_Case-2", "alpha", "both", "draft-en", "zeta"});
    CHECK(by_id(ru, "alpha").title == "Альфа");
    CHECK(by_id(ru, "alpha").source == "content/recommendations/alpha.md");
    CHECK(by_id(ru, "both").title == "Оба (ru)");  // name.ru.md replaces name.md on a Russian site
    CHECK(by_id(ru, "both").source == "content/recommendations/both.ru.md");

    auto en = load_recommendations(dir.path(), Language::en, catalogue());
    CHECK(ids(en) == std::vector<std::string>{"Mixed_Case-2", "alpha", "both", "draft-en", "english-only", "zeta"});
    CHECK(by_id(en, "alpha").title == "Alpha");
    CHECK(by_id(en, "alpha").source == "content/recommendations/alpha.en.md");
    CHECK(by_id(en, "both").title == "Оба");  // both.ru.md is another language's
    CHECK(by_id(en, "draft-en").title == "Русский текст");  // a draft translation leaves name.md in use
    CHECK(by_id(en, "english-only").id == "english-only");
}

TEST_CASE("load_recommendations: bodies rendered from Markdown, no raw HTML") {
    TempDir dir;
    write_rule(dir, "r.md",
               rule_text("Т", "", "# Заголовок\n\nВ {{municipality}} **важно** <script>alert(1)</script>\n\n"
                                  "[ссылка](javascript:alert(1))\n"));
    auto rules = load_recommendations(dir.path(), Language::ru, catalogue());
    REQUIRE(rules.size() == 1);
    const std::string& html = rules[0].body_html;
    CHECK(html.find("<h1>Заголовок</h1>") != std::string::npos);  // kept: the title is in the front matter
    CHECK(html.find("В {{municipality}} <strong>важно</strong>") != std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("javascript:") == std::string::npos);
}

TEST_CASE("load_recommendations: no folder, bad names and bad rules") {
    TempDir dir;
    CHECK(load_recommendations(dir.path(), Language::ru, catalogue()).empty());
    fs::create_directories(dir / "content/recommendations");
    CHECK(load_recommendations(dir.path(), Language::ru, catalogue()).empty());

    write_rule(dir, "мой.md", rule_text("Т"));
    auto e = usage_error([&] { load_recommendations(dir.path(), Language::ru, catalogue()); });
    CHECK(e.where().file == "content/recommendations/мой.md");
    CHECK(e.message().find("имя файла рекомендации «мой.md» не годится") != std::string::npos);
    fs::remove(dir / "content/recommendations/мой.md");

    write_rule(dir, "a.b.md", rule_text("Т"));
    CHECK(usage_error([&] { load_recommendations(dir.path(), Language::ru, catalogue()); }).where().file ==
          "content/recommendations/a.b.md");
    fs::remove(dir / "content/recommendations/a.b.md");

    write_rule(dir, "bad.en.md", rule_text("T", "[when]\nindicator = \"nonsense\"\n"));
    CHECK_NOTHROW(load_recommendations(dir.path(), Language::ru, catalogue()));  // English only: not read
    auto bad = usage_error([&] { load_recommendations(dir.path(), Language::en, catalogue()); });
    CHECK(bad.where().file == "content/recommendations/bad.en.md");
    CHECK(bad.where().row == 5);
    CHECK(bad.message().find("неизвестный показатель «nonsense»") != std::string::npos);
}

TEST_CASE("load_recommendations: replaces names a rule of the set, never its own replacer") {
    TempDir dir;
    write_rule(dir, "low.md", rule_text("Низкий"));
    write_rule(dir, "low-2y.md", rule_text("Два года", "replaces = \"low\"\n"));
    auto rules = load_recommendations(dir.path(), Language::ru, catalogue());
    CHECK(by_id(rules, "low-2y").replaces == std::vector<std::string>{"low"});
    CHECK(by_id(rules, "low-2y").replaces_line == 4);

    write_rule(dir, "other.md", rule_text("Другое", "replaces = [\"low\", \"missing\"]\n"));
    auto unknown = usage_error([&] { load_recommendations(dir.path(), Language::ru, catalogue()); });
    CHECK(unknown.where().file == "content/recommendations/other.md");
    CHECK(unknown.where().row == 4);
    CHECK(unknown.message() == "replaces называет правило «missing», которого нет в content/recommendations/ (имя файла без .md)");
    fs::remove(dir / "content/recommendations/other.md");

    write_rule(dir, "low.md", rule_text("Низкий", "replaces = \"low-2y\"\n"));
    auto mutual = usage_error([&] { load_recommendations(dir.path(), Language::ru, catalogue()); });
    CHECK(mutual.message().find("заменяют друг друга") != std::string::npos);

    write_rule(dir, "low.md", rule_text("Низкий", "replaces = \"low\"\n"));
    CHECK(usage_error([&] { load_recommendations(dir.path(), Language::ru, catalogue()); }).message() ==
          "правило не может заменять само себя (replaces = «low»)");
    write_rule(dir, "low.md", rule_text("Низкий", "replaces = 3\n"));
    CHECK(usage_error([&] { load_recommendations(dir.path(), Language::ru, catalogue()); }).message().find(
              "«replaces» должен быть id правила") == 0);
}

TEST_CASE("Pipeline::load_site: the rules in the site's language, a bad one stops it") {
    TempDir dir;
    fs::create_directories(dir / "data");
    write_rule(dir, "a.md", rule_text("А"));
    write_rule(dir, "a.en.md", rule_text("A"));
    monsite::site::PipelineOptions options;
    options.data_dir = dir / "data";
    {
        monsite::site::Pipeline pipeline(options);
        monsite::util::Diagnostics diags;
        pipeline.load_config();
        pipeline.load_site(diags);
        REQUIRE(pipeline.recommendations().size() == 1);
        CHECK(pipeline.recommendations()[0].title == "А");
    }
    write_file(dir / "data/site.toml", "language = \"en\"\n");
    {
        monsite::site::Pipeline pipeline(options);
        monsite::util::Diagnostics diags;
        pipeline.load_config();
        pipeline.load_site(diags);
        REQUIRE(pipeline.recommendations().size() == 1);
        CHECK(pipeline.recommendations()[0].title == "A");
    }
    write_rule(dir, "b.en.md", rule_text("B", "priority = 9\n"));
    monsite::site::Pipeline pipeline(options);
    monsite::util::Diagnostics diags;
    pipeline.load_config();
    auto e = usage_error([&] { pipeline.load_site(diags); });
    CHECK(e.where().file == "content/recommendations/b.en.md");
    CHECK(e.where().row == 4);
}
