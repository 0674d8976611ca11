// The municipal page of decisions (/decisions/) and the effectiveness of the
// measures (/decisions/effectiveness/): what compute decided (problem zones,
// low schools, partners, group moves, measure verdicts), worded and linked.

#include <algorithm>
#include <iterator>

#include "monsite/compute/decisions.hpp"
#include "monsite/render/format.hpp"
#include "monsite/render/prose.hpp"
#include "monsite/render/recommendation_view.hpp"
#include "monsite/render/site_builder.hpp"
#include "monsite/render/views.hpp"
#include "monsite/util/number_format.hpp"

namespace monsite::render {

using json = nlohmann::ordered_json;
using model::DecisionKind;
using model::Exact;
using model::Indicator;
using model::Level;
using model::Verdict;

namespace {

// A direction's place in the contract order; directions not given come last.
std::size_t direction_order(const std::string& id) {
    const auto all = model::directions();
    for (std::size_t i = 0; i < all.size(); ++i)
        if (all[i].id == id) return i;
    return all.size();
}

}  // namespace

// A threshold of the rules as written in the text: "5", "2,5".
std::string SiteBuilder::rule_number(const Exact& value) const {
    return util::format_decimal(value.to_fixed(2), texts().language(), true);
}

json SiteBuilder::school_link(const YearView& y, const std::string& id, int year) const {
    const model::YearData* data = in_.data.find_year(year);
    const model::SchoolYear* s = data ? data->find_school(id) : nullptr;
    if (!s) s = y.data.find_school(id);
    const bool linked = y.data.find_school(id) != nullptr;
    return {{"name", s ? s->short_name : id}, {"href", linked ? school_href(y, id) : ""}, {"linked", linked}};
}

// (a) The problem zones with their municipal value and the schools low in them.
json SiteBuilder::decision_zones(const YearView& y) const {
    json zones = json::array();
    for (const auto& z : y.results.problem_zones) {
        const Indicator* ind = in_.catalogue.find(z.indicator_id);
        if (!ind) continue;
        const auto i = static_cast<std::size_t>(ind - in_.catalogue.indicators.data());
        json reasons = json::array();
        if (z.low_level) reasons.push_back(text("zone_low_level"));
        if (z.wrong_way && z.change) reasons.push_back(texts().fill("zone_worse", {{"change", change_text(texts(), *ind, *z.change)}}));
        json schools = json::array();
        for (const auto& id : compute::low_schools(y.results, i)) schools.push_back(school_link(y, id, y.year));
        cap_rows(schools);
        const bool has_schools = !schools.empty();
        zones.push_back({{"title", ind->title},
                         {"href", indicator_href(y, ind->id)},
                         {"value", value_view(texts(), *ind, y.results.municipality.values[i]).to_json()},
                         {"reasons", std::move(reasons)},
                         {"schools", std::move(schools)},
                         {"has_schools", has_schools},
                         {"no_schools", text(ind->school_scope ? "decisions_zone_no_low_schools" : "decisions_zone_municipal_only")}});
    }
    return zones;
}

// (b) The recommendations addressed to the methodological centre and to the
// department (compute::decide's matches of the year), by addressee: the
// municipal ones in full, those about one school in a table of schools.
json SiteBuilder::decision_recommendations(const YearView& y) const {
    json groups = json::array();
    const auto* decisions = in_.decisions_of(y.year);
    if (!decisions) return groups;
    for (model::Addressee a : {model::Addressee::methodical_centre, model::Addressee::department}) {
        json items = json::array(), school_items = json::array();
        for (const auto& m : decisions->recommendations) {
            if (in_.recommendations[m.rule].addressee != a) continue;
            json view = recommendation_view(in_, m, y.year).to_json();
            if (m.school_id.empty()) {
                items.push_back(std::move(view));
            } else {
                view["school"] = school_link(y, m.school_id, y.year);
                school_items.push_back(std::move(view));
            }
        }
        if (items.empty() && school_items.empty()) continue;
        cap_rows(school_items);
        const std::string id = model::to_string(a);
        const std::string& name = text("addressee_" + id);
        const bool has_school_items = !school_items.empty();
        groups.push_back({{"addressee", id},
                          {"name", name},
                          {"items", std::move(items)},
                          {"school_items", std::move(school_items)},
                          {"has_school_items", has_school_items},
                          {"school_caption", texts().fill("decisions_recommendations_schools_caption", {{"addressee", name}})}});
    }
    return groups;
}

// (c) Partner pairs: each school of the low group with, for each of its weak
// directions, the schools proposed to share their practice and their mean scores.
json SiteBuilder::decision_partners(const YearView& y) const {
    json schools = json::array();
    for (const auto& g : y.results.groupings) {
        json rows = json::array();
        for (const auto& p : g.partners) {
            const auto* own = model::direction_of(&g, p.direction);
            json partners = json::array();
            for (const auto& id : p.partners) {
                const auto* theirs = model::direction_of(y.results.grouping(id), p.direction);
                json partner = school_link(y, id, y.year);
                partner["mean"] = theirs && theirs->mean ? decimal_text(texts(), *theirs->mean, 2) : text("no_data");
                partner["level"] = level_badge(texts(), theirs ? theirs->level : Level::none);
                partners.push_back(std::move(partner));
            }
            rows.push_back({{"first", rows.empty()},
                            {"direction", direction_name(texts(), p.direction)},
                            {"mean", own && own->mean ? decimal_text(texts(), *own->mean, 2) : text("no_data")},
                            {"level", level_badge(texts(), own ? own->level : Level::none)},
                            {"partner_schools", std::move(partners)}});
        }
        if (rows.empty()) continue;
        const std::size_t span = rows.size();
        schools.push_back({{"school", school_link(y, g.school_id, y.year)}, {"span", span}, {"rows", std::move(rows)}});
        if (in_.site.large && schools.size() >= large_rows()) break;
    }
    return schools;
}

// (d) The schools whose group changed since last year: {down, up}, each by school_id.
json SiteBuilder::decision_moves(const YearView& y) const {
    json down = json::array(), up = json::array();
    auto score = [&](const std::optional<Exact>& v) { return v ? decimal_text(texts(), *v, 2) : text("no_data"); };
    for (const auto& m : compute::group_moves(y.results, y.previous)) {
        json row = {{"school", school_link(y, m.school_id, y.year)},
                    {"before", level_badge(texts(), m.before)},
                    {"before_name", group_name(texts(), m.before)},
                    {"now", level_badge(texts(), m.now)},
                    {"now_name", group_name(texts(), m.now)},
                    {"composite_before", score(m.composite_before)},
                    {"composite_now", score(m.composite_now)}};
        (m.move == model::GroupMove::down ? down : up).push_back(std::move(row));
    }
    const bool has_down = !down.empty(), has_up = !up.empty();
    cap_rows(down);
    cap_rows(up);
    return {{"down", std::move(down)}, {"up", std::move(up)}, {"has_down", has_down}, {"has_up", has_up}};
}

// (e) The year's measures by kind of decision (the contract's order, then
// those without one) and, within a kind, by direction (contract order).
// A table of the pages shows at most this many rows (a plan of a million
// measures stays a page, not gigabytes); the full list is in site.json.
constexpr std::size_t kMaxTableRows = 1000;

// The sentence under a table cut to its first rows, or "" when nothing was cut.
std::string SiteBuilder::rows_cut(std::size_t shown, std::size_t total) const {
    if (shown >= total) return "";
    return texts().fill("decisions_rows_cut", {{"shown", std::to_string(shown)}, {"total", std::to_string(total)}});
}

json SiteBuilder::decision_plan(const YearView& y) const {
    json kinds = json::array();
    std::vector<DecisionKind> order(std::begin(model::all_decision_kinds), std::end(model::all_decision_kinds));
    order.push_back(DecisionKind::none);
    for (DecisionKind kind : order) {
        std::vector<const model::Measure*> measures;
        for (const auto& m : y.data.measures)
            if (model::parse_decision_kind(m.kind).value_or(DecisionKind::none) == kind) measures.push_back(&m);
        if (measures.empty()) continue;
        std::stable_sort(measures.begin(), measures.end(), [](const auto* a, const auto* b) {
            return direction_order(a->direction) < direction_order(b->direction);
        });
        json rows = json::array();
        for (const auto* m : measures) {
            if (rows.size() >= kMaxTableRows) break;
            json where = m->school_id.empty()
                             ? json{{"name", text("decisions_whole_municipality")}, {"href", ""}, {"linked", false}}
                             : school_link(y, m->school_id, y.year);
            rows.push_back({{"measure", m->measure},
                            {"direction", m->direction.empty() ? text("decisions_no_direction") : direction_name(texts(), m->direction)},
                            {"school", std::move(where)},
                            {"responsible", m->responsible},
                            {"period", m->period},
                            {"document", m->document}});
        }
        kinds.push_back({{"id", kind == DecisionKind::none ? "none" : model::to_string(kind)},
                         {"name", text(std::string("decisions_kind_") + (kind == DecisionKind::none ? "none" : model::to_string(kind)))},
                         {"count", measures.size()},
                         {"cut", rows_cut(rows.size(), measures.size())},
                         {"rows", std::move(rows)}});
    }
    return kinds;
}

// The keys of the problem zones (zones, has_zones, zones_lead, no_zones), the
// recommendations (recommendations, has_, no_) and the plan (plan, has_plan,
// plan_heading, no_plan) into `body`: the decisions page and the report.
void SiteBuilder::decision_sections(const YearView& y, json& body) const {
    body["zones"] = decision_zones(y);
    body["has_zones"] = !body["zones"].empty();
    body["zones_lead"] = texts().fill("decisions_zones_lead", {{"points", rule_number(in_.rules.problem_percent_points)},
                                                              {"relative", rule_number(in_.rules.problem_relative_percent)}});
    body["no_zones"] = year_text("decisions_no_zones", y.year);

    body["recommendations"] = decision_recommendations(y);
    body["has_recommendations"] = !body["recommendations"].empty();
    body["no_recommendations"] = year_text("decisions_no_recommendations", y.year);

    body["plan"] = decision_plan(y);
    body["has_plan"] = !body["plan"].empty();
    body["plan_heading"] = year_text("decisions_plan_heading", y.year);
    body["no_plan"] = year_text("decisions_no_plan", y.year);
}

void SiteBuilder::decisions(const YearView& y) {
    json body;
    const std::string year = std::to_string(y.year);
    const std::string previous = std::to_string(y.year - 1);
    body["heading"] = year_text("decisions_heading", y.year);
    body["lead"] = year_text("decisions_lead", y.year);
    body["effectiveness_href"] = year_href(y, "decisions/effectiveness/");
    large_note(y, body);

    decision_sections(y, body);

    body["partners"] = decision_partners(y);
    body["has_partners"] = !body["partners"].empty();
    body["no_partners"] = year_text("decisions_no_partners", y.year);

    body["moves"] = decision_moves(y);
    body["has_previous"] = y.previous != nullptr;
    body["moves_lead"] = texts().fill("decisions_moves_lead", {{"previous", previous}});
    body["no_previous"] = texts().fill("decisions_no_previous", {{"previous", previous}});
    body["col_group_before"] = texts().fill("decisions_col_group_in", {{"year", previous}});
    body["col_group_now"] = texts().fill("decisions_col_group_in", {{"year", year}});
    body["col_score_before"] = texts().fill("decisions_col_score_in", {{"year", previous}});
    body["col_score_now"] = texts().fill("decisions_col_score_in", {{"year", year}});

    emit(y, y.prefix + "decisions/", "decisions/", year_text("title_decisions", y.year), text("description_decisions"),
         "decisions", std::move(body), year_switcher(y, "decisions/"), crumbs(y, {}));
}

// compute::decide's verdicts of a year's measures (none for an input made without them).
const std::vector<model::MeasureEffect>& SiteBuilder::effects_of(int year) const {
    static const std::vector<model::MeasureEffect> none;
    if (const auto* d = in_.decisions_of(year)) return d->effects;
    return none;
}

// One table of the measures of `year` judged: what, where, on what, the values
// the year before, the measure's year and the year after, the change and the verdict.
json SiteBuilder::effect_table(const YearView& y, int year) const {
    const model::YearData* data = in_.data.find_year(year);
    json rows = json::array();
    const auto& effects = effects_of(year);
    for (const auto& e : effects) {
        if (rows.size() >= kMaxTableRows) break;
        if (!data || e.measure >= data->measures.size()) continue;
        const model::Measure& m = data->measures[e.measure];
        const Indicator* ind = e.indicator < in_.catalogue.indicators.size() ? &in_.catalogue.indicators[e.indicator] : nullptr;
        // A year without results shows a dash; a missing value in a year with results, "no data".
        auto shown = [&](const std::optional<Exact>& v, int in) {
            if (!v) return in_.results.find_year(in) ? text("no_data") : text("effect_no_year");
            return ind ? value_text(texts(), *ind, *v) : decimal_text(texts(), *v, 2);
        };
        json target;
        if (ind) {
            const bool has_page = y.results.municipality.values[e.indicator].has_value();
            target = {{"name", ind->title}, {"href", has_page ? indicator_href(y, ind->id) : ""}, {"linked", has_page}};
        } else {
            target = {{"name", texts().fill("effect_direction_mean", {{"direction", direction_name(texts(), e.direction)}})},
                      {"href", year_href(y, "directions/" + e.direction + "/")},
                      {"linked", true}};
        }
        std::string change;
        if (e.change)
            change = ind ? change_text(texts(), *ind, *e.change)
                         : util::format_change(e.change->to_fixed(2), texts().language(), false);
        rows.push_back({{"measure", m.measure},
                        {"where", e.school_id.empty()
                                      ? json{{"name", text("decisions_whole_municipality")}, {"href", ""}, {"linked", false}}
                                      : school_link(y, e.school_id, year)},
                        {"target", std::move(target)},
                        {"before", shown(e.before, year - 1)},
                        {"during", shown(e.during, year)},
                        {"after", shown(e.after, year + 1)},
                        {"change", change},
                        {"verdict", model::to_string(e.verdict)},
                        {"verdict_text", text(std::string("effect_verdict_") + model::to_string(e.verdict))}});
    }
    const bool has_rows = !rows.empty();
    return {{"year", year},
            {"cut", rows_cut(rows.size(), effects.size())},
            {"heading", year_text("effect_year_heading", year)},
            {"caption", year_text("effect_caption", year)},
            {"col_before", year_text("effect_col_before", year - 1)},
            {"col_during", year_text("effect_col_during", year)},
            {"col_after", year_text("effect_col_after", year + 1)},
            {"rows", std::move(rows)},
            {"has_rows", has_rows}};
}

// How a measure's verdict is reached, with the rules' thresholds.
std::string SiteBuilder::effect_method() const {
    return texts().fill("effect_method", {{"points", rule_number(in_.rules.problem_percent_points)},
                                          {"relative", rule_number(in_.rules.problem_relative_percent)},
                                          {"same", rule_number(in_.rules.direction_change_same)}});
}

// The effect_table of every published year up to y's with judged measures, newest first.
json SiteBuilder::effect_tables(const YearView& y) const {
    json years = json::array();
    for (auto it = in_.site.years.rbegin(); it != in_.site.years.rend(); ++it) {
        if (*it > y.year) continue;
        json table = effect_table(y, *it);
        if (table["has_rows"].get<bool>()) years.push_back(std::move(table));
    }
    return years;
}

void SiteBuilder::effectiveness(const YearView& y) {
    json body;
    body["heading"] = year_text("effect_heading", y.year);
    body["lead"] = text("effect_lead");
    body["method"] = effect_method();
    body["decisions_href"] = year_href(y, "decisions/");
    body["decisions_link"] = year_text("effect_decisions_link", y.year);
    json years = effect_tables(y);
    body["has_years"] = !years.empty();
    body["years"] = std::move(years);
    body["no_measures"] = year_text("effect_none", y.year);
    emit(y, y.prefix + "decisions/effectiveness/", "decisions/", year_text("title_effectiveness", y.year),
         text("description_effectiveness"), "effectiveness", std::move(body), year_switcher(y, "decisions/effectiveness/"),
         crumbs(y, {{year_href(y, "decisions/"), text("nav_decisions")}}));
}

}  // namespace monsite::render
