#include "monsite/render/recommendation_view.hpp"

#include <algorithm>
#include <map>

#include "monsite/compute/recommendations.hpp"
#include "monsite/render/csv_writer.hpp"
#include "monsite/render/format.hpp"
#include "monsite/render/prose.hpp"
#include "monsite/render/template.hpp"
#include "monsite/render/views.hpp"

namespace monsite::render {

using json = nlohmann::ordered_json;
using model::Fact;
using model::Level;

namespace {

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (const auto& p : parts) {
        if (!out.empty()) out += separator;
        out += p;
    }
    return out;
}

const model::EntityValues* subject_values(const model::YearResults& r, const std::string& school_id) {
    return school_id.empty() ? &r.municipality : r.school(school_id);
}

class Words {
public:
    Words(const PagesInput& in, int year) : in_(in), t_(in.texts), year_(year) {}

    std::string school_name(const std::string& id) const {
        const auto* y = in_.data.find_year(year_);
        const auto* s = y ? y->find_school(id) : nullptr;
        return s ? s->short_name : id;
    }

    std::string mean(const model::Exact& m) const { return decimal_text(t_, m, 2); }

    std::string reason(const Fact& f, const model::RecommendationMatch& match) const {
        const auto count = std::to_string(match.schools.size());
        switch (f.kind) {
            case Fact::Kind::group:
                if (match.school_id.empty())
                    return t_.fill("reason_group_schools", {{"group", group_name(t_, f.level)}, {"count", count}});
                return t_.fill("reason_group", {{"group", group_name(t_, f.level)},
                                                {"score", f.value ? mean(*f.value) : t_.text("no_data")}});
            case Fact::Kind::group_change: {
                const bool down = f.change == model::Change::worse;
                if (match.school_id.empty()) {
                    if (down) return t_.fill("reason_group_down_schools", {{"count", count}});
                    return t_.fill("reason_group_up_schools", {{"count", count}});
                }
                const std::string before = group_name(t_, f.before), now = group_name(t_, f.level);
                if (down) return t_.fill("reason_group_down", {{"before", before}, {"now", now}});
                return t_.fill("reason_group_up", {{"before", before}, {"now", now}});
            }
            case Fact::Kind::direction_level:
                return t_.fill("reason_direction_level", {{"direction", direction_name(t_, f.direction)},
                                                          {"level", level_name(t_, model::to_string(f.level))},
                                                          {"mean", f.value ? mean(*f.value) : t_.text("no_data")}});
            case Fact::Kind::direction_change: {
                const std::string& d = direction_name(t_, f.direction);
                const std::string before = mean(*f.previous), now = mean(*f.value);
                auto fill = [&](std::string_view key) {
                    return t_.fill(key, {{"direction", d}, {"before", before}, {"now", now}});
                };
                if (f.change == model::Change::worse) return fill("reason_direction_worse");
                if (f.change == model::Change::better) return fill("reason_direction_better");
                return fill("reason_direction_same");
            }
            case Fact::Kind::indicator_level: {
                const model::Indicator& ind = in_.catalogue.indicators[f.indicator];
                const std::string value = value_text(t_, ind, *f.value), threshold = value_text(t_, ind, *f.threshold);
                auto fill = [&](std::string_view key) {
                    return t_.fill(key, {{"indicator", ind.title}, {"value", value}, {"threshold", threshold}});
                };
                const bool lower = ind.better == model::Better::lower;
                if (f.level == Level::low) return lower ? fill("reason_indicator_above") : fill("reason_indicator_below");
                if (f.level == Level::high)
                    return lower ? fill("reason_indicator_at_most") : fill("reason_indicator_at_least");
                return lower ? fill("reason_indicator_medium_lower") : fill("reason_indicator_medium_higher");
            }
            case Fact::Kind::indicator_change: {
                const model::Indicator& ind = in_.catalogue.indicators[f.indicator];
                const std::string change = change_text(t_, ind, *f.value - *f.previous);
                const std::string before = value_text(t_, ind, *f.previous), now = value_text(t_, ind, *f.value);
                auto fill = [&](std::string_view key) {
                    return t_.fill(key, {{"indicator", ind.title}, {"change", change}, {"before", before}, {"now", now}});
                };
                if (f.change == model::Change::worse) return fill("reason_indicator_worse");
                if (f.change == model::Change::better) return fill("reason_indicator_better");
                return fill("reason_indicator_same");
            }
            case Fact::Kind::persistence:
                return t_.plural("reason_years", f.years);
            case Fact::Kind::problem_zone: {
                const model::Indicator& ind = in_.catalogue.indicators[f.indicator];
                const std::string value = f.value ? value_text(t_, ind, *f.value) : t_.text("no_data");
                if (f.change == model::Change::worse && f.previous)
                    return t_.fill("reason_zone_worse", {{"indicator", ind.title}, {"value", value},
                                                         {"change", change_text(t_, ind, *f.previous)}});
                return t_.fill("reason_zone_low", {{"indicator", ind.title}, {"value", value}});
            }
        }
        return {};
    }

