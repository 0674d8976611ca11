#include "monsite/config/recommendations.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>

#include <toml++/toml.h>

#include "monsite/config/front_matter.hpp"
#include "monsite/model/contract.hpp"
#include "monsite/util/error.hpp"
#include "monsite/util/strings.hpp"

namespace monsite::config {
namespace {

using model::Level;
using util::UsageError;

constexpr std::string_view rule_keys[] = {"title", "addressee", "scope", "priority", "kind", "draft", "replaces", "when"};
constexpr std::string_view condition_keys[] = {"group",           "group_change",     "direction",
                                               "direction_level", "direction_change", "indicator",
                                               "indicator_level", "indicator_change", "years",
                                               "problem_zone"};
constexpr std::string_view placeholder_names[] = {"school",    "municipality", "year",   "group",
                                                  "direction", "indicator",    "value",  "threshold",
                                                  "change",    "partners",     "schools"};

std::string list_of(std::span<const std::string_view> items) {
    std::string out;
    for (auto item : items) out += (out.empty() ? "" : ", ") + std::string(item);
    return out;
}

// "; возможно, имелось в виду «x»" for a near miss, else "".
std::string hint(std::string_view text, std::span<const std::string_view> options) {
    if (auto near = util::closest(text, options, 2)) return "; возможно, имелось в виду «" + std::string(options[*near]) + "»";
    return "";
}

// Text of the file shown in a message without the «» of util::quote_for_message.
std::string clean(std::string_view text) {
    const std::string quoted = util::quote_for_message(text);
    return quoted.substr(2, quoted.size() - 4);  // « and » are two bytes each
}

// Reads one rule file's front matter; every message names the file and a line.
class RuleReader {
public:
    RuleReader(const std::string& source, const model::Catalogue& catalogue) : source_(source), catalogue_(catalogue) {}

    util::SourceLocation at(std::size_t line) const { return {source_, "", static_cast<std::uint32_t>(line), 0, true}; }
    // The file line of a TOML key (+1: the opening "+++").
    std::size_t line_of(const toml::key& key) const { return key.source().begin.line + 1; }
    [[noreturn]] void fail(const std::string& message, std::size_t line) const { throw UsageError(message, at(line)); }

    std::string text(const toml::key& key, const toml::node& node) const {
        auto v = node.value_exact<std::string>();
        if (!v) fail("«" + std::string(key.str()) + "» должен быть строкой в кавычках", line_of(key));
        return *v;
    }

    Level level(const toml::key& key, const toml::node& node) const {
        const std::string v = text(key, node);
        if (v == "low") return Level::low;
        if (v == "medium") return Level::medium;
        if (v == "high") return Level::high;
        fail("неизвестный уровень " + util::quote_for_message(v) + " в " + std::string(key.str()) +
                 "; допустимы low (низкий), medium (средний), high (высокий)",
             line_of(key));
    }

    model::Change change(const toml::key& key, const toml::node& node) const {
        const std::string v = text(key, node);
        const std::string lower = util::to_lower(util::trim(v));
        if (lower == "worse" || lower == "ухудшение") return model::Change::worse;
        if (lower == "same" || lower == "без изменений") return model::Change::same;
        if (lower == "better" || lower == "рост") return model::Change::better;
        fail("неизвестное изменение " + util::quote_for_message(v) + " в " + std::string(key.str()) +
                 "; допустимы worse, same, better (или ухудшение, без изменений, рост)",
             line_of(key));
    }

    bool boolean(const toml::key& key, const toml::node& node) const {
        auto v = node.value_exact<bool>();
        if (!v) fail("«" + std::string(key.str()) + "» должен быть true или false", line_of(key));
        return *v;
    }

