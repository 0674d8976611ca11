#include "monsite/compute/recommendations.hpp"

#include <algorithm>
#include <optional>

#include "monsite/compute/decisions.hpp"
#include "monsite/compute/summary.hpp"

namespace monsite::compute {

using model::Exact;
using model::Fact;
using model::direction_of;
using model::published;
using model::Level;
using model::RecommendationMatch;
using model::RecommendationRule;
using model::RuleCondition;
using model::YearResults;

namespace {

// The rule's indicator as a catalogue index, or npos.
std::size_t indicator_index(const model::Catalogue& catalogue, const std::string& id) {
    if (id.empty()) return Fact::npos;
    for (std::size_t i = 0; i < catalogue.indicators.size(); ++i)
        if (catalogue.indicators[i].id == id) return i;
    return Fact::npos;
}

// One rule evaluated for one subject (a school, or the municipality when
// school_id is empty) across the years of the results.
class Evaluator {
public:
    Evaluator(const model::Results& results, std::size_t year, const model::Catalogue& catalogue,
              const model::Rules& rules)
        : results_(results), year_(year), catalogue_(catalogue), rules_(rules) {}

    // The year k years before results.years[year_], if computed (consecutive years only).
    const YearResults* back(std::size_t k) const {
        if (k > year_) return nullptr;
        const YearResults& r = results_.years[year_ - k];
        return r.year == results_.years[year_].year - static_cast<int>(k) ? &r : nullptr;
    }

    std::optional<RecommendationMatch> school(const RecommendationRule& rule, std::size_t index,
                                              const std::string& school_id) const {
        const RuleCondition& w = rule.when;
        const YearResults& now = results_.years[year_];
        const YearResults* prev = back(1);
        const auto* g = now.grouping(school_id);
        if (!g) return std::nullopt;
        const auto* g_before = prev ? prev->grouping(school_id) : nullptr;
        const std::size_t ind = indicator_index(catalogue_, w.indicator);
        RecommendationMatch match{index, school_id, {}, {}};
        auto& facts = match.reasons;

        if (w.group) {
            if (g->group != *w.group) return std::nullopt;
            facts.push_back(fact(Fact::Kind::group, g->group, g->composite));
        }
        if (w.group_change) {
            if (group_move(*g, g_before) != w.group_change) return std::nullopt;
            Fact f = fact(Fact::Kind::group_change, g->group, g->composite);
            f.before = g_before->group;
            f.previous = g_before->composite;
            f.change = *w.group_change == model::GroupMove::down ? model::Change::worse : model::Change::better;
            facts.push_back(std::move(f));
        }
        if (w.direction_level) {
            const auto* d = direction_of(g, w.direction);
            if (!d || d->level != *w.direction_level) return std::nullopt;
            Fact f = fact(Fact::Kind::direction_level, d->level, d->mean);
            f.direction = w.direction;
            facts.push_back(std::move(f));
        }
        if (w.direction_change) {
            const auto* d = direction_of(g, w.direction);
            const auto* before = g_before ? direction_of(g_before, w.direction) : nullptr;
            if (!d || !d->mean || !before || !before->mean) return std::nullopt;
            const model::Change c = change_of(*d->mean, *before->mean, rules_);
            if (c != *w.direction_change) return std::nullopt;
            Fact f = fact(Fact::Kind::direction_change, d->level, d->mean);
            f.change = c;
            f.direction = w.direction;
            f.previous = before->mean;
            facts.push_back(std::move(f));
        }
        if (!indicator_facts(w, ind, now.school(school_id), prev ? prev->school(school_id) : nullptr, facts))
            return std::nullopt;
        if (w.years > 1 &&
            !persistence(w, facts, [&](const YearResults& r) { return school_levels_hold(w, ind, r, school_id); }))
            return std::nullopt;
        if (w.problem_zone && !zone_fact(w, ind, now, facts)) return std::nullopt;
        return match;
    }