    // The values every placeholder of docs/recommendations.md stands for.
    std::map<std::string, std::string> placeholders(const model::RecommendationRule& rule,
                                                    const model::RecommendationMatch& match) const {
        std::map<std::string, std::string> v;
        v["municipality"] = in_.site.municipality;
        v["year"] = std::to_string(year_);
        const model::YearResults* r = in_.results.find_year(year_);
        if (!match.school_id.empty()) {
            v["school"] = school_name(match.school_id);
            const auto* g = r ? r->grouping(match.school_id) : nullptr;
            v["group"] = group_name(t_, g ? g->group : Level::none);
            std::vector<std::string> partners;
            if (g)
                for (const auto& p : g->partners)
                    if (rule.when.direction.empty() || p.direction == rule.when.direction)
                        for (const auto& id : p.partners)
                            if (std::find(partners.begin(), partners.end(), school_name(id)) == partners.end())
                                partners.push_back(school_name(id));
            v["partners"] = partners.empty() ? t_.text("recommendation_no_partners") : join(partners, ", ");
        }
        std::vector<std::string> schools;
        for (const auto& id : match.schools) schools.push_back(school_name(id));
        v["schools"] = join(schools, ", ");
        const model::Indicator* ind = rule.when.indicator.empty() ? nullptr : in_.catalogue.find(rule.when.indicator);
        std::string direction = rule.when.direction;
        if (ind) {
            if (direction.empty()) direction = ind->direction;
            v["indicator"] = ind->title;
            const auto index = static_cast<std::size_t>(ind - in_.catalogue.indicators.data());
            const auto* value = r ? model::published(subject_values(*r, match.school_id), index) : nullptr;
            v["value"] = value ? value_text(t_, *ind, value->value) : t_.text("no_data");
            v["threshold"] = value_text(t_, *ind, compute::threshold_of(*ind, value ? value->level : Level::low));
            v["change"] = value && value->change ? change_text(t_, *ind, *value->change) : t_.text("no_data");
        }
        if (!direction.empty()) v["direction"] = direction_name(t_, direction);
        return v;
    }

private:
    const PagesInput& in_;
    const config::TextCatalogue& t_;
    int year_;
};

// The body with each {{name}} replaced by its escaped value; a name without a
// value (the loader refuses those) is left out.
std::string fill_body(const std::string& html, const std::map<std::string, std::string>& values) {
    std::string out;
    std::size_t pos = 0;
    while (pos < html.size()) {
        std::size_t open = html.find("{{", pos);
        if (open == std::string::npos) break;
        std::size_t close = html.find("}}", open + 2);
        if (close == std::string::npos) break;
        out.append(html, pos, open - pos);
        std::string name(html, open + 2, close - open - 2);
        while (!name.empty() && name.front() == ' ') name.erase(0, 1);
        while (!name.empty() && name.back() == ' ') name.pop_back();
        auto it = values.find(name);
        if (it != values.end()) out += escape_html(it->second);
        pos = close + 2;
    }
    out.append(html, pos, std::string::npos);
    return out;
}

}  // namespace

json RecommendationView::to_json() const {
    json names = json::array();
    for (const auto& s : schools) names.push_back(s);
    return {{"rule_id", rule_id},     {"title", title},       {"addressee", addressee},
            {"addressee_name", addressee_name}, {"kind", kind}, {"kind_name", kind_name},
            {"priority", priority},   {"reason", reason},     {"body_html", body_html},
            {"schools", std::move(names)}, {"has_schools", !schools.empty()}, {"open", priority == 1}};
}

RecommendationView recommendation_view(const PagesInput& in, const model::RecommendationMatch& match, int year) {
    const model::RecommendationRule& rule = in.recommendations[match.rule];
    const Words words(in, year);
    RecommendationView v;
    v.rule_id = rule.id;
    v.title = rule.title;
    v.addressee = model::to_string(rule.addressee);
    v.addressee_name = in.texts.text("addressee_" + v.addressee);
    v.kind = model::to_string(rule.kind);
    if (!v.kind.empty()) v.kind_name = in.texts.text("decision_kind_" + v.kind);
    v.priority = rule.priority;
    std::vector<std::string> reasons;
    for (const auto& f : match.reasons) reasons.push_back(words.reason(f, match));
    v.reason = join(reasons, "; ");
    v.body_html = fill_body(rule.body_html, words.placeholders(rule, match));
    for (const auto& id : match.schools) v.schools.push_back(words.school_name(id));
    return v;
}

std::string recommendations_csv(const PagesInput& in) {
    CsvWriter csv;
    for (const char* h : {"year", "school_id", "addressee", "rule_id", "priority", "reason"}) csv.field(h);
    csv.end_row();
    for (int year : in.site.years) {
        const auto* decisions = in.decisions_of(year);
        if (!decisions) continue;
        for (const auto& m : decisions->recommendations) {
            const RecommendationView v = recommendation_view(in, m, year);
            csv.field(std::to_string(year)).text(m.school_id).field(v.addressee).field(v.rule_id);
            csv.field(std::to_string(v.priority)).text(v.reason);
            csv.end_row();
        }
    }
    return csv.take();
}

}  // namespace monsite::render