    void only_keys(const toml::table& table, std::span<const std::string_view> known, const std::string& what,
                   const std::string& allowed) const {
        for (auto&& [key, node] : table) {
            if (std::find(known.begin(), known.end(), key.str()) != known.end()) continue;
            fail(what + " " + util::quote_for_message(key.str()) + hint(key.str(), known) + "; допустимы " + allowed,
                 line_of(key));
        }
    }

    const model::Indicator& indicator(const toml::key& key, const toml::node& node) const {
        const std::string id = text(key, node);
        if (const model::Indicator* ind = catalogue_.find(id)) return *ind;
        std::vector<std::string_view> ids;
        for (const auto& ind : catalogue_.indicators) ids.push_back(ind.id);
        std::string more = hint(id, ids);
        if (more.empty()) more = "; допустимы id показателей каталога: " + list_of(ids);
        fail("неизвестный показатель " + util::quote_for_message(id) + " в indicator" + more, line_of(key));
    }

    std::string direction(const toml::key& key, const toml::node& node) const {
        const std::string id = text(key, node);
        std::vector<std::string_view> ids;
        for (const auto& d : model::directions()) {
            if (d.id == id) return id;
            ids.push_back(d.id);
        }
        fail("неизвестное направление " + util::quote_for_message(id) + " в direction" + hint(id, ids) +
                 "; допустимы " + list_of(ids),
             line_of(key));
    }

private:
    const std::string& source_;
    const model::Catalogue& catalogue_;
};

// Where each key of [when] was written, for the checks across keys.
struct ConditionLines {
    std::size_t of[std::size(condition_keys)] = {};
    std::size_t operator[](std::string_view key) const {
        for (std::size_t i = 0; i < std::size(condition_keys); ++i)
            if (condition_keys[i] == key) return of[i];
        return 0;
    }
    void set(std::string_view key, std::size_t line) {
        for (std::size_t i = 0; i < std::size(condition_keys); ++i)
            if (condition_keys[i] == key) of[i] = line;
    }
};

model::RuleCondition read_conditions(const RuleReader& r, const toml::table& when, ConditionLines& lines) {
    r.only_keys(when, condition_keys, "неизвестное условие", list_of(condition_keys) + " (в таблице [when])");
    model::RuleCondition c;
    for (auto&& [key, node] : when) {
        const std::string_view k = key.str();
        lines.set(k, r.line_of(key));
        if (k == "group") {
            c.group = r.level(key, node);
        } else if (k == "group_change") {
            const std::string v = r.text(key, node);
            if (v == "down") c.group_change = model::GroupMove::down;
            else if (v == "up") c.group_change = model::GroupMove::up;
            else
                r.fail("неизвестное изменение группы " + util::quote_for_message(v) +
                           " в group_change; допустимы down (в более низкую группу) и up (в более высокую)",
                       r.line_of(key));
        } else if (k == "direction") {
            c.direction = r.direction(key, node);
        } else if (k == "direction_level") {
            c.direction_level = r.level(key, node);
        } else if (k == "direction_change") {
            c.direction_change = r.change(key, node);
        } else if (k == "indicator") {
            c.indicator = r.indicator(key, node).id;
        } else if (k == "indicator_level") {
            c.indicator_level = r.level(key, node);
        } else if (k == "indicator_change") {
            c.indicator_change = r.change(key, node);
        } else if (k == "years") {
            auto v = node.value_exact<std::int64_t>();
            if (!v || *v < 1 || *v > 100)
                r.fail("«years» должен быть целым числом не меньше 1: сколько лет подряд, включая этот, держится "
                       "уровень",
                       r.line_of(key));
            c.years = static_cast<int>(*v);
        } else if (k == "problem_zone") {
            c.problem_zone = r.boolean(key, node);
        }
    }
    return c;
}

// The checks of "a condition that can never be met" (docs/recommendations.md).
void check_conditions(const RuleReader& r, const model::RecommendationRule& rule, const ConditionLines& lines,
                      const model::Catalogue& catalogue) {
    const model::RuleCondition& c = rule.when;
    auto needs = [&](std::string_view key, bool has, std::string_view needed) {
        if (lines[key] && !has)
            r.fail("условие " + std::string(key) + " нельзя проверить без " + std::string(needed) +
                       ": укажите в [when] и " + std::string(needed),
                   lines[key]);
    };
    needs("direction_level", !c.direction.empty(), "direction");
    needs("direction_change", !c.direction.empty(), "direction");
    needs("indicator_level", !c.indicator.empty(), "indicator");
    needs("indicator_change", !c.indicator.empty(), "indicator");
    if (c.problem_zone && c.indicator.empty() && c.direction.empty())
        r.fail("условие problem_zone нельзя проверить без indicator или direction: укажите показатель или "
               "направление, проблемная зона которого имеется в виду",
               lines["problem_zone"]);

    if (!c.indicator.empty()) {
        const model::Indicator& ind = *catalogue.find(c.indicator);
        if (!c.direction.empty() && ind.direction != c.direction)
            r.fail("показатель «" + ind.id + "» относится к направлению «" + ind.direction + "», а в direction указано «" +
                       c.direction + "»: такое условие никогда не выполнится",
                   lines["indicator"]);
        if (!ind.rated()) {
            for (std::string_view key : {"indicator_level", "indicator_change", "problem_zone"})
                if (lines[key] && (key != "problem_zone" || c.problem_zone))
                    r.fail("у показателя «" + ind.id + "» нет уровня (better = \"none\"): условие " + std::string(key) +
                               " никогда не выполнится",
                           lines[key]);
        }
        if (rule.scope == model::RuleScope::school && !ind.school_scope)
            r.fail("показатель «" + ind.id + "» считается только по муниципалитету и кластерам, не по отдельной "
                   "школе: при scope = \"school\" условие никогда не выполнится; такой показатель годится для "
                   "адресатов methodical_centre и department с scope = \"municipality\"",
                   lines["indicator"]);
    }
    if (c.group && c.group_change &&
        ((*c.group == Level::low && *c.group_change == model::GroupMove::up) ||
         (*c.group == Level::high && *c.group_change == model::GroupMove::down)))
        r.fail(std::string("group = \"") + (*c.group == Level::low ? "low" : "high") + "\" и group_change = \"" +
                   model::to_string(*c.group_change) + "\" не выполняются вместе: школа, перешедшая " +
                   (*c.group == Level::low ? "вверх, не может оказаться в низшей" : "вниз, не может оказаться в высшей") +
                   " группе",
               lines["group_change"]);
    if (c.years > 1 && !c.group && !c.direction_level && !c.indicator_level)
        r.fail("years = " + std::to_string(c.years) +
                   " требует условия на уровень (group, direction_level или indicator_level): иначе нечему "
                   "держаться несколько лет подряд",
               lines["years"]);
}

// Every {{name}} of the body must be known and fillable by this rule.
void check_placeholders(const RuleReader& r, const model::RecommendationRule& rule, std::string_view body,
                        std::size_t first_line) {
    const bool school = rule.scope == model::RuleScope::school;
    const bool indicator = !rule.when.indicator.empty();
    std::size_t pos = 0, line = first_line, counted = 0;  // `line` is the line of body[counted]
    while ((pos = body.find("{{", pos)) != std::string_view::npos) {
        line += static_cast<std::size_t>(std::count(body.begin() + counted, body.begin() + pos, '\n'));
        counted = pos;
        const std::size_t end = body.find("}}", pos + 2);
        const std::size_t eol = body.find('\n', pos);
        if (end == std::string_view::npos || (eol != std::string_view::npos && eol < end))
            r.fail("подстановка " + util::quote_for_message(body.substr(pos, eol == std::string_view::npos ? eol : eol - pos)) +
                       " не закрыта: пишите {{имя}} в одной строке, например {{school}}",
                   line);
        const std::string_view name = body.substr(pos + 2, end - pos - 2);
        const std::string shown = "{{" + clean(name) + "}}";
        if (std::find(std::begin(placeholder_names), std::end(placeholder_names), name) == std::end(placeholder_names)) {
            std::string more;
            if (auto near = util::closest(util::trim(name), placeholder_names, 2))
                more = "; возможно, имелось в виду {{" + std::string(placeholder_names[*near]) + "}}";
            std::string all;
            for (auto p : placeholder_names) all += (all.empty() ? "{{" : ", {{") + std::string(p) + "}}";
            r.fail("неизвестная подстановка " + shown + more + "; допустимы " + all, line);
        }
        std::string missing;
        if ((name == "school" || name == "group" || name == "partners") && !school)
            missing = "она заполняется только для рекомендации отдельной школе (scope = \"school\")";
        else if (name == "schools" && school)
            missing = "она заполняется только для рекомендации муниципалитету (scope = \"municipality\")";
        else if ((name == "value" || name == "threshold" || name == "change" || name == "indicator") && !indicator)
            missing = "для неё нужен показатель: условие indicator в [when]";
        else if (name == "direction" && !indicator && rule.when.direction.empty())
            missing = "для неё нужно направление или показатель: условие direction или indicator в [when]";
        if (!missing.empty()) r.fail("подстановку " + shown + " этой рекомендации заполнить нечем: " + missing, line);
        pos = end + 2;
    }
}

}  // namespace

const std::vector<std::string>& recommendation_placeholders() {
    static const std::vector<std::string> names(std::begin(placeholder_names), std::end(placeholder_names));
    return names;
}

bool recommendation_is_draft(std::string_view text, const std::string& source) {
    FrontMatterText split = split_front_matter_text(text, source, "рекомендации");
    if (!split.present) return false;
    toml::table table;
    try {
        table = toml::parse(split.toml, source);
    } catch (const toml::parse_error& e) {
        throw UsageError("ошибка в параметрах рекомендации: " + std::string(e.description()),
                         {source, "", static_cast<std::uint32_t>(e.source().begin.line + 1), 0, true});
    }
    const toml::node* draft = table.get("draft");
    if (!draft) return false;
    auto v = draft->value_exact<bool>();
    if (!v)
        throw UsageError("«draft» должен быть true или false",
                         {source, "", static_cast<std::uint32_t>(draft->source().begin.line + 1), 0, true});
    return *v;
}

model::RecommendationRule parse_recommendation(std::string_view text, const std::string& id, const std::string& source,
                                               const model::Catalogue& catalogue) {
    RuleReader r(source, catalogue);
    FrontMatterText split = split_front_matter_text(text, source, "рекомендации");
    if (!split.present)
        r.fail("файл рекомендации должен начинаться блоком параметров между строками +++ (title, addressee и "
               "условия [when]; см. docs/recommendations.md)",
               1);
    toml::table table;
    try {
        table = toml::parse(split.toml, source);
    } catch (const toml::parse_error& e) {
        r.fail("ошибка в параметрах рекомендации: " + std::string(e.description()), e.source().begin.line + 1);
    }
    r.only_keys(table, rule_keys, "неизвестный параметр рекомендации",
                "title, addressee, scope, priority, kind, draft, replaces и таблица условий [when]");

    model::RecommendationRule rule;
    rule.id = id;
    rule.source = source;
    bool has_title = false, has_addressee = false;
    std::optional<model::RuleScope> scope;
    std::size_t scope_line = 0;
    ConditionLines lines;
    for (auto&& [key, node] : table) {
        const std::string_view k = key.str();
        if (k == "title") {
            rule.title = r.text(key, node);
            if (util::trim(rule.title).empty()) r.fail("«title» не должен быть пустым: это заголовок рекомендации", r.line_of(key));
            has_title = true;
        } else if (k == "addressee") {
            const std::string v = r.text(key, node);
            auto a = model::parse_addressee(v);
            if (!a)
                r.fail("неизвестный адресат " + util::quote_for_message(v) +
                           " в addressee; допустимы school_head (руководитель ОО), teachers (педагоги), "
                           "methodical_centre (методический центр), department (управление образования)",
                       r.line_of(key));
            rule.addressee = *a;
            has_addressee = true;
        } else if (k == "scope") {
            const std::string v = r.text(key, node);
            if (v == "school") scope = model::RuleScope::school;
            else if (v == "municipality") scope = model::RuleScope::municipality;
            else
                r.fail("неизвестный охват " + util::quote_for_message(v) +
                           " в scope; допустимы school (для каждой школы) и municipality (для муниципалитета в целом)",
                       r.line_of(key));
            scope_line = r.line_of(key);
        } else if (k == "priority") {
            auto v = node.value_exact<std::int64_t>();
            if (!v || *v < 1 || *v > 5)
                r.fail("«priority» должен быть целым числом от 1 (самое срочное) до 5", r.line_of(key));
            rule.priority = static_cast<int>(*v);
        } else if (k == "kind") {
            const std::string v = r.text(key, node);
            auto kind = model::parse_decision_kind(v);
            if (!kind)
                r.fail("неизвестный вид управленческого решения " + util::quote_for_message(v) +
                           " в kind; допустимы организующее, активизирующее, координирующее, контролирующее, "
                           "стимулирующее (или organizing, activating, coordinating, controlling, stimulating)",
                       r.line_of(key));
            rule.kind = *kind;
        } else if (k == "draft") {
            r.boolean(key, node);
        } else if (k == "replaces") {
            // One rule id or a list of them; that they exist is checked once every rule is read.
            rule.replaces_line = r.line_of(key);
            auto bad = [&] {
                r.fail("«replaces» должен быть id правила (имя его файла без .md) или списком id: "
                       "replaces = [\"group-low\"]",
                       rule.replaces_line);
            };
            if (auto one = node.value<std::string>()) {
                rule.replaces.push_back(*one);
            } else if (const toml::array* list = node.as_array()) {
                for (const auto& item : *list) {
                    auto v = item.value<std::string>();
                    if (!v) bad();
                    rule.replaces.push_back(*v);
                }
            } else {
                bad();
            }
            for (const auto& other : rule.replaces)
                if (other == id)
                    r.fail("правило не может заменять само себя (replaces = " + util::quote_for_message(other) + ")",
                           rule.replaces_line);
        } else if (k == "when") {
            const toml::table* when = node.as_table();
            if (!when) r.fail("«when» должен быть таблицей условий: строка [when], под ней условия", r.line_of(key));
            rule.when = read_conditions(r, *when, lines);
        }
    }
    if (!has_title) r.fail("нет параметра title: заголовок рекомендации обязателен", 1);
    if (!has_addressee)
        r.fail("нет параметра addressee (кому адресована рекомендация): school_head, teachers, methodical_centre или "
               "department",
               1);
    const bool per_school = rule.addressee == model::Addressee::school_head || rule.addressee == model::Addressee::teachers;
    if (per_school && scope == model::RuleScope::municipality)
        r.fail(std::string("рекомендации адресату ") + model::to_string(rule.addressee) +
                   " даются по каждой школе: scope = \"municipality\" для него невозможен; уберите scope или "
                   "укажите scope = \"school\"",
               scope_line);
    rule.scope = scope.value_or(per_school ? model::RuleScope::school : model::RuleScope::municipality);
    check_conditions(r, rule, lines, catalogue);

    if (util::trim(split.body).empty())
        r.fail("у рекомендации нет текста: после блока параметров должен идти её текст", split.closing_line);
    check_placeholders(r, rule, split.body, split.closing_line + 1);
    rule.body_html = std::string(split.body);
    return rule;
}

}  // namespace monsite::config
