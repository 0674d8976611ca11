#include <doctest/doctest.h>

#include <set>
#include <string>

#include "monsite/config/i18n.hpp"
#include "test_support.hpp"

using namespace monsite;
using util::Language;
using monsite::test::mentions;
using monsite::test::usage_error;

namespace {

std::set<std::string> keys(const config::TextCatalogue& c) {
    std::set<std::string> out;
    for (const auto& [key, e] : c.entries()) out.insert(key);
    return out;
}

std::set<std::string> placeholder_names(const config::TextEntry& e) {
    std::set<std::string> out;
    for (auto& n : config::placeholders(e.text)) out.insert(n);
    for (const auto& [c, text] : e.forms)
        for (auto& n : config::placeholders(text)) out.insert(n);
    return out;
}

}  // namespace

// The structural rules of the shipped catalogues: both parse (forms right for
// each language, no empty text), have the same keys, the same kind of entry
// and the same {placeholders}. Unused keys: tests/i18n/check_catalogue.py.
TEST_CASE("built-in catalogues: same keys, right forms, no empty text, same placeholders") {
    const auto ru = config::builtin_texts(Language::ru);
    const auto en = config::builtin_texts(Language::en);
    CHECK(ru.language() == Language::ru);
    CHECK(en.language() == Language::en);
    CHECK(ru.entries().size() > 100);
    for (const auto& key : keys(ru)) {
        INFO("key present in ru.toml only: " << key);
        CHECK(en.find(key) != nullptr);
    }
    for (const auto& key : keys(en)) {
        INFO("key present in en.toml only: " << key);
        CHECK(ru.find(key) != nullptr);
    }
    for (const auto& [key, r] : ru.entries()) {
        const config::TextEntry* e = en.find(key);
        if (!e) continue;
        INFO("key: " << key);
        CHECK(r.plural() == e->plural());
        CHECK(placeholder_names(r) == placeholder_names(*e));
        if (r.plural()) {
            CHECK(r.forms.size() == 4);
            CHECK(e->forms.size() == 2);
            for (const auto& form : r.forms) CHECK(form.second.find("{count}") != std::string::npos);
            for (const auto& form : e->forms) CHECK(form.second.find("{count}") != std::string::npos);
        } else {
            CHECK_FALSE(r.text.empty());
            CHECK_FALSE(e->text.empty());
        }
    }
}

TEST_CASE("text, fill and their misuse") {
    const auto ru = config::builtin_texts(Language::ru);
    CHECK(ru.text("nav_schools") == "Школы");
    CHECK(ru.fill("title_schools", {{"year", "2025"}}) == "Школы — 2025");
    CHECK(ru.fill("description_home", {{"year", "2025"}}) == "Показатели системы профессионального развития педагогов, {municipality}, 2025 год.");
    CHECK(config::builtin_texts(Language::en).text("nav_schools") == "Schools");
    CHECK_THROWS_AS(ru.text("no_such_key"), util::InternalError);
    CHECK_THROWS_AS(ru.text("school_count"), util::InternalError);
    CHECK_THROWS_AS(ru.plural("nav_schools", 2), util::InternalError);
    CHECK(config::placeholders("{count} из {total}, {не ключ}") == std::vector<std::string>{"count", "total"});
}

TEST_CASE("parse_texts: forms must be exactly the language's") {
    auto e = usage_error([] { config::parse_texts("[school_count]\none = \"{count} school\"\n", "en.toml", Language::en); });
    CHECK(mentions(e, "en.toml: строка 1"));
    CHECK(mentions(e, "school_count"));
    CHECK(mentions(e, "«other»"));
    e = usage_error([] {
        config::parse_texts("a = \"x\"\n[school_count]\none = \"a\"\nfew = \"b\"\nother = \"c\"\n", "en.toml", Language::en);
    });
    CHECK(mentions(e, "строка 4"));
    CHECK(mentions(e, "лишняя форма «few»"));
    e = usage_error([] {
        config::parse_texts("[school_count]\none = \"a\"\nfew = \"b\"\nother = \"c\"\n", "ru.toml", Language::ru);
    });
    CHECK(mentions(e, "нет формы «many»"));
    auto ok = config::parse_texts("[x]\none = \"a\"\nfew = \"b\"\nmany = \"c\"\nother = \"d\"\n", "ru.toml", Language::ru);
    CHECK(ok.find("x")->plural());
}