    std::optional<RecommendationMatch> municipality(const RecommendationRule& rule, std::size_t index) const {
        const RuleCondition& w = rule.when;
        const YearResults& now = results_.years[year_];
        const YearResults* prev = back(1);
        const std::size_t ind = indicator_index(catalogue_, w.indicator);
        RecommendationMatch match{index, "", {}, {}};
        auto& facts = match.reasons;

        if (w.group || w.group_change) {
            // The schools behind it: each meets every group condition given.
            for (const auto& g : now.groupings) {
                if (w.group && g.group != *w.group) continue;
                if (w.group_change && group_move(g, prev ? prev->grouping(g.school_id) : nullptr) != w.group_change)
                    continue;
                match.schools.push_back(g.school_id);
            }
            if (match.schools.empty()) return std::nullopt;
            if (w.group) facts.push_back(fact(Fact::Kind::group, *w.group, Exact(static_cast<std::int64_t>(match.schools.size()))));
            if (w.group_change) {
                Fact f = fact(Fact::Kind::group_change, w.group.value_or(Level::none),
                              Exact(static_cast<std::int64_t>(match.schools.size())));
                f.change = *w.group_change == model::GroupMove::down ? model::Change::worse : model::Change::better;
                facts.push_back(std::move(f));
            }
        }
        const auto mean_now = w.direction.empty() ? std::nullopt : municipal_direction_mean(now, catalogue_, w.direction);
        if (w.direction_level) {
            if (!mean_now || direction_level_of(*mean_now, rules_) != *w.direction_level) return std::nullopt;
            Fact f = fact(Fact::Kind::direction_level, *w.direction_level, mean_now);
            f.direction = w.direction;
            facts.push_back(std::move(f));
        }
        if (w.direction_change) {
            const auto mean_before = prev ? municipal_direction_mean(*prev, catalogue_, w.direction) : std::nullopt;
            if (!mean_now || !mean_before) return std::nullopt;
            const model::Change c = change_of(*mean_now, *mean_before, rules_);
            if (c != *w.direction_change) return std::nullopt;
            Fact f = fact(Fact::Kind::direction_change, direction_level_of(*mean_now, rules_), mean_now);
            f.change = c;
            f.direction = w.direction;
            f.previous = mean_before;
            facts.push_back(std::move(f));
        }
        if (!indicator_facts(w, ind, &now.municipality, prev ? &prev->municipality : nullptr, facts))
            return std::nullopt;
        if (w.years > 1 && !persistence(w, facts, [&](const YearResults& r) { return municipal_levels_hold(w, ind, r); }))
            return std::nullopt;
        if (w.problem_zone && !zone_fact(w, ind, now, facts)) return std::nullopt;
        return match;
    }

private:
    // How many years in a row the level conditions held (`held` of an earlier
    // year), this one included; false when fewer than w.years, else the fact added.
    template <typename Held>
    bool persistence(const RuleCondition& w, std::vector<Fact>& facts, const Held& held) const {
        int run = 1;
        for (std::size_t k = 1;; ++k) {
            const YearResults* r = back(k);
            if (!r || !held(*r)) break;
            ++run;
        }
        if (run < w.years) return false;
        Fact f;
        f.kind = Fact::Kind::persistence;
        f.years = run;
        facts.push_back(std::move(f));
        return true;
    }

    static Fact fact(Fact::Kind kind, Level level, std::optional<Exact> value) {
        Fact f;
        f.kind = kind;
        f.level = level;
        f.value = std::move(value);
        return f;
    }

    // indicator_level and indicator_change on one entity's published values.
    bool indicator_facts(const RuleCondition& w, std::size_t ind, const model::EntityValues* now,
                         const model::EntityValues* before, std::vector<Fact>& facts) const {
        if (!w.indicator_level && !w.indicator_change) return true;
        if (ind == Fact::npos) return false;
        const model::Indicator& indicator = catalogue_.indicators[ind];
        const auto* v = published(now, ind);
        if (!v) return false;
        if (w.indicator_level) {
            if (v->level != *w.indicator_level) return false;
            Fact f = fact(Fact::Kind::indicator_level, v->level, v->value);
            f.indicator = ind;
            f.threshold = threshold_of(indicator, v->level);
            facts.push_back(std::move(f));
        }
        if (w.indicator_change) {
            const auto* b = published(before, ind);
            if (!b) return false;
            const model::Change c = indicator_change(indicator, v->value, b->value, rules_);
            if (c != *w.indicator_change) return false;
            Fact f = fact(Fact::Kind::indicator_change, v->level, v->value);
            f.indicator = ind;
            f.change = c;
            f.previous = b->value;
            facts.push_back(std::move(f));
        }
        return true;
    }

    // The level conditions of `w` in an earlier year, for one school.
    bool school_levels_hold(const RuleCondition& w, std::size_t ind, const YearResults& r,
                            const std::string& school_id) const {
        const auto* g = r.grouping(school_id);
        if (!g) return false;
        if (w.group && g->group != *w.group) return false;
        if (w.direction_level) {
            const auto* d = direction_of(g, w.direction);
            if (!d || d->level != *w.direction_level) return false;
        }
        if (w.indicator_level) {
            const auto* v = published(r.school(school_id), ind);
            if (!v || v->level != *w.indicator_level) return false;
        }
        return true;
    }

