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

namespace {

// data-contract.md, section 5, row by row.
struct ContractRow {
    const char* id;
    const char* direction;
    FormulaKind kind;
    Unit unit;
    Better better;
    int t1, t2;       // when better != none
    bool school;      // scope includes school
    bool sensitive;
};

constexpr FormulaKind R = FormulaKind::ratio;
constexpr Unit P = Unit::percent;
constexpr Better H = Better::higher;
constexpr Better N = Better::none;

const ContractRow contract_rows[] = {
    {"diag_coverage", "diagnostics", R, P, H, 50, 80, true, false},
    {"deficit_rate", "diagnostics", R, P, N, 0, 0, true, true},
    {"diag_score_avg", "diagnostics", FormulaKind::teacher_mean, P, H, 50, 70, true, true},
    {"iom_coverage", "mastery", R, P, H, 50, 90, true, false},
    {"iom_activity", "mastery", R, P, H, 50, 90, true, false},
    {"courses_share", "mastery", R, P, H, 20, 33, true, false},
    {"distance_share", "mastery", R, P, N, 0, 0, true, false},
    {"competitions_share", "mastery", R, P, H, 5, 15, true, false},
    {"retraining_share", "mastery", R, P, H, 50, 90, true, false},
    {"mentor_coverage", "young", R, P, H, 70, 100, true, false},
    {"mentors_share", "young", R, P, H, 5, 10, true, false},
    {"under35_share", "young", R, P, H, 15, 25, true, false},
    {"mentoring_model_schools", "young", FormulaKind::share_of_schools, P, H, 70, 100, false, false},
    {"network_share", "communities", R, P, H, 50, 80, true, false},
    {"network_schools", "communities", FormulaKind::share_of_schools, P, H, 70, 100, false, false},
    {"regional_events_share", "network", R, P, H, 10, 30, true, false},
    {"staffing_level", "staffing", R, P, H, 95, 100, true, false},
    {"vacancies", "staffing", FormulaKind::sum, Unit::count, N, 0, 0, true, false},
    {"qualified_share", "staffing", R, P, H, 40, 60, true, false},
    {"avg_age", "staffing", FormulaKind::weighted_mean, Unit::years, N, 0, 0, true, false},
    {"avg_load", "staffing", FormulaKind::weighted_mean, Unit::rates, N, 0, 0, true, false},
    {"young_0_1_count", "staffing", FormulaKind::sum, Unit::count, N, 0, 0, true, false},
    {"experts_share", "support", R, P, H, 3, 8, true, false},
    {"method_asset_share", "support", R, P, H, 5, 15, true, false},
    {"burnout_events", "support", FormulaKind::sum, Unit::count, N, 0, 0, true, false},
};

// The error that `f` must throw; fails the test if nothing is thrown.
template <typename F>
util::UsageError usage_error(F&& f) {
    try {
        f();
    } catch (const util::UsageError& e) {
        return e;
    }
    FAIL("no util::UsageError was thrown");
    return util::UsageError("");
}

bool mentions(const util::UsageError& e, const std::string& text) { return e.message().find(text) != std::string::npos; }

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

TEST_CASE("default_config: the 25 contract indicators in contract order") {
    config::SiteConfig config = config::default_config();
    const auto& list = config.catalogue.indicators;
    REQUIRE(list.size() == 25);
    REQUIRE(std::size(contract_rows) == 25);
    auto ids = model::default_indicator_ids();
    REQUIRE(ids.size() == 25);
    for (std::size_t i = 0; i < list.size(); ++i) {
        const ContractRow& row = contract_rows[i];
        const model::Indicator& ind = list[i];
        CAPTURE(row.id);
        CHECK(ind.id == row.id);
        CHECK(ind.id == ids[i]);
        CHECK(ind.direction == row.direction);
        CHECK(ind.formula.kind == row.kind);
        CHECK(ind.unit == row.unit);
        CHECK(ind.better == row.better);
        CHECK(ind.rated() == (row.better != Better::none));
        if (ind.rated()) {
            CHECK(ind.t1 == Exact(row.t1));
            CHECK(ind.t2 == Exact(row.t2));
            CHECK(ind.t1 < ind.t2);
        }
        CHECK(ind.school_scope == row.school);
        CHECK(ind.sensitive == row.sensitive);
        CHECK_FALSE(ind.title.empty());
        CHECK_FALSE(ind.short_title.empty());
        CHECK(ind.where.file == "indicators.toml (встроенный)");
        CHECK(ind.where.row > 0);
        CHECK(config.catalogue.find(row.id) == &ind);
    }
    CHECK(config.catalogue.find("no_such_indicator") == nullptr);
}

TEST_CASE("default_config: explicit contract rows") {
    config::SiteConfig config = config::default_config();
    const auto& cat = config.catalogue;

    const model::Indicator* staffing = cat.find("staffing_level");
    REQUIRE(staffing);
    CHECK(staffing->t1 == Exact(95));
    CHECK(staffing->t2 == Exact(100));
    CHECK(staffing->formula.text == "teachers_total / (teachers_total + vacancies)");
    CHECK(staffing->formula.denominator.size() == 2);

    const model::Indicator* mentoring = cat.find("mentoring_model_schools");
    REQUIRE(mentoring);
    CHECK_FALSE(mentoring->school_scope);
    CHECK(mentoring->formula.kind == FormulaKind::share_of_schools);
    CHECK(mentoring->formula.operand == Exact(1));  // = да
    CHECK_FALSE(cat.find("network_schools")->school_scope);

    CHECK(cat.find("diag_score_avg")->sensitive);
    CHECK(cat.find("deficit_rate")->sensitive);
    CHECK_FALSE(cat.find("diag_coverage")->sensitive);
    CHECK(cat.find("diag_score_avg")->formula.teacher_field == "diag_score");

    const model::Indicator* courses = cat.find("courses_share");
    CHECK(courses->t1 == Exact(20));
    CHECK(courses->t2 == Exact(33));
    CHECK(courses->direction == "mastery");

    const model::Indicator* avg_load = cat.find("avg_load");
    CHECK(avg_load->unit == Unit::rates);
    CHECK(avg_load->better == Better::none);
    CHECK(cat.find("avg_age")->unit == Unit::years);
    CHECK(cat.find("vacancies")->unit == Unit::count);
    CHECK(cat.find("experts_share")->t1 == Exact(3));
    CHECK(cat.find("experts_share")->direction == "support");
    CHECK(cat.find("regional_events_share")->direction == "network");
}

TEST_CASE("default_config: site settings and rules") {
    config::SiteConfig config = config::default_config();
    CHECK(config.municipality == "Муниципальное образование");
    CHECK(config.department == "Орган управления образованием");
    CHECK(config.base_url == "/");
    CHECK(config.years.empty());
    CHECK(config.language == "ru");
    CHECK(config.theme == "default");
    CHECK(config.source.empty());
    CHECK(config.site_url.empty());
    CHECK_FALSE(config.strict);
    CHECK(config::supported_languages() == std::vector<std::string>{"ru", "en"});
    CHECK(config.rules.min_group == 5);
    CHECK(config.rules.group_high == Exact(70));
    CHECK(config.rules.group_medium == Exact(40));
    CHECK(config.rules.direction_high == fraction(3, 2));   // 1.5
    CHECK(config.rules.direction_low == fraction(3, 4));    // 0.75
    CHECK(config.rules.partners_per_direction == 2);
    CHECK(config.rules.problem_percent_points == Exact(5));
    CHECK(config.rules.problem_relative_percent == Exact(10));
    // The shipped texts are the ones compiled in.
    CHECK(config::builtin_site_toml().find("min_group = 5") != std::string_view::npos);
    CHECK(config::builtin_catalogue_toml().find("id = \"burnout_events\"") != std::string_view::npos);
}

TEST_CASE("load_config: a site.toml overrides the defaults") {
    TempDir dir;
    write_file(dir / "site.toml",
               "municipality = \"Лихославльский муниципальный округ\"\n"
               "department = \"Отдел образования\"\n"
               "base_url = \"monitoring\"\n"
               "years = [2025, 2023, 2024]\n"
               "language = \"ru\"\n"
               "strict = true\n"
               "min_group = 3\n"
               "[groups]\n"
               "high = 75.5\n"
               "[direction_levels]\n"
               "low = 0.5\n"
               "[partners]\n"
               "per_direction = 3\n"
               "[problem_zones]\n"
               "percent_points = 2.5\n"
               "relative_percent = 20\n");
    config::SiteConfig config = config::load_config(dir / "site.toml");
    CHECK(config.municipality == "Лихославльский муниципальный округ");
    CHECK(config.department == "Отдел образования");
    CHECK(config.base_url == "/monitoring/");  // slashes added at both ends
    CHECK(config.years == std::vector<int>{2023, 2024, 2025});  // sorted
    CHECK(config.language == "ru");
    CHECK(config.strict);
    CHECK(config.site_url.empty());    // not given: no sitemap
    CHECK(config.theme == "default");  // not given: default kept
    CHECK(config.rules.min_group == 3);
    CHECK(config.rules.group_high == fraction(151, 2));    // 75.5
    CHECK(config.rules.group_medium == Exact(40));         // not given
    CHECK(config.rules.direction_low == fraction(1, 2));   // 0.5
    CHECK(config.rules.direction_high == fraction(3, 2));  // not given
    CHECK(config.rules.partners_per_direction == 3);
    CHECK(config.rules.problem_percent_points == fraction(5, 2));
    CHECK(config.rules.problem_relative_percent == Exact(20));
    CHECK(config.source == dir / "site.toml");
    CHECK(config.catalogue.indicators.size() == 25);  // no `indicators`: the built-in catalogue

    // An empty file keeps every default.
    write_file(dir / "empty.toml", "");
    config::SiteConfig empty = config::load_config(dir / "empty.toml");
    CHECK(empty.rules.min_group == 5);
    CHECK(empty.catalogue.indicators.size() == 25);
}

TEST_CASE("load_config: a misspelt key names the file and line and suggests the right key") {
    TempDir dir;
    const std::string file = (dir / "site.toml").generic_string();
    write_file(dir / "site.toml",
               "# настройки\n"
               "department = \"Отдел образования\"\n"
               "municipalty = \"Город\"\n");  // line 3
    util::UsageError e = usage_error([&] { config::load_config(dir / "site.toml"); });
    CHECK(e.where().file == file);
    CHECK(e.where().row == 3);
    CHECK(mentions(e, "неизвестный параметр «municipalty»"));
    CHECK(mentions(e, "возможно, имелось в виду «municipality»"));
    CHECK(e.to_diagnostic().to_string().find(file + ": строка 3: ") == 0);
    CHECK(e.status() == util::ExitStatus::usage);

    SUBCASE("inside a section") {
        write_file(dir / "site.toml", "[groups]\nhigh = 70\nmedum = 40\n");  // line 3
        util::UsageError g = usage_error([&] { config::load_config(dir / "site.toml"); });
        CHECK(g.where().file == file);
        CHECK(g.where().row == 3);
        CHECK(mentions(g, "«medum»"));
        CHECK(mentions(g, "«medium»"));
    }
    SUBCASE("a key far from every known key gets no suggestion") {
        write_file(dir / "site.toml", "colour = \"red\"\n");
        util::UsageError g = usage_error([&] { config::load_config(dir / "site.toml"); });
        CHECK(g.where().row == 1);
        CHECK(mentions(g, "«colour»"));
        CHECK_FALSE(mentions(g, "возможно"));
    }
    SUBCASE("a value of the wrong type or out of range") {
        write_file(dir / "site.toml", "municipality = \"Город\"\nmin_group = 0\n");
        util::UsageError g = usage_error([&] { config::load_config(dir / "site.toml"); });
        CHECK(g.where().row == 2);
        CHECK(mentions(g, "min_group"));
        write_file(dir / "site.toml", "[groups]\nhigh = 40\nmedium = 70\n");  // medium must be below high
        CHECK(usage_error([&] { config::load_config(dir / "site.toml"); }).where().file == file);
        write_file(dir / "site.toml", "years = 2025\n");
        CHECK(usage_error([&] { config::load_config(dir / "site.toml"); }).where().row == 1);
    }
    SUBCASE("bad TOML syntax names the line") {
        write_file(dir / "site.toml", "municipality = \"Город\"\n\ntheme = \n");
        util::UsageError g = usage_error([&] { config::load_config(dir / "site.toml"); });
        CHECK(g.where().file == file);
        CHECK(g.where().row == 3);
        CHECK(mentions(g, "TOML"));
    }
    SUBCASE("a missing file") {
        util::UsageError g = usage_error([&] { config::load_config(dir / "nonexistent.toml"); });
        CHECK(g.where().file == (dir / "nonexistent.toml").generic_string());
    }
}

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

TEST_CASE("load_config: base_url is a path; a full address is an error suggesting site_url") {
    TempDir dir;
    const std::string file = (dir / "site.toml").generic_string();
    auto load = [&](const std::string& text) {
        write_file(dir / "site.toml", text);
        return config::load_config(dir / "site.toml");
    };
    auto error = [&](const std::string& text) {
        write_file(dir / "site.toml", text);
        return usage_error([&] { config::load_config(dir / "site.toml"); });
    };
    CHECK(load("base_url = \"/\"\n").base_url == "/");
    CHECK(load("base_url = \"/monitoring/\"\n").base_url == "/monitoring/");
    CHECK(load("base_url = \"/monitoring\"\n").base_url == "/monitoring/");  // the trailing slash is added
    CHECK(load("base_url = \"/edu/monitoring\"\n").base_url == "/edu/monitoring/");

    for (const char* full : {"https://edu.example.ru/monitoring/", "http://edu.example.ru/", "//edu.example.ru/monitoring/",
                             "HTTPS://EDU.EXAMPLE.RU/", "edu.example.ru/monitoring/", "https:/edu.example.ru/"}) {
        CAPTURE(full);
        util::UsageError e = error("municipality = \"Город\"\nbase_url = \"" + std::string(full) + "\"\n");
        CHECK(e.where().file == file);
        CHECK(e.where().row == 2);
        CHECK(e.message() == "base_url должен быть путём на сайте, например \"/monitoring/\"; полный адрес укажите в site_url");
        CHECK(e.status() == util::ExitStatus::usage);
        CHECK(e.to_diagnostic().to_string() ==
              file + ": строка 2: base_url должен быть путём на сайте, например \"/monitoring/\"; полный адрес укажите в site_url");
    }
    for (const char* bad : {"/a b/", "/a//b/", "/../", "/a/./b/", "/a?x=1", "/a#top", "/\"x\"/", "/a\\b/", "./x/"}) {
        CAPTURE(bad);
        util::UsageError e = error(std::string("base_url = '") + bad + "'\n");
        CHECK(e.where().row == 1);
        CHECK(mentions(e, "не путь на сайте"));
    }
}

TEST_CASE("load_config: site_url, when set, is an absolute http(s) address agreeing with base_url") {
    TempDir dir;
    const std::string file = (dir / "site.toml").generic_string();
    auto load = [&](const std::string& text) {
        write_file(dir / "site.toml", text);
        return config::load_config(dir / "site.toml");
    };
    auto error = [&](const std::string& text) {
        write_file(dir / "site.toml", text);
        return usage_error([&] { config::load_config(dir / "site.toml"); });
    };
    CHECK(load("site_url = \"\"\n").site_url.empty());
    CHECK(load("site_url = \"https://monitoring.example.ru\"\n").site_url == "https://monitoring.example.ru/");
    CHECK(load("site_url = \"http://monitoring.example.ru/\"\n").site_url == "http://monitoring.example.ru/");
    // The full address of a sub-folder site, with base_url its path.
    config::SiteConfig sub = load("base_url = \"/monitoring/\"\nsite_url = \"https://edu.example.ru/monitoring\"\n");
    CHECK(sub.base_url == "/monitoring/");
    CHECK(sub.site_url == "https://edu.example.ru/monitoring/");
    // The address of the server alone: base_url is added.
    CHECK(load("site_url = \"https://edu.example.ru/\"\nbase_url = \"/monitoring/\"\n").site_url ==
          "https://edu.example.ru/monitoring/");
    CHECK(load("site_url = \"https://edu.example.ru:8443\"\n").site_url == "https://edu.example.ru:8443/");

    for (const char* bad : {"edu.example.ru", "/monitoring/", "ftp://edu.example.ru/", "https://", "https:///x/",
                            "https://edu.example.ru/a b/", "https://edu.example.ru/?q=1", "https://user@edu.example.ru/"}) {
        CAPTURE(bad);
        util::UsageError e = error("municipality = \"Город\"\n\nsite_url = \"" + std::string(bad) + "\"\n");
        CHECK(e.where().file == file);
        CHECK(e.where().row == 3);
        CHECK(mentions(e, "site_url должен быть полным адресом сайта, начинающимся с https:// или http://"));
    }
    // A sub-folder in site_url that base_url does not have: every link would miss it.
    util::UsageError e = error("site_url = \"https://edu.example.ru/monitoring/\"\n");
    CHECK(e.where().row == 1);
    CHECK(e.message() == "путь в site_url («/monitoring/») не совпадает с base_url («/»): задайте base_url = "
                         "\"/monitoring/\" или исправьте site_url");
    CHECK(mentions(error("base_url = \"/a/\"\nsite_url = \"https://edu.example.ru/b/\"\n"), "не совпадает с base_url"));
}

TEST_CASE("load_config: language accepts only what the interface has") {
    TempDir dir;
    const std::string file = (dir / "site.toml").generic_string();
    write_file(dir / "site.toml", "language = \"ru\"\n");
    CHECK(config::load_config(dir / "site.toml").language == "ru");
    write_file(dir / "site.toml", "language = \"en\"\n");
    CHECK(config::load_config(dir / "site.toml").language == "en");
    for (const char* other : {"EN", "RU", "", "ru-RU", "de"}) {
        CAPTURE(other);
        write_file(dir / "site.toml", "municipality = \"Город\"\nlanguage = \"" + std::string(other) + "\"\n");
        util::UsageError e = usage_error([&] { config::load_config(dir / "site.toml"); });
        CHECK(e.where().file == file);
        CHECK(e.where().row == 2);
        CHECK(e.message() == "неизвестный язык «" + std::string(other) +
                                 "» в language; допустимые значения: \"ru\", \"en\" (на других языках интерфейса сайта пока нет)");
    }
}

TEST_CASE("load_config: a year given twice in years is an error at its line") {
    TempDir dir;
    const std::string file = (dir / "site.toml").generic_string();
    write_file(dir / "site.toml", "years = [\n  2024,\n  2025,\n  2025,\n]\n");
    util::UsageError e = usage_error([&] { config::load_config(dir / "site.toml"); });
    CHECK(e.where().file == file);
    CHECK(e.where().row == 4);  // the second 2025
    CHECK(e.message() == "год 2025 указан в years дважды; каждый год публикуется один раз");
    write_file(dir / "site.toml", "years = [2025, 2025]\n");
    CHECK(usage_error([&] { config::load_config(dir / "site.toml"); }).where().row == 1);
    write_file(dir / "site.toml", "years = [2025, 2024]\n");
    CHECK(config::load_config(dir / "site.toml").years == std::vector<int>{2024, 2025});
}

TEST_CASE("load_config: strict is true or false") {
    TempDir dir;
    write_file(dir / "site.toml", "strict = true\n");
    CHECK(config::load_config(dir / "site.toml").strict);
    write_file(dir / "site.toml", "strict = false\n");
    CHECK_FALSE(config::load_config(dir / "site.toml").strict);
    write_file(dir / "site.toml", "# CI\nstrict = \"да\"\n");
    util::UsageError e = usage_error([&] { config::load_config(dir / "site.toml"); });
    CHECK(e.where().row == 2);
    CHECK(mentions(e, "«strict» должен быть true или false"));
    write_file(dir / "site.toml", "strikt = true\n");
    CHECK(mentions(usage_error([&] { config::load_config(dir / "site.toml"); }), "возможно, имелось в виду «strict»"));
}