TEST_CASE("parse_texts: empty texts, bad keys, bad values, bad TOML") {
    auto e = usage_error([] { config::parse_texts("\nnav = \"  \"\n", "ru.toml", Language::ru); });
    CHECK(mentions(e, "ru.toml: строка 2"));
    CHECK(mentions(e, "пуст"));
    e = usage_error([] { config::parse_texts("Nav-Main = \"x\"\n", "ru.toml", Language::ru); });
    CHECK(mentions(e, "латинские строчные"));
    e = usage_error([] { config::parse_texts("nav = 3\n", "ru.toml", Language::ru); });
    CHECK(mentions(e, "строкой"));
    e = usage_error([] { config::parse_texts("nav = [\"a\"]\n", "ru.toml", Language::ru); });
    CHECK(mentions(e, "строкой"));
    e = usage_error([] { config::parse_texts("nav = \"a\n", "ru.toml", Language::ru); });
    CHECK(mentions(e, "TOML"));
}

TEST_CASE("override_texts: key by key, with the file and line of each mistake") {
    auto ru = config::builtin_texts(Language::ru);
    config::override_texts(ru,
                           "nav_schools = \"Организации\"\n"
                           "[school_count]\none = \"{count} организация\"\nfew = \"{count} организации\"\n"
                           "many = \"{count} организаций\"\nother = \"{count} организации\"\n",
                           "site/i18n/ru.toml");
    CHECK(ru.text("nav_schools") == "Организации");
    CHECK(ru.plural("school_count", 24) == "24 организации");
    CHECK(ru.text("nav_rating") == "Рейтинг");  // untouched keys keep the built-in text
    CHECK(ru.find("nav_schools")->where.file == "site/i18n/ru.toml");

    auto e = usage_error([&] { config::override_texts(ru, "\nnav_shcools = \"x\"\n", "site/i18n/ru.toml"); });
    CHECK(mentions(e, "site/i18n/ru.toml: строка 2"));
    CHECK(mentions(e, "неизвестный ключ текста «nav_shcools»"));
    CHECK(mentions(e, "возможно, имелось в виду «nav_schools»"));
    e = usage_error([&] { config::override_texts(ru, "completely_different = \"x\"\n", "i18n/ru.toml"); });
    CHECK_FALSE(mentions(e, "возможно"));
    e = usage_error([&] { config::override_texts(ru, "school_count = \"школ\"\n", "i18n/ru.toml"); });
    CHECK(mentions(e, "формами для чисел"));
    e = usage_error([&] {
        config::override_texts(ru, "[nav_schools]\none = \"a\"\nfew = \"b\"\nmany = \"c\"\nother = \"d\"\n", "i18n/ru.toml");
    });
    CHECK(mentions(e, "простой текст"));
    e = usage_error([&] { config::override_texts(ru, "[school_count]\none = \"{count} школа\"\n", "i18n/ru.toml"); });
    CHECK(mentions(e, "school_count"));
    CHECK(mentions(e, "нет формы «few»"));
    e = usage_error([&] { config::override_texts(ru, "title_schools = \"Школы {yaer}\"\n", "i18n/ru.toml"); });
    CHECK(mentions(e, "неизвестная подстановка {yaer}"));
    CHECK(mentions(e, "{year}"));
}

TEST_CASE("load_texts: the site's i18n/<lang>.toml over the built-in catalogue") {
    test::TempDir dir;
    CHECK(config::load_texts(Language::ru, dir.path()).text("nav_schools") == "Школы");
    CHECK(config::site_texts_file(dir.path(), Language::en) == dir.path() / "i18n" / "en.toml");
    test::write_file(dir / "i18n/ru.toml", "nav_schools = \"Образовательные организации\"\n");
    CHECK(config::load_texts(Language::ru, dir.path()).text("nav_schools") == "Образовательные организации");
    CHECK(config::load_texts(Language::en, dir.path()).text("nav_schools") == "Schools");
    test::write_file(dir / "i18n/en.toml", "nav_school = \"Organisations\"\n");
    auto e = usage_error([&] { config::load_texts(Language::en, dir.path()); });
    CHECK(mentions(e, "en.toml: строка 1"));
    CHECK(mentions(e, "«nav_schools»"));
    test::write_file(dir / "i18n/en.toml", "nav_schools = \"\xff\"\n");
    e = usage_error([&] { config::load_texts(Language::en, dir.path()); });
    CHECK(mentions(e, "UTF-8"));
}