    bool municipal_levels_hold(const RuleCondition& w, std::size_t ind, const YearResults& r) const {
        if (w.group && std::none_of(r.groupings.begin(), r.groupings.end(),
                                    [&](const auto& g) { return g.group == *w.group; }))
            return false;
        if (w.direction_level) {
            auto mean = municipal_direction_mean(r, catalogue_, w.direction);
            if (!mean || direction_level_of(*mean, rules_) != *w.direction_level) return false;
        }
        if (w.indicator_level) {
            const auto* v = published(&r.municipality, ind);
            if (!v || v->level != *w.indicator_level) return false;
        }
        return true;
    }

    // The problem zone the rule asks for: its indicator's, else the first of its
    // direction's, else the first of the year.
    bool zone_fact(const RuleCondition& w, std::size_t ind, const YearResults& now, std::vector<Fact>& facts) const {
        for (const auto& zone : now.problem_zones) {
            const std::size_t z = indicator_index(catalogue_, zone.indicator_id);
            if (z == Fact::npos) continue;
            if (ind != Fact::npos ? z != ind
                                  : !w.direction.empty() && catalogue_.indicators[z].direction != w.direction)
                continue;
            Fact f;
            f.kind = Fact::Kind::problem_zone;
            f.indicator = z;
            f.direction = catalogue_.indicators[z].direction;
            f.level = published(&now.municipality, z) ? now.municipality.values[z]->level : Level::none;
            f.value = published(&now.municipality, z) ? std::optional<Exact>(now.municipality.values[z]->value)
                                                      : std::nullopt;
            f.change = zone.wrong_way ? model::Change::worse : model::Change::same;
            f.previous = zone.change;  // the move since last year, when it made the zone
            facts.push_back(std::move(f));
            return true;
        }
        return false;
    }

    const model::Results& results_;
    std::size_t year_;
    const model::Catalogue& catalogue_;
    const model::Rules& rules_;
};

}  // namespace

Exact threshold_of(const model::Indicator& ind, Level level) {
    if (ind.better == model::Better::lower) return level == Level::low ? ind.t2 : ind.t1;
    return level == Level::low ? ind.t1 : ind.t2;
}

std::vector<RecommendationMatch> recommend(const model::Results& results, std::size_t year,
                                           const model::Catalogue& catalogue, const model::Rules& rules,
                                           std::span<const RecommendationRule> recommendations) {
    // Rules by priority, then id: the order every list of matches keeps.
    std::vector<std::size_t> order(recommendations.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const auto& ra = recommendations[a];
        const auto& rb = recommendations[b];
        if (ra.priority != rb.priority) return ra.priority < rb.priority;
        return ra.id < rb.id;
    });
    const Evaluator eval(results, year, catalogue, rules);
    std::vector<RecommendationMatch> matches;
    // One subject's matches, less those another of its matches replaces.
    auto keep = [&](std::vector<RecommendationMatch> subject) {
        for (auto& m : subject) {
            const std::string& id = recommendations[m.rule].id;
            const bool replaced = std::any_of(subject.begin(), subject.end(), [&](const RecommendationMatch& other) {
                const auto& r = recommendations[other.rule].replaces;
                return std::find(r.begin(), r.end(), id) != r.end();
            });
            if (!replaced) matches.push_back(m);
        }
    };
    for (const auto& g : results.years[year].groupings) {
        std::vector<RecommendationMatch> subject;
        for (std::size_t i : order)
            if (recommendations[i].scope == model::RuleScope::school)
                if (auto m = eval.school(recommendations[i], i, g.school_id)) subject.push_back(std::move(*m));
        keep(std::move(subject));
    }
    std::vector<RecommendationMatch> municipal;
    for (std::size_t i : order)
        if (recommendations[i].scope == model::RuleScope::municipality)
            if (auto m = eval.municipality(recommendations[i], i)) municipal.push_back(std::move(*m));
    keep(std::move(municipal));
    return matches;
}

std::vector<model::YearDecisions> decide(const model::Dataset& data, const model::Results& results,
                                         const model::Catalogue& catalogue, const model::Rules& rules,
                                         std::span<const RecommendationRule> recommendations) {
    std::vector<model::YearDecisions> out;
    for (std::size_t y = 0; y < results.years.size(); ++y)
        out.push_back({results.years[y].year, recommend(results, y, catalogue, rules, recommendations),
                       measure_effects(data, results, y, catalogue, rules)});
    return out;
}

}  // namespace monsite::compute
