#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "compute_fixtures.hpp"
#include "monsite/config/config.hpp"
#include "monsite/model/contract.hpp"
#include "monsite/util/error.hpp"
#include "test_support.hpp"

using namespace monsite;
using model::Better;
using model::Exact;
using model::FormulaKind;
using model::Unit;
using monsite::test::fraction;
using monsite::test::TempDir;
using monsite::test::write_file;
using monsite::test::mentions;
using monsite::test::usage_error;
using monsite::test::has_cyrillic;

namespace {

// One valid indicator in catalogue syntax, 9 lines long (the [[indicator]] header is its first line).
std::string indicator_block(const std::string& id, const std::string& formula, const std::string& better = "higher",
                            const std::string& thresholds = "[50, 80]", const std::string& unit = "%") {
    std::string out = "[[indicator]]\n";
    out += "id = \"" + id + "\"\n";
    out += "direction = \"mastery\"\n";
    out += "title = \"Показатель " + id + "\"\n";
    out += "formula = \"" + formula + "\"\n";
    out += "unit = \"" + unit + "\"\n";
    out += "better = \"" + better + "\"\n";
    out += thresholds.empty() ? "# no thresholds\n" : "thresholds = " + thresholds + "\n";
    out += "scopes = [\"school\"]\n";
    return out;
}

}  // namespace

TEST_CASE("load_config: a custom catalogue adds, removes and retunes indicators") {
    TempDir dir;
    write_file(dir / "site.toml", "indicators = \"my-indicators.toml\"\n");
    std::string catalogue =
        // line 1: a retuned contract indicator
        "[[indicator]]\n"
        "id = \"diag_coverage\"\n"
        "direction = \"Выявление профессиональных дефицитов\"\n"  // the Russian name is accepted
        "title = \"Охват диагностикой\"\n"
        "formula = \"diagnosed / teachers_total\"\n"
        "unit = \"%\"\n"
        "better = \"higher\"\n"
        "thresholds = [60, 85.5]\n"
        "scopes = [\"school\"]\n"
        "sensitive = true\n"
        // line 11: a new one, better lower, without school scope
        "[[indicator]]\n"
        "id = \"vacancy_rate\"\n"
        "direction = \"staffing\"\n"
        "title = \"Доля вакансий\"\n"
        "short_title = \"Вакансии, %\"\n"
        "formula = \"vacancies / (teachers_total + vacancies)\"\n"
        "unit = \"%\"\n"
        "better = \"lower\"\n"
        "thresholds = [2, 10]\n"
        "scopes = [\"municipality\", \"cluster\"]\n";
    write_file(dir / "my-indicators.toml", catalogue);
    config::SiteConfig config = config::load_config(dir / "site.toml");
    const auto& list = config.catalogue.indicators;
    REQUIRE(list.size() == 2);  // every other contract indicator is gone

    CHECK(list[0].id == "diag_coverage");
    CHECK(list[0].direction == "diagnostics");
    CHECK(list[0].t1 == Exact(60));
    CHECK(list[0].t2 == fraction(171, 2));  // 85.5
    CHECK(list[0].sensitive);
    CHECK(list[0].short_title == "Охват диагностикой");  // defaults to title
    CHECK(list[0].where.file == (dir / "my-indicators.toml").generic_string());

    CHECK(list[1].id == "vacancy_rate");
    CHECK(list[1].better == Better::lower);
    CHECK(list[1].t1 == Exact(2));
    CHECK(list[1].t2 == Exact(10));
    CHECK_FALSE(list[1].school_scope);
    CHECK_FALSE(list[1].sensitive);
    CHECK(list[1].short_title == "Вакансии, %");
    CHECK(list[1].formula.numerator.size() == 1);
    CHECK(list[1].formula.denominator.size() == 2);
    CHECK(config.catalogue.find("staffing_level") == nullptr);

    // The compute stage uses it: 95 teachers, 5 vacancies, 76 diagnosed.
    auto data = test::make_dataset({test::make_year(2025, {test::make_school(
        "s1", "A", {{"teachers_total", 95}, {"vacancies", 5}, {"diagnosed", 76}})})});
    model::Results results = compute::compute(data, config.catalogue, config.rules);
    const auto& municipality = results.years.at(0).municipality;
    REQUIRE(municipality.values.size() == 2);
    // diag_coverage 76/95 = 80 %: high under the shipped [50, 80], medium under the retuned [60, 85.5].
    REQUIRE(municipality.values[0]);
    CHECK(municipality.values[0]->value == Exact(80));
    CHECK(municipality.values[0]->level == model::Level::medium);
    // vacancy_rate 5/(95 + 5) = 5 %, lower is better, [2, 10] → medium; no school scope.
    REQUIRE(municipality.values[1]);
    CHECK(municipality.values[1]->value == Exact(5));
    CHECK(municipality.values[1]->level == model::Level::medium);
    CHECK_FALSE(results.years.at(0).schools.at(0).values[1]);

    SUBCASE("a missing catalogue file is an error at the `indicators` line") {
        write_file(dir / "site.toml", "theme = \"default\"\nindicators = \"missing.toml\"\n");
        util::UsageError e = usage_error([&] { config::load_config(dir / "site.toml"); });
        CHECK(e.where().file == (dir / "site.toml").generic_string());
        CHECK(e.where().row == 2);
        CHECK(mentions(e, "missing.toml"));
    }
}

