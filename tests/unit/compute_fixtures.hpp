#pragma once
// Helpers for the model, config and compute tests: hand-made schools, teachers
// and years built directly in C++, and readable output of exact values.

#include <doctest/doctest.h>

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "monsite/compute/compute.hpp"
#include "monsite/config/config.hpp"
#include "monsite/model/contract.hpp"
#include "monsite/model/dataset.hpp"
#include "monsite/model/exact.hpp"
#include "monsite/model/results.hpp"

// Failed checks show exact values as decimals instead of "{?}".
namespace doctest {
template <>
struct StringMaker<monsite::model::Exact> {
    static String convert(const monsite::model::Exact& value) { return value.to_fixed(6).c_str(); }
};
}  // namespace doctest

namespace monsite::test {

using FieldValues = std::initializer_list<std::pair<const char*, double>>;

inline std::size_t field_index(std::string_view id) {
    auto index = model::school_field_index(id);
    if (!index) throw std::invalid_argument("no school field «" + std::string(id) + "»");
    return *index;
}

// A school with only the given fields; every other field is "no data".
inline model::SchoolYear make_school(const std::string& id, const std::string& cluster, FieldValues values) {
    model::SchoolYear s;
    s.school_id = id;
    s.name = "Школа " + id;
    s.short_name = s.name;
    s.type = "СОШ";
    s.cluster = cluster;
    s.fields.assign(model::school_fields().size(), std::nullopt);
    for (const auto& [field, value] : values) s.fields[field_index(field)] = value;
    return s;
}

inline model::Teacher make_teacher(const std::string& id, const std::string& school, const std::string& subject,
                                   std::optional<double> score, std::optional<bool> deficit = std::nullopt) {
    model::Teacher t;
    t.teacher_id = id;
    t.school_id = school;
    t.subject = subject;
    t.diag_score = score;
    t.deficit = deficit;
    return t;
}

// A year; schools are sorted by school_id as the loader leaves them. A year
// has a Педагоги table when `with_teachers` is set or teachers are given.
inline model::YearData make_year(int year, std::vector<model::SchoolYear> schools,
                                 std::vector<model::Teacher> teachers = {}, bool with_teachers = false) {
    model::YearData y;
    y.year = year;
    std::sort(schools.begin(), schools.end(),
              [](const model::SchoolYear& a, const model::SchoolYear& b) { return a.school_id < b.school_id; });
    y.schools = std::move(schools);
    y.has_teachers = with_teachers || !teachers.empty();
    y.teachers = std::move(teachers);
    return y;
}

inline model::Dataset make_dataset(std::vector<model::YearData> years) {
    model::Dataset d;
    d.years = std::move(years);
    return d;
}

inline model::Exact fraction(std::int64_t numerator, std::int64_t denominator) {
    return model::Exact::fraction(numerator, denominator);
}

inline std::size_t indicator_index(const model::Catalogue& catalogue, std::string_view id) {
    const model::Indicator* ind = catalogue.find(id);
    if (!ind) throw std::invalid_argument("no indicator «" + std::string(id) + "»");
    return static_cast<std::size_t>(ind - catalogue.indicators.data());
}

// The results of a dataset under a catalogue and rules, with lookups by id.
struct Computed {
    model::Catalogue catalogue;
    model::Rules rules;
    model::Results results;

    const model::YearResults& year(int y) const {
        const model::YearResults* found = results.find_year(y);
        if (!found) throw std::invalid_argument("no year " + std::to_string(y));
        return *found;
    }

    const model::EntityValues& entity(int y, model::Scope scope, std::string_view id) const {
        const model::YearResults& r = year(y);
        if (scope == model::Scope::municipality) return r.municipality;
        const auto& list = scope == model::Scope::cluster ? r.clusters : r.schools;
        for (const auto& e : list)
            if (e.id == id) return e;
        throw std::invalid_argument("no entity «" + std::string(id) + "»");
    }

