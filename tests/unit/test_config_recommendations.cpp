// config::parse_recommendation: the rule format of docs/recommendations.md,
// every mistake a util::UsageError naming the file and the line.

#include <doctest/doctest.h>

#include <string>

#include "monsite/config/config.hpp"
#include "monsite/config/recommendations.hpp"
#include "test_support.hpp"

using monsite::config::parse_recommendation;
using monsite::config::recommendation_is_draft;
using monsite::model::Addressee;
using monsite::model::Change;
using monsite::model::DecisionKind;
using monsite::model::GroupMove;
using monsite::model::Level;
using monsite::model::RuleScope;
using monsite::test::usage_error;

namespace {

const monsite::model::Catalogue& catalogue() {
    static const monsite::model::Catalogue c = monsite::config::default_config().catalogue;
    return c;
}

const std::string source = "content/recommendations/r.md";

monsite::model::RecommendationRule parse(const std::string& text) {
    return parse_recommendation(text, "r", source, catalogue());
}

// A rule with the given front matter lines (after title and addressee) and body.
std::string rule(const std::string& front, const std::string& body = "Текст.\n",
                 const std::string& addressee = "school_head") {
    return "+++\ntitle = \"Т\"\naddressee = \"" + addressee + "\"\n" + front + "+++\n" + body;
}

// The error of `text`: its line and message.
struct Failure {
    unsigned line;
    std::string message;
    std::string file;
};
Failure failure(const std::string& text) {
    auto e = usage_error([&] { parse(text); });
    return {e.where().row, e.message(), e.where().file};
}

bool has(const std::string& message, const std::string& part) { return message.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("recommendation: a full rule, field by field") {
    const std::string text =
        "\xEF\xBB\xBF+++\n"
        "title = \"Закрепить наставника\"\n"
        "addressee = \"methodical_centre\"\n"
        "scope = \"school\"\n"
        "priority = 1\n"
        "kind = \"Организующее\"\n"
        "draft = false\n"
        "[when]\n"
        "group = \"medium\"\n"
        "group_change = \"down\"\n"
        "direction = \"young\"\n"
        "direction_level = \"low\"\n"
        "direction_change = \"worse\"\n"
        "indicator = \"mentor_coverage\"\n"
        "indicator_level = \"low\"\n"
        "indicator_change = \"same\"\n"
        "years = 2\n"
        "problem_zone = true\n"
        "+++\n"
        "В {{school}} наставника имеют {{value}} при пороге {{threshold}} ({{change}}, {{indicator}}, "
        "{{direction}}, {{group}}, {{partners}}, {{municipality}}, {{year}}).\n";
    auto r = parse_recommendation(text, "young-low", source, catalogue());
    CHECK(r.id == "young-low");
    CHECK(r.source == source);
    CHECK(r.title == "Закрепить наставника");
    CHECK(r.addressee == Addressee::methodical_centre);
    CHECK(r.scope == RuleScope::school);
    CHECK(r.priority == 1);
    CHECK(r.kind == DecisionKind::organizing);
    CHECK(r.when.group == Level::medium);
    CHECK(r.when.group_change == GroupMove::down);
    CHECK(r.when.direction == "young");
    CHECK(r.when.direction_level == Level::low);
    CHECK(r.when.direction_change == Change::worse);
    CHECK(r.when.indicator == "mentor_coverage");
    CHECK(r.when.indicator_level == Level::low);
    CHECK(r.when.indicator_change == Change::same);
    CHECK(r.when.years == 2);
    CHECK(r.when.problem_zone);
    CHECK(r.body_html.starts_with("В {{school}} наставника"));  // Markdown; the loader renders it
}

TEST_CASE("recommendation: defaults and scope by addressee") {
    auto head = parse(rule(""));
    CHECK(head.scope == RuleScope::school);
    CHECK(head.priority == 3);
    CHECK(head.kind == DecisionKind::none);
    CHECK(!head.when.group);
    CHECK(head.when.direction.empty());
    CHECK(head.when.years == 1);
    CHECK(!head.when.problem_zone);
    CHECK(parse(rule("", "Текст.\n", "teachers")).scope == RuleScope::school);
    CHECK(parse(rule("", "Текст.\n", "methodical_centre")).scope == RuleScope::municipality);
    CHECK(parse(rule("", "Текст.\n", "department")).scope == RuleScope::municipality);
    CHECK(parse(rule("scope = \"school\"\n", "Текст.\n", "department")).scope == RuleScope::school);
    // An inline [when] table and CRLF line ends read the same.
    auto crlf = parse("+++\r\ntitle = \"T\"\r\naddressee = \"teachers\"\r\nwhen = { group = \"low\" }\r\n+++\r\nТекст\r\n");
    CHECK(crlf.when.group == Level::low);
}

TEST_CASE("recommendation: aliases of changes and kinds") {
    CHECK(parse(rule("[when]\ndirection = \"young\"\ndirection_change = \"ухудшение\"\n")).when.direction_change ==
          Change::worse);
    CHECK(parse(rule("[when]\ndirection = \"young\"\ndirection_change = \"Без изменений\"\n")).when.direction_change ==
          Change::same);
    CHECK(parse(rule("[when]\nindicator = \"mentor_coverage\"\nindicator_change = \"рост\"\n")).when.indicator_change ==
          Change::better);
    CHECK(parse(rule("[when]\nindicator = \"mentor_coverage\"\nindicator_change = \"better\"\n")).when.indicator_change ==
          Change::better);
    CHECK(parse(rule("kind = \"stimulating\"\n")).kind == DecisionKind::stimulating);
    CHECK(parse(rule("kind = \"контролирующее\"\n")).kind == DecisionKind::controlling);
}

TEST_CASE("recommendation: malformed files name the file and line") {
    struct Case {
        std::string text;
        unsigned line;
        std::string message;
    };
    const Case cases[] = {
        {"Текст без параметров.\n", 1, "файл рекомендации должен начинаться блоком параметров между строками +++"},
        {"+++\ntitle = \"T\"\n", 1, "блок параметров рекомендации не закрыт строкой +++"},
        {"+++\ntitle = \"T\"\naddressee = [\n+++\nТекст\n", 3, "ошибка в параметрах рекомендации"},
        {"+++\naddressee = \"teachers\"\n+++\nТекст\n", 1, "нет параметра title: заголовок рекомендации обязателен"},
        {"+++\ntitle = \" \"\naddressee = \"teachers\"\n+++\nТекст\n", 2, "«title» не должен быть пустым"},
        {"+++\ntitle = 5\naddressee = \"teachers\"\n+++\nТекст\n", 2, "«title» должен быть строкой в кавычках"},
        {"+++\ntitle = \"T\"\n+++\nТекст\n", 1, "нет параметра addressee (кому адресована рекомендация)"},
        {rule("", "Текст.\n", "director"), 3,
         "неизвестный адресат «director» в addressee; допустимы school_head (руководитель ОО), teachers (педагоги), "
         "methodical_centre (методический центр), department (управление образования)"},
        {rule("titel = \"x\"\n"), 4,
         "неизвестный параметр рекомендации «titel»; возможно, имелось в виду «title»; допустимы title, addressee, "
         "scope, priority, kind, draft, replaces и таблица условий [when]"},
        {rule("scope = \"region\"\n", "Текст.\n", "department"), 4,
         "неизвестный охват «region» в scope; допустимы school (для каждой школы) и municipality"},
        {rule("priority = 0\n"), 4, "«priority» должен быть целым числом от 1 (самое срочное) до 5"},
        {rule("priority = 6\n"), 4, "«priority» должен быть целым числом от 1 (самое срочное) до 5"},
        {rule("priority = \"1\"\n"), 4, "«priority» должен быть целым числом от 1 (самое срочное) до 5"},
        {rule("kind = \"приказное\"\n"), 4,
         "неизвестный вид управленческого решения «приказное» в kind; допустимы организующее, активизирующее, "
         "координирующее, контролирующее, стимулирующее (или organizing, activating, coordinating, controlling, "
         "stimulating)"},
        {rule("draft = \"yes\"\n"), 4, "«draft» должен быть true или false"},
        {rule("when = \"always\"\n"), 4, "«when» должен быть таблицей условий"},
        {rule("[when]\ngruop = \"low\"\n"), 5,
         "неизвестное условие «gruop»; возможно, имелось в виду «group»; допустимы group, group_change, direction, "
         "direction_level, direction_change, indicator, indicator_level, indicator_change, years, problem_zone"},
        {rule("[when]\ngroup = \"lowest\"\n"), 5,
         "неизвестный уровень «lowest» в group; допустимы low (низкий), medium (средний), high (высокий)"},
        {rule("[when]\ngroup_change = \"worse\"\n"), 5,
         "неизвестное изменение группы «worse» в group_change; допустимы down (в более низкую группу) и up"},
        {rule("[when]\ndirection = \"youth\"\n"), 5,
         "неизвестное направление «youth» в direction; возможно, имелось в виду «young»; допустимы diagnostics, "
         "mastery, young, communities, network, staffing, support"},
        {rule("[when]\ndirection = \"young\"\ndirection_level = \"bad\"\n"), 6, "неизвестный уровень «bad» в direction_level"},
        {rule("[when]\ndirection = \"young\"\ndirection_change = \"down\"\n"), 6,
         "неизвестное изменение «down» в direction_change; допустимы worse, same, better (или ухудшение, без "
         "изменений, рост)"},
        {rule("[when]\nindicator = \"mentor_coverag\"\n"), 5,
         "неизвестный показатель «mentor_coverag» в indicator; возможно, имелось в виду «mentor_coverage»"},
        {rule("[when]\nindicator = \"nonsense\"\n"), 5,
         "неизвестный показатель «nonsense» в indicator; допустимы id показателей каталога: diag_coverage, "
         "deficit_rate,"},
        {rule("[when]\nindicator = \"mentor_coverage\"\nindicator_level = \"средний\"\n"), 6,
         "неизвестный уровень «средний» в indicator_level"},
        {rule("[when]\nindicator = \"mentor_coverage\"\nindicator_change = \"up\"\n"), 6,
         "неизвестное изменение «up» в indicator_change"},
        {rule("[when]\ngroup = \"low\"\nyears = 0\n"), 6, "«years» должен быть целым числом не меньше 1"},
        {rule("[when]\ngroup = \"low\"\nyears = 1.5\n"), 6, "«years» должен быть целым числом не меньше 1"},
        {rule("[when]\ndirection = \"young\"\nproblem_zone = \"yes\"\n"), 6, "«problem_zone» должен быть true или false"},
        {rule("", " \n\n"), 4, "у рекомендации нет текста: после блока параметров должен идти её текст"},
        {"+++\ntitle = \"T\"\naddressee = \"teachers\"\n+++", 4, "у рекомендации нет текста"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        Failure f = failure(c.text);
        CHECK(f.file == source);
        CHECK(f.line == c.line);
        CHECK_MESSAGE(has(f.message, c.message), f.message);
    }
}

TEST_CASE("recommendation: conditions that can never be met") {
    struct Case {
        std::string text;
        unsigned line;
        std::string message;
    };
    const Case cases[] = {
        {rule("[when]\ndirection_level = \"low\"\n"), 5,
         "условие direction_level нельзя проверить без direction: укажите в [when] и direction"},
        {rule("[when]\ndirection_change = \"worse\"\nindicator = \"mentor_coverage\"\n"), 5,
         "условие direction_change нельзя проверить без direction"},
        {rule("[when]\ndirection = \"young\"\nindicator_level = \"low\"\n"), 6,
         "условие indicator_level нельзя проверить без indicator"},
        {rule("[when]\nindicator_change = \"worse\"\n"), 5, "условие indicator_change нельзя проверить без indicator"},
        {rule("[when]\nproblem_zone = true\n"), 5, "условие problem_zone нельзя проверить без indicator или direction"},
        {rule("[when]\ndirection = \"staffing\"\nindicator = \"mentor_coverage\"\n"), 6,
         "показатель «mentor_coverage» относится к направлению «young», а в direction указано «staffing»: такое "
         "условие никогда не выполнится"},
        {rule("[when]\nindicator = \"vacancies\"\nindicator_level = \"high\"\n"), 6,
         "у показателя «vacancies» нет уровня (better = \"none\"): условие indicator_level никогда не выполнится"},
        {rule("[when]\nindicator = \"avg_age\"\nindicator_change = \"worse\"\n"), 6,
         "у показателя «avg_age» нет уровня (better = \"none\"): условие indicator_change никогда не выполнится"},
        {rule("[when]\nindicator = \"avg_age\"\nproblem_zone = true\n"), 6,
         "у показателя «avg_age» нет уровня (better = \"none\"): условие problem_zone никогда не выполнится"},
        {rule("[when]\nindicator = \"mentoring_model_schools\"\n"), 5,
         "показатель «mentoring_model_schools» считается только по муниципалитету и кластерам, не по отдельной школе: "
         "при scope = \"school\" условие никогда не выполнится"},
        {rule("scope = \"school\"\n[when]\nindicator = \"network_schools\"\n", "Текст.\n", "department"), 6,
         "показатель «network_schools» считается только по муниципалитету и кластерам"},
        {rule("[when]\ngroup = \"low\"\ngroup_change = \"up\"\n"), 6,
         "group = \"low\" и group_change = \"up\" не выполняются вместе: школа, перешедшая вверх, не может оказаться в "
         "низшей группе"},
        {rule("[when]\ngroup = \"high\"\ngroup_change = \"down\"\n"), 6,
         "group = \"high\" и group_change = \"down\" не выполняются вместе"},
        {rule("[when]\ndirection = \"young\"\ndirection_change = \"worse\"\nyears = 2\n"), 7,
         "years = 2 требует условия на уровень (group, direction_level или indicator_level)"},
        {rule("scope = \"municipality\"\n"), 4,
         "рекомендации адресату school_head даются по каждой школе: scope = \"municipality\" для него невозможен"},
        {rule("scope = \"municipality\"\n", "Текст.\n", "teachers"), 4,
         "рекомендации адресату teachers даются по каждой школе"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        Failure f = failure(c.text);
        CHECK(f.file == source);
        CHECK(f.line == c.line);
        CHECK_MESSAGE(has(f.message, c.message), f.message);
    }
    // The same conditions where they can be met.
    CHECK_NOTHROW(parse(rule("[when]\ngroup = \"high\"\ngroup_change = \"up\"\nyears = 3\n")));
    CHECK_NOTHROW(parse(rule("[when]\nindicator = \"avg_age\"\n", "{{value}}\n")));
    CHECK_NOTHROW(parse(rule("[when]\nindicator = \"avg_age\"\nproblem_zone = false\n")));
    CHECK_NOTHROW(parse(rule("[when]\nindicator = \"mentoring_model_schools\"\nindicator_level = \"low\"\n",
                             "{{schools}}: {{value}}\n", "department")));
}

TEST_CASE("recommendation: placeholders must be known and fillable") {
    CHECK(monsite::config::recommendation_placeholders().size() == 11);
    CHECK(monsite::config::recommendation_placeholders().front() == "school");
    struct Case {
        std::string text;
        unsigned line;
        std::string message;
    };
    const Case cases[] = {
        {rule("", "Первая строка.\n\nВ {{shcool}} плохо.\n"), 7,
         "неизвестная подстановка {{shcool}}; возможно, имелось в виду {{school}}; допустимы {{school}}, "
         "{{municipality}}, {{year}}, {{group}}, {{direction}}, {{indicator}}, {{value}}, {{threshold}}, {{change}}, "
         "{{partners}}, {{schools}}"},
        {rule("", "{{ school }}\n"), 5, "неизвестная подстановка {{ school }}; возможно, имелось в виду {{school}}"},
        {rule("", "Текст {{school\n}}\n"), 5, "подстановка «{{school» не закрыта"},
        {rule("", "{{municipality}}, {{year}}\n\n{{year}} {{value}}\n"), 7, "подстановку {{value}}"},
        {rule("", "{{value}}\n"), 5,
         "подстановку {{value}} этой рекомендации заполнить нечем: для неё нужен показатель: условие indicator в [when]"},
        {rule("[when]\ndirection = \"young\"\n", "{{direction}} {{threshold}}\n"), 7, "подстановку {{threshold}}"},
        {rule("[when]\ndirection = \"young\"\n", "{{change}}\n"), 7, "подстановку {{change}}"},
        {rule("[when]\ndirection = \"young\"\n", "{{indicator}}\n"), 7, "подстановку {{indicator}}"},
        {rule("", "{{direction}}\n"), 5,
         "подстановку {{direction}} этой рекомендации заполнить нечем: для неё нужно направление или показатель"},
        {rule("", "{{schools}}\n"), 5,
         "подстановку {{schools}} этой рекомендации заполнить нечем: она заполняется только для рекомендации "
         "муниципалитету (scope = \"municipality\")"},
        {rule("", "{{school}}\n", "department"), 5,
         "подстановку {{school}} этой рекомендации заполнить нечем: она заполняется только для рекомендации отдельной "
         "школе"},
        {rule("", "{{group}}\n", "department"), 5, "подстановку {{group}}"},
        {rule("", "{{partners}}\n", "methodical_centre"), 5, "подстановку {{partners}}"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        Failure f = failure(c.text);
        CHECK(f.line == c.line);
        CHECK_MESSAGE(has(f.message, c.message), f.message);
    }
    CHECK_NOTHROW(parse(rule("[when]\nindicator = \"mentor_coverage\"\n",
                             "{{school}} {{group}} {{partners}} {{direction}} {{indicator}} {{value}} {{threshold}} "
                             "{{change}} {{municipality}} {{year}}\n")));
    CHECK_NOTHROW(parse(rule("[when]\ndirection = \"young\"\n", "{{direction}} {{schools}} {{municipality}}\n",
                             "department")));
    CHECK_NOTHROW(parse(rule("", "Фигурные скобки { одиночные } не подстановка.\n")));
}

TEST_CASE("recommendation: drafts") {
    CHECK(recommendation_is_draft(rule("draft = true\n"), source));
    CHECK(!recommendation_is_draft(rule("draft = false\n"), source));
    CHECK(!recommendation_is_draft(rule(""), source));
    CHECK(!recommendation_is_draft("Текст без параметров\n", source));
    // A draft is skipped unchecked: an unfinished rule does not stop the build.
    CHECK(recommendation_is_draft("+++\ndraft = true\n[when]\nindicator = \"nonsense\"\n+++\n", source));
    auto e = usage_error([] { recommendation_is_draft("+++\ntitle = \"T\"\ndraft = 1\n+++\n", source); });
    CHECK(e.where().row == 3);
    CHECK(e.message() == "«draft» должен быть true или false");
    CHECK(usage_error([] { recommendation_is_draft("+++\ntitle = \n+++\n", source); }).where().row == 2);
}