TEST_CASE("catalogue errors name the catalogue file and line") {
    TempDir dir;
    write_file(dir / "site.toml", "indicators = \"cat.toml\"\n");
    const std::string file = (dir / "cat.toml").generic_string();
    auto load_error = [&](const std::string& text) {
        write_file(dir / "cat.toml", text);
        return usage_error([&] { config::load_config(dir / "site.toml"); });
    };
    // indicator_block lines: 1 [[indicator]], 2 id, 3 direction, 4 title, 5 formula, 6 unit,
    // 7 better, 8 thresholds, 9 scopes; a second block starts on line 10.
    const std::string good = indicator_block("courses_share", "courses / teachers_total");

    SUBCASE("an invalid formula") {
        util::UsageError e = load_error(good + indicator_block("broken", "(courses + competitions / teachers_total"));
        CHECK(e.where().file == file);
        CHECK(e.where().row == 14);  // line 5 of the second block
        CHECK(mentions(e, "формула"));
    }
    SUBCASE("an unknown field") {
        util::UsageError e = load_error(indicator_block("x_share", "cources / teachers_total"));
        CHECK(e.where().file == file);
        CHECK(e.where().row == 5);
        CHECK(mentions(e, "«cources»"));
    }
    SUBCASE("t1 >= t2") {
        util::UsageError e = load_error(good + indicator_block("reversed", "courses / teachers_total", "higher", "[80, 50]"));
        CHECK(e.where().file == file);
        CHECK(e.where().row == 17);  // line 8 of the second block
        CHECK(mentions(e, "t1 < t2"));
        util::UsageError equal = load_error(indicator_block("equal", "courses / teachers_total", "lower", "[50, 50]"));
        CHECK(equal.where().row == 8);
        CHECK(mentions(equal, "t1 < t2"));
    }
    SUBCASE("a duplicate id") {
        util::UsageError e = load_error(good + indicator_block("courses_share", "competitions / teachers_total"));
        CHECK(e.where().file == file);
        CHECK(e.where().row == 11);  // the second id line
        CHECK(mentions(e, "«courses_share»"));
        CHECK(mentions(e, "дважды"));
    }
    SUBCASE("thresholds on better = none") {
        util::UsageError e = load_error(indicator_block("info", "courses / teachers_total", "none", "[1, 2]"));
        CHECK(e.where().file == file);
        CHECK(e.where().row == 8);
        CHECK(mentions(e, "thresholds"));
    }
    SUBCASE("a rated indicator without thresholds") {
        util::UsageError e = load_error(indicator_block("bare", "courses / teachers_total", "higher", ""));
        CHECK(e.where().file == file);
        CHECK(e.where().row == 1);  // the indicator itself
        CHECK(mentions(e, "thresholds"));
    }
    SUBCASE("share_of_schools at school scope") {
        util::UsageError e = load_error(indicator_block("shares", "share_of_schools(network > 0)"));
        CHECK(e.where().file == file);
        CHECK(e.where().row == 5);
    }
    SUBCASE("a mean over Педагоги rows is always sensitive") {
        auto catalogue = config::parse_catalogue(indicator_block("age", "mean(teachers.age)", "none", "", "years"), "c");
        REQUIRE(catalogue.indicators.size() == 1);
        CHECK(catalogue.indicators[0].sensitive);  // without the key
        util::UsageError e =
            load_error(indicator_block("age", "mean(teachers.age)", "none", "", "years") + "sensitive = false\n");
        CHECK(e.where().file == file);
        CHECK(e.where().row == 10);
        CHECK(mentions(e, "показатель «age» считается по таблице «Педагоги» и всегда защищается (sensitive): "
                          "уберите sensitive = false"));
    }
    SUBCASE("an unknown key, unit, direction or better") {
        util::UsageError key = load_error(good + "treshold = 5\n");  // line 10
        CHECK(key.where().file == file);
        CHECK(key.where().row == 10);
        CHECK(mentions(key, "«treshold»"));

        std::string unit = good;
        unit.replace(unit.find("unit = \"%\""), 10, "unit = \"pct\"");
        CHECK(load_error(unit).where().row == 6);

        std::string direction = good;
        direction.replace(direction.find("\"mastery\""), 9, "\"mastery2\"");
        CHECK(load_error(direction).where().row == 3);

        std::string better = good;
        better.replace(better.find("\"higher\""), 8, "\"more\"");
        CHECK(load_error(better).where().row == 7);
    }
    SUBCASE("parse_catalogue names the source it is given") {
        util::UsageError e = usage_error([&] {
            config::parse_catalogue(indicator_block("x_share", "sum(nothing)"), "source-name.toml");
        });
        CHECK(e.where().file == "source-name.toml");
        CHECK(e.where().row == 5);
        CHECK(mentions(usage_error([&] { config::parse_catalogue("", "empty.toml"); }), "[[indicator]]"));
    }
}

