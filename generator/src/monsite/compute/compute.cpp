#include "monsite/compute/compute.hpp"

#include <algorithm>
#include <map>
#include <span>
#include <string_view>
#include <unordered_map>

#include "monsite/compute/subjects.hpp"
#include "monsite/compute/summary.hpp"

namespace monsite::compute {
namespace {

using model::Exact;
using model::FormulaKind;
using model::Indicator;
using model::IndicatorValue;
using model::Level;
using model::Change;
using model::Note;
using model::SchoolYear;
using model::Teacher;

// A value before publication: true numbers, plus what privacy is judged on.
struct TrueValue {
    bool has = false;
    Exact value;
    bool has_fraction = false;
    Exact numerator, denominator;
    Exact privacy_base;  // suppressed when below min_group (sensitive indicators)
    Level level = Level::none;
};

std::optional<Exact> field_of(const SchoolYear& s, std::size_t index) {
    const auto& v = s.fields[index];
    if (!v) return std::nullopt;
    return Exact::from_double(*v);
}

bool has_all(const SchoolYear& s, const std::vector<std::size_t>& fields) {
    return std::all_of(fields.begin(), fields.end(), [&](std::size_t f) { return s.fields[f].has_value(); });
}

std::optional<double> teacher_field(const Teacher& t, const std::string& field) {
    if (field == "diag_score") return t.diag_score;
    if (field == "age") return t.age;
    if (field == "experience") return t.experience;
    return std::nullopt;
}

bool compare(const Exact& value, model::Comparison op, const Exact& operand) {
    switch (op) {
        case model::Comparison::equal: return value == operand;
        case model::Comparison::not_equal: return !(value == operand);
        case model::Comparison::greater: return value > operand;
        case model::Comparison::greater_equal: return value >= operand;
        case model::Comparison::less: return value < operand;
        case model::Comparison::less_equal: return value <= operand;
    }
    return false;
}

// Evaluates one indicator over a set of schools (one school at school scope).
TrueValue evaluate(const Indicator& ind, std::span<const SchoolYear* const> schools,
                   std::span<const Teacher* const> teachers, bool school_scope) {
    const auto& f = ind.formula;
    TrueValue out;
    const Exact percent = ind.unit == model::Unit::percent ? Exact(100) : Exact(1);
    switch (f.kind) {
        case FormulaKind::ratio: {
            const auto inputs = f.inputs();
            Exact num, den;
            bool any = false;
            for (const SchoolYear* s : schools) {
                if (!has_all(*s, inputs)) continue;
                for (auto i : f.numerator) num += *field_of(*s, i);
                for (auto i : f.denominator) den += *field_of(*s, i);
                any = true;
            }
            if (!any || den.is_zero()) return out;
            out = {true, num / den * percent, true, num, den, den, Level::none};
            break;
        }
        case FormulaKind::sum: {
            Exact total;
            bool any = false;
            for (const SchoolYear* s : schools)
                if (auto v = field_of(*s, f.numerator[0])) {
                    total += *v;
                    any = true;
                }
            if (!any) return out;
            out.has = true;
            out.value = total;
            out.privacy_base = Exact(1'000'000'000);  // a sum identifies no one
            break;
        }
        case FormulaKind::weighted_mean: {
            if (school_scope) {
                // The school's own value when its weight is above 0; an average over
                // no teachers has no value, as it adds nothing above the school (§5).
                auto v = field_of(*schools[0], f.numerator[0]);
                auto w = field_of(*schools[0], f.weight);
                if (!v || !w || !(*w > Exact(0))) return out;
                out.has = true;
                out.value = *v;
                out.privacy_base = *w;
                break;
            }
            Exact weighted, weights;
            for (const SchoolYear* s : schools) {
                auto v = field_of(*s, f.numerator[0]);
                auto w = field_of(*s, f.weight);
                if (!v || !w) continue;
                weighted += *v * *w;
                weights += *w;
            }
            if (weights.is_zero()) return out;
            out.has = true;
            out.value = weighted / weights;
            out.privacy_base = weights;
            break;
        }
        case FormulaKind::share_of_schools: {
            std::int64_t meeting = 0, with_value = 0;
            for (const SchoolYear* s : schools) {
                auto v = field_of(*s, f.numerator[0]);
                if (!v) continue;
                ++with_value;
                meeting += compare(*v, f.comparison, f.operand) ? 1 : 0;
            }
            if (with_value == 0) return out;
            out = {true, Exact::fraction(meeting, with_value) * percent, true, meeting, with_value, with_value,
                   Level::none};
            break;
        }
        case FormulaKind::teacher_mean: {
            Exact total;
            std::int64_t count = 0;
            for (const Teacher* t : teachers)
                if (auto v = teacher_field(*t, f.teacher_field)) {
                    total += Exact::from_double(*v);
                    ++count;
                }
            if (count == 0) return out;
            out.has = true;
            out.value = total / Exact(count);
            out.privacy_base = count;
            break;
        }
    }
    out.level = level_of(ind, out.value);
    return out;
}

int score_of(Level level) { return level == Level::high ? 2 : level == Level::medium ? 1 : 0; }

IndicatorValue publish(const Indicator& ind, const TrueValue& v, bool may_suppress, int min_group) {
    IndicatorValue out;
    if (!v.has) return out;  // no_data
    if (ind.sensitive && may_suppress && v.privacy_base < Exact(min_group)) {
        out.note = Note::suppressed;
        return out;
    }
    out.note = Note::none;
    out.value = v.value;
    out.has_fraction = v.has_fraction;
    out.numerator = v.numerator;
    out.denominator = v.denominator;
    out.level = v.level;
    return out;
}

bool applies_in_year(const Indicator& ind, const model::YearData& year) {
    return ind.formula.kind != FormulaKind::teacher_mean || year.has_teachers;
}

// Values of every indicator for a group of schools (municipality or cluster).
model::EntityValues aggregate(model::Scope scope, std::string id, std::span<const SchoolYear* const> schools,
                              std::span<const Teacher* const> teachers, const model::Catalogue& catalogue,
                              const model::YearData& year, const model::Rules& rules) {
    model::EntityValues e{scope, std::move(id), {}};
    for (const auto& ind : catalogue.indicators) {
        if (!applies_in_year(ind, year)) {
            e.values.emplace_back();
            continue;
        }
        TrueValue v = evaluate(ind, schools, teachers, false);
        e.values.emplace_back(publish(ind, v, scope != model::Scope::municipality, rules.min_group));
    }
    return e;
}

// Ranks: ties share a rank, the next rank skips (1, 2, 2, 4). One sort.
void add_ranks(std::vector<model::SchoolGrouping>& groupings) {
    std::vector<model::SchoolGrouping*> rated;
    for (auto& g : groupings)
        if (g.composite) rated.push_back(&g);
    std::sort(rated.begin(), rated.end(),
              [](const model::SchoolGrouping* a, const model::SchoolGrouping* b) { return *a->composite > *b->composite; });
    for (std::size_t i = 0; i < rated.size(); ++i)
        rated[i]->rank = i > 0 && *rated[i]->composite == *rated[i - 1]->composite ? rated[i - 1]->rank
                                                                                   : static_cast<int>(i) + 1;
}

// Partners for the low group: schools high in the same direction, those of the school's own
// cluster first, then by the direction's mean, the composite and the code. The schools high in a
// direction are sorted once, per direction and per cluster, so each low school takes the first few.
void add_partners(std::vector<model::SchoolGrouping>& groupings, const model::YearData& year,
                  const model::Rules& rules) {
    const auto limit = static_cast<std::size_t>(std::max(0, rules.partners_per_direction));
    if (groupings.empty() || limit == 0) return;
    const std::size_t directions = groupings.front().directions.size();
    for (std::size_t d = 0; d < directions; ++d) {
        bool needed = false;
        for (const auto& g : groupings) needed = needed || (g.group == Level::low && g.directions[d].level == Level::low);
        if (!needed) continue;
        std::vector<std::size_t> high;
        for (std::size_t o = 0; o < groupings.size(); ++o)
            if (groupings[o].directions[d].level == Level::high) high.push_back(o);
        std::sort(high.begin(), high.end(), [&](std::size_t a, std::size_t b) {
            const auto& ma = *groupings[a].directions[d].mean;
            const auto& mb = *groupings[b].directions[d].mean;
            if (!(ma == mb)) return ma > mb;
            const auto& ca = groupings[a].composite;
            const auto& cb = groupings[b].composite;
            if (ca.has_value() != cb.has_value()) return ca.has_value();
            if (ca && !(*ca == *cb)) return *ca > *cb;
            return year.schools[a].school_id < year.schools[b].school_id;
        });
        std::map<std::string_view, std::vector<std::size_t>> by_cluster;  // each in the order of `high`
        for (auto o : high) {
            auto& list = by_cluster[year.schools[o].cluster];
            if (list.size() < limit) list.push_back(o);
        }
        for (std::size_t s = 0; s < groupings.size(); ++s) {
            auto& g = groupings[s];
            if (g.group != Level::low || g.directions[d].level != Level::low) continue;
            const std::string& cluster = year.schools[s].cluster;
            std::vector<std::size_t> chosen;
            if (auto it = by_cluster.find(cluster); it != by_cluster.end()) chosen = it->second;
            // Fewer than `limit` in the cluster means the cluster's high schools are all chosen,
            // so at most limit - 1 of them are skipped here.
            for (std::size_t k = 0; k < high.size() && chosen.size() < limit; ++k)
                if (year.schools[high[k]].cluster != cluster) chosen.push_back(high[k]);
            if (chosen.empty()) continue;
            model::PartnerSuggestion p{g.directions[d].direction, {}};
            for (auto c : chosen) p.partners.push_back(year.schools[c].school_id);
            g.partners.push_back(std::move(p));
        }
    }
}

void add_groupings(model::YearResults& out, const std::vector<std::vector<TrueValue>>& school_values,
                   const model::YearData& year, const model::Catalogue& catalogue, const model::Rules& rules) {
    const auto directions = model::directions();
    for (std::size_t s = 0; s < year.schools.size(); ++s) {
        model::SchoolGrouping g;
        g.school_id = year.schools[s].school_id;
        std::int64_t sum = 0, count = 0;
        std::map<std::string, std::pair<std::int64_t, std::int64_t>> by_direction;
        for (std::size_t i = 0; i < catalogue.indicators.size(); ++i) {
            const auto& ind = catalogue.indicators[i];
            const TrueValue& v = school_values[s][i];
            if (!ind.school_scope || !ind.rated() || !v.has) continue;
            int score = score_of(v.level);
            sum += score;
            ++count;
            auto& d = by_direction[ind.direction];
            d.first += score;
            ++d.second;
        }
        g.scored_indicators = static_cast<int>(count);
        if (count > 0) {
            g.composite = Exact::fraction(sum * 50, count);
            g.group = *g.composite >= rules.group_high     ? Level::high
                      : *g.composite >= rules.group_medium ? Level::medium
                                                           : Level::low;
        }
        for (const auto& d : directions) {
            model::DirectionLevel level{std::string(d.id), std::nullopt, Level::none};
            auto it = by_direction.find(level.direction);
            if (it != by_direction.end()) {
                level.mean = Exact::fraction(it->second.first, it->second.second);
                level.level = *level.mean >= rules.direction_high ? Level::high
                              : *level.mean < rules.direction_low ? Level::low
                                                                  : Level::medium;
            }
            g.directions.push_back(std::move(level));
        }
        out.groupings.push_back(std::move(g));
    }
    add_ranks(out.groupings);
    add_partners(out.groupings, year, rules);
}

model::YearResults compute_year(const model::YearData& year, const model::Catalogue& catalogue,
                                const model::Rules& rules) {
    model::YearResults out;
    out.year = year.year;
    std::map<std::string, std::vector<const Teacher*>> teachers_by_school;
    std::vector<const Teacher*> all_teachers;
    for (const auto& t : year.teachers) {
        teachers_by_school[t.school_id].push_back(&t);
        all_teachers.push_back(&t);
    }

    // Schools: true values for the groupings, published values for the output.
    std::vector<std::vector<TrueValue>> school_values;
    for (const auto& school : year.schools) {
        const SchoolYear* one[] = {&school};
        const auto& own = teachers_by_school[school.school_id];
        std::vector<TrueValue> values;
        model::EntityValues e{model::Scope::school, school.school_id, {}};
        for (const auto& ind : catalogue.indicators) {
            bool applies = ind.school_scope && applies_in_year(ind, year);
            values.push_back(applies ? evaluate(ind, one, own, true) : TrueValue{});
            if (applies) e.values.emplace_back(publish(ind, values.back(), true, rules.min_group));
            else e.values.emplace_back();
        }
        school_values.push_back(std::move(values));
        out.schools.push_back(std::move(e));
    }

    std::map<std::string, std::vector<const SchoolYear*>> clusters;
    std::vector<const SchoolYear*> everyone;
    for (const auto& school : year.schools) {
        clusters[school.cluster].push_back(&school);
        everyone.push_back(&school);
    }
    for (const auto& [name, members] : clusters) {
        std::vector<const Teacher*> teachers;
        for (const SchoolYear* s : members) {
            const auto& own = teachers_by_school[s->school_id];
            teachers.insert(teachers.end(), own.begin(), own.end());
        }
        out.clusters.push_back(aggregate(model::Scope::cluster, name, members, teachers, catalogue, year, rules));
    }
    out.municipality =
        aggregate(model::Scope::municipality, "municipality", everyone, all_teachers, catalogue, year, rules);

    add_groupings(out, school_values, year, catalogue, rules);

    if (year.has_teachers) summarize_subjects(year, rules.min_group, out);
    return out;
}

// Entities of a year by scope and id, so that a year's values are found without scanning.
class EntityIndex {
public:
    explicit EntityIndex(const model::YearResults* year) : year_(year) {
        if (!year) return;
        for (const auto& e : year->clusters) clusters_.emplace(e.id, &e);
        for (const auto& e : year->schools) schools_.emplace(e.id, &e);
    }
    const model::EntityValues* find(model::Scope scope, const std::string& id) const {
        if (!year_) return nullptr;
        if (scope == model::Scope::municipality) return &year_->municipality;
        const auto& map = scope == model::Scope::cluster ? clusters_ : schools_;
        auto it = map.find(id);
        return it == map.end() ? nullptr : it->second;
    }

private:
    const model::YearResults* year_;
    std::unordered_map<std::string_view, const model::EntityValues*> clusters_, schools_;
};

std::optional<Exact> difference(const model::EntityValues* earlier, std::size_t i, const IndicatorValue& now) {
    if (!earlier || !now.has_value() || i >= earlier->values.size() || !earlier->values[i] ||
        !earlier->values[i]->has_value())
        return std::nullopt;
    return now.value - earlier->values[i]->value;
}

void add_changes(model::Results& results) {
    for (std::size_t y = 0; y < results.years.size(); ++y) {
        auto& year = results.years[y];
        const model::YearResults* previous =
            y >= 1 && results.years[y - 1].year == year.year - 1 ? &results.years[y - 1] : nullptr;
        const model::YearResults* before = nullptr;
        for (std::size_t k = 0; k < y; ++k)
            if (results.years[k].year == year.year - 2) before = &results.years[k];
        const EntityIndex previous_index(previous), before_index(before);
        auto update = [&](model::EntityValues& e) {
            const auto* prev = previous_index.find(e.scope, e.id);
            const auto* old = before_index.find(e.scope, e.id);
            for (std::size_t i = 0; i < e.values.size(); ++i) {
                if (!e.values[i]) continue;
                e.values[i]->change = difference(prev, i, *e.values[i]);
                e.values[i]->change_3y = difference(old, i, *e.values[i]);
            }
        };
        update(year.municipality);
        for (auto& c : year.clusters) update(c);
        for (auto& s : year.schools) update(s);
    }
}

void add_problem_zones(model::Results& results, const model::Catalogue& catalogue, const model::Rules& rules) {
    for (std::size_t y = 0; y < results.years.size(); ++y) {
        auto& year = results.years[y];
        const model::YearResults* previous =
            y >= 1 && results.years[y - 1].year == year.year - 1 ? &results.years[y - 1] : nullptr;
        for (std::size_t i = 0; i < catalogue.indicators.size(); ++i) {
            const auto& ind = catalogue.indicators[i];
            const auto& v = year.municipality.values[i];
            if (!ind.rated() || !v || !v->has_value()) continue;
            model::ProblemZone zone{ind.id, v->level == Level::low, false, v->change};
            if (v->change && previous)
                zone.wrong_way = indicator_change(ind, v->value, previous->municipality.values[i]->value, rules) ==
                                 Change::worse;
            if (zone.low_level || zone.wrong_way) year.problem_zones.push_back(std::move(zone));
        }
    }
}

}  // namespace

model::Level level_of(const model::Indicator& ind, const model::Exact& value) {
    switch (ind.better) {
        case model::Better::higher:
            return value < ind.t1 ? Level::low : value >= ind.t2 ? Level::high : Level::medium;
        case model::Better::lower:
            return value <= ind.t1 ? Level::high : value > ind.t2 ? Level::low : Level::medium;
        case model::Better::none: break;
    }
    return Level::none;
}

model::Results compute(const model::Dataset& data, const model::Catalogue& catalogue, const model::Rules& rules) {
    model::Results results;
    for (const auto& year : data.years) results.years.push_back(compute_year(year, catalogue, rules));
    add_changes(results);
    add_problem_zones(results, catalogue, rules);
    return results;
}

}  // namespace monsite::compute
