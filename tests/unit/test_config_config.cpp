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
    CHECK(config.rules.direction_change_same == fraction(1, 10));  // 0.1
    CHECK(config.rules.partners_per_direction == 2);
    CHECK(config.rules.problem_percent_points == Exact(5));
    CHECK(config.rules.problem_relative_percent == Exact(10));
    // The shipped texts are the ones compiled in.
    CHECK(config::builtin_site_toml().find("min_group = 5") != std::string_view::npos);
    CHECK(config::builtin_site_toml().find("[direction_change]") != std::string_view::npos);
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
               "[direction_change]\n"
               "same = 0.25\n"
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
    CHECK(config.rules.direction_change_same == fraction(1, 4));  // 0.25
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

TEST_CASE("override_address: build --base-url and --site-url replace the configured address, checked alike") {
    using Opt = std::optional<std::string>;
    auto with = [](const std::string& base, const std::string& site, Opt base_url, Opt site_url) {
        config::SiteConfig c = config::default_config();
        c.base_url = base;
        c.site_url = site;
        config::override_address(c, base_url, site_url);
        return c;
    };
    // GitHub Pages: the project site's address; base_url becomes its path.
    config::SiteConfig pages = with("/", "https://monitoring.example.ru/", std::nullopt, "https://owner.github.io/monsite");
    CHECK(pages.base_url == "/monsite/");
    CHECK(pages.site_url == "https://owner.github.io/monsite/");
    // Both, agreeing.
    config::SiteConfig both = with("/", "", "/monsite", "https://owner.github.io/monsite/");
    CHECK(both.base_url == "/monsite/");
    CHECK(both.site_url == "https://owner.github.io/monsite/");
    // A server address alone gets base_url added (the configured or the given one).
    CHECK(with("/monitoring/", "", std::nullopt, "https://edu.example.ru").site_url == "https://edu.example.ru/monitoring/");
    CHECK(with("/", "", "/m/", "https://edu.example.ru/").site_url == "https://edu.example.ru/m/");
    CHECK(with("/m/", "", "/", "https://edu.example.ru/").base_url == "/");
    // A base_url alone moves the configured site_url to that path, on the same server.
    config::SiteConfig moved = with("/", "https://monitoring.example.ru/", "/sub", std::nullopt);
    CHECK(moved.base_url == "/sub/");
    CHECK(moved.site_url == "https://monitoring.example.ru/sub/");
    config::SiteConfig back = with("/a/b/", "https://edu.example.ru:8443/a/b/", "/", std::nullopt);
    CHECK(back.site_url == "https://edu.example.ru:8443/");
    CHECK(with("/", "", "/sub/", std::nullopt).site_url.empty());  // no site_url stays none
    // "" removes site_url: no sitemap.
    CHECK(with("/", "https://monitoring.example.ru/", std::nullopt, "").site_url.empty());
    // Nothing given: unchanged.
    config::SiteConfig same = with("/m/", "https://e.example.ru/m/", std::nullopt, std::nullopt);
    CHECK(same.base_url == "/m/");
    CHECK(same.site_url == "https://e.example.ru/m/");

    // Mistakes: the same messages as in site.toml, naming the option.
    util::UsageError full = usage_error([&] { with("/", "", "https://owner.github.io/monsite/", std::nullopt); });
    CHECK(full.where().file == "параметр --base-url");
    CHECK(full.message() == "base_url должен быть путём на сайте, например \"/monitoring/\"; полный адрес укажите в site_url");
    CHECK(mentions(usage_error([&] { with("/", "", "/a b/", std::nullopt); }), "не путь на сайте"));
    util::UsageError site = usage_error([&] { with("/", "", std::nullopt, "owner.github.io/monsite/"); });
    CHECK(site.where().file == "параметр --site-url");
    CHECK(mentions(site, "site_url должен быть полным адресом сайта"));
    util::UsageError disagree = usage_error([&] { with("/", "", "/a/", "https://owner.github.io/b/"); });
    CHECK(disagree.message() == "путь в --site-url («/b/») не совпадает с --base-url («/a/»): укажите один из них или "
                                "одинаковые пути");
}

TEST_CASE("load_config: language accepts only what the interface has") {
    TempDir dir;
    const std::string file = (dir / "site.toml").generic_string();
    for (const char* known : {"ru", "en"}) {
        write_file(dir / "site.toml", "language = \"" + std::string(known) + "\"\n");
        CHECK(config::load_config(dir / "site.toml").language == known);
    }
    for (const char* other : {"de", "RU", "EN", "", "ru-RU", "en-GB"}) {
        CAPTURE(other);
        write_file(dir / "site.toml", "municipality = \"Город\"\nlanguage = \"" + std::string(other) + "\"\n");
        util::UsageError e = usage_error([&] { config::load_config(dir / "site.toml"); });
        CHECK(e.where().file == file);
        CHECK(e.where().row == 2);
        CHECK(e.message() == "неизвестный язык «" + std::string(other) +
                                 "» в language; допустимые значения: \"ru\", \"en\" (на других языках интерфейса "
                                 "сайта пока нет)");
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

TEST_CASE("load_config: the «no change» band of a direction's mean score lies in [0, 2)") {
    TempDir dir;
    const std::string file = (dir / "site.toml").generic_string();
    write_file(dir / "site.toml", "[direction_change]\nsame = 0\n");
    CHECK(config::load_config(dir / "site.toml").rules.direction_change_same == Exact(0));
    for (const char* bad : {"[direction_change]\nsame = -0.1\n", "[direction_change]\nsame = 2\n"}) {
        CAPTURE(bad);
        write_file(dir / "site.toml", bad);
        util::UsageError e = usage_error([&] { config::load_config(dir / "site.toml"); });
        CHECK(e.where().file == file);
        CHECK(e.where().row == 2);
        CHECK(mentions(e, "[direction_change]"));
    }
    write_file(dir / "site.toml", "[direction_change]\nsame = \"мало\"\n");
    CHECK(mentions(usage_error([&] { config::load_config(dir / "site.toml"); }), "«same» должен быть числом"));
    write_file(dir / "site.toml", "[direction_change]\nsme = 0.1\n");
    CHECK(mentions(usage_error([&] { config::load_config(dir / "site.toml"); }), "«same»"));
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