TEST_CASE("load_config: the built-in catalogue in English and in Russian") {
    TempDir dir;
    write_file(dir / "site.toml", "language = \"en\"\n");
    const config::SiteConfig en = config::load_config(dir / "site.toml");
    write_file(dir / "site.toml", "language = \"ru\"\n");
    const config::SiteConfig ru = config::load_config(dir / "site.toml");
    const config::SiteConfig defaults = config::default_config();
    REQUIRE(en.catalogue.indicators.size() == 25);
    REQUIRE(ru.catalogue.indicators.size() == 25);
    for (std::size_t i = 0; i < 25; ++i) {
        const model::Indicator& e = en.catalogue.indicators[i];
        const model::Indicator& r = ru.catalogue.indicators[i];
        CAPTURE(e.id);
        // Every text is there in English, and only the texts differ.
        CHECK_FALSE(e.title.empty());
        CHECK_FALSE(e.short_title.empty());
        CHECK_FALSE(e.description.empty());
        CHECK_FALSE(has_cyrillic(e.title));
        CHECK_FALSE(has_cyrillic(e.short_title));
        CHECK_FALSE(has_cyrillic(e.description));
        CHECK(has_cyrillic(r.title));
        CHECK(has_cyrillic(r.short_title));
        CHECK(has_cyrillic(r.description));
        CHECK(e.id == r.id);
        CHECK(e.formula.text == r.formula.text);
        CHECK(e.t1 == r.t1);
        CHECK(e.t2 == r.t2);
        CHECK(e.where.row == r.where.row);
        // The defaults are Russian, as language = "ru".
        CHECK(defaults.catalogue.indicators[i].title == r.title);
        CHECK(defaults.catalogue.indicators[i].description == r.description);
    }
    const model::Indicator* iom_en = en.catalogue.find("iom_coverage");
    const model::Indicator* iom_ru = ru.catalogue.find("iom_coverage");
    REQUIRE(iom_en);
    REQUIRE(iom_ru);
    CHECK(iom_en->short_title == "Development routes for identified gaps");
    CHECK(iom_ru->short_title == "ИОМ при выявленных дефицитах");
    CHECK(iom_ru->title == "Доля педагогов с индивидуальным образовательным маршрутом среди педагогов с выявленными "
                           "дефицитами");
}