    // nullopt where the indicator does not apply to the entity in that year.
    const std::optional<model::IndicatorValue>& value(int y, model::Scope scope, std::string_view entity_id,
                                                      std::string_view indicator) const {
        return entity(y, scope, entity_id).values.at(indicator_index(catalogue, indicator));
    }
    const std::optional<model::IndicatorValue>& municipal(int y, std::string_view indicator) const {
        return value(y, model::Scope::municipality, "municipality", indicator);
    }
    const std::optional<model::IndicatorValue>& cluster(int y, std::string_view name, std::string_view indicator) const {
        return value(y, model::Scope::cluster, name, indicator);
    }
    const std::optional<model::IndicatorValue>& school(int y, std::string_view id, std::string_view indicator) const {
        return value(y, model::Scope::school, id, indicator);
    }

    const model::SchoolGrouping& grouping(int y, std::string_view id) const {
        const model::SchoolGrouping* g = year(y).grouping(id);
        if (!g) throw std::invalid_argument("no grouping for «" + std::string(id) + "»");
        return *g;
    }
};

inline Computed run(const model::Dataset& data, model::Catalogue catalogue, model::Rules rules) {
    Computed c{std::move(catalogue), rules, {}};
    c.results = compute::compute(data, c.catalogue, c.rules);
    return c;
}

// The shipped catalogue and rules (config::default_config()).
inline Computed run_default(const model::Dataset& data) {
    config::SiteConfig config = config::default_config();
    return run(data, std::move(config.catalogue), config.rules);
}

// A catalogue written in the indicators.toml syntax.
inline model::Catalogue catalogue_from(std::string_view toml) { return config::parse_catalogue(toml, "test.toml"); }

// The level of a direction (by id) in a school's grouping.
inline const model::DirectionLevel& direction_of(const model::SchoolGrouping& g, std::string_view direction) {
    for (const auto& d : g.directions)
        if (d.direction == direction) return d;
    throw std::invalid_argument("no direction «" + std::string(direction) + "»");
}

// One rated default indicator per direction (two in mastery), each computed
// from one field over teachers_total = 100, so a count is its own percentage.
// The field value that gives score 0 (low), 1 (medium), 2 (high):
struct RatedField {
    const char* indicator;
    const char* field;
    double value[3];
};
inline const RatedField rated_fields[] = {
    {"diag_coverage", "diagnosed", {40, 60, 80}},                  // [50, 80]: 40 low, 60 medium, 80 high
    {"courses_share", "courses", {10, 25, 33}},                    // [20, 33]
    {"competitions_share", "competitions", {2, 10, 15}},           // [5, 15]
    {"mentors_share", "mentors", {2, 7, 10}},                      // [5, 10]
    {"network_share", "network", {40, 60, 80}},                    // [50, 80]
    {"regional_events_share", "events_regional", {5, 20, 30}},     // [10, 30]
    {"staffing_level", "vacancies", {10, 3, 0}},                   // [95, 100]: 100/110 = 90.9, 100/103 = 97.1, 100/100
    {"experts_share", "experts", {2, 5, 8}},                       // [3, 8]
};

// A school scoring the given level (0, 1, 2) on the given indicators and nothing else.
inline model::SchoolYear rated_school(const std::string& id, const std::string& cluster,
                                     std::initializer_list<std::pair<const char*, int>> scores) {
    model::SchoolYear s = make_school(id, cluster, {{"teachers_total", 100}});
    for (const auto& entry : scores) {
        // Not a structured binding: clang 14 cannot capture one in doctest's message lambda.
        const char* indicator = entry.first;
        const int score = entry.second;
        bool found = false;
        for (const auto& r : rated_fields)
            if (std::string(r.indicator) == indicator) {
                s.fields[field_index(r.field)] = r.value[score];
                found = true;
            }
        REQUIRE_MESSAGE(found, "rated_school: no field for " << indicator);
    }
    return s;
}

}  // namespace monsite::test