TEST_CASE("Catalogue::type_name: a known type in the site's language, any other as given") {
    TempDir dir;
    write_file(dir / "site.toml", "language = \"en\"\n");
    const model::Catalogue en = config::load_config(dir / "site.toml").catalogue;
    const model::Catalogue ru = config::default_config().catalogue;
    CHECK(en.type_name("СОШ") == "secondary school");
    CHECK(en.type_name("ООШ") == "basic school");
    CHECK(en.type_name("НОШ") == "primary school");
    CHECK(en.type_name("гимназия") == "gymnasium");
    CHECK(en.type_name("лицей") == "lyceum");
    CHECK(en.type_name("МКШ") == "small school");
    CHECK(en.type_name("Гимназия") == "gymnasium");     // case aside
    CHECK(en.type_name(" сош ") == "secondary school");  // spacing aside
    CHECK(en.type_name("Школа искусств") == "Школа искусств");  // unknown: as given
    CHECK(en.type_name("") == "");
    CHECK(ru.type_name("СОШ") == "СОШ");
    CHECK(ru.type_name("лицей") == "лицей");
    CHECK(ru.type_name("Школа искусств") == "Школа искусств");
    for (const auto& t : en.school_types) {
        CAPTURE(t.code);
        CHECK_FALSE(has_cyrillic(t.name));
    }
    CHECK(en.school_types.size() == ru.school_types.size());
}

TEST_CASE("load_config: a department's own catalogue in English: its English texts, else the Russian ones") {
    TempDir dir;
    write_file(dir / "site.toml", "language = \"en\"\nindicators = \"own.toml\"\n");
    write_file(dir / "own.toml",
               indicator_block("a_share", "diagnosed / teachers_total") +  // Russian only
                   indicator_block("b_share", "courses / teachers_total") +
                   "title_en = \"Share B\"\n"  // English title only: the short title follows it
                   "short_title = \"Доля Б\"\n" +
                   indicator_block("c_share", "mentors / teachers_total") +
                   "title_en = \"Share C\"\nshort_title_en = \"C\"\ndescription = \"Описание\"\n"
                   "description_en = \"About C\"\n"
                   "[[school_type]]\ncode = \"СОШ\"\nen = \"general school\"\n"  // renames a built-in type
                   "[[school_type]]\ncode = \"ЦДО\"\nru = \"центр дополнительного образования\"\n");  // no en
    const model::Catalogue en = config::load_config(dir / "site.toml").catalogue;
    REQUIRE(en.indicators.size() == 3);
    CHECK(en.indicators[0].title == "Показатель a_share");  // falls back to Russian
    CHECK(en.indicators[0].short_title == "Показатель a_share");
    CHECK(en.indicators[0].description.empty());
    CHECK(en.indicators[1].title == "Share B");
    CHECK(en.indicators[1].short_title == "Share B");
    CHECK(en.indicators[2].title == "Share C");
    CHECK(en.indicators[2].short_title == "C");
    CHECK(en.indicators[2].description == "About C");
    CHECK(en.type_name("СОШ") == "general school");
    CHECK(en.type_name("лицей") == "lyceum");  // the built-in types stay
    CHECK(en.type_name("ЦДО") == "центр дополнительного образования");

    write_file(dir / "site.toml", "indicators = \"own.toml\"\n");
    const model::Catalogue ru = config::load_config(dir / "site.toml").catalogue;
    CHECK(ru.indicators[1].title == "Показатель b_share");
    CHECK(ru.indicators[1].short_title == "Доля Б");
    CHECK(ru.indicators[2].description == "Описание");
    CHECK(ru.type_name("СОШ") == "СОШ");
    CHECK(ru.type_name("ЦДО") == "центр дополнительного образования");
}

TEST_CASE("catalogue errors in English texts and school types name the file and line") {
    auto error = [](const std::string& toml) {
        return usage_error([&] { config::parse_catalogue(toml, "c.toml", util::Language::en); });
    };
    const std::string block = indicator_block("x_share", "diagnosed / teachers_total");  // lines 1-9
    util::UsageError empty = error(block + "title_en = \" \"\n");
    CHECK(empty.where().row == 10);
    CHECK(mentions(empty, "«title_en» пуст"));
    CHECK(error(block + "titel_en = \"X\"\n").where().row == 10);  // misspelt: unknown key
    CHECK(mentions(error(block + "titel_en = \"X\"\n"), "title_en"));
    util::UsageError twice = error(block + "[[school_type]]\ncode = \"лицей\"\n[[school_type]]\ncode = \"Лицей\"\n");
    CHECK(twice.where().row == 13);
    CHECK(mentions(twice, "дважды"));
    CHECK(mentions(error(block + "[[school_type]]\nru = \"школа\"\n"), "«code»"));
    CHECK(error(block + "[[school_type]]\ncode = \"СОШ\"\nname = \"x\"\n").where().row == 12);
}

