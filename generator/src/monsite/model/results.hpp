#pragma once
// What the compute stage produces: published indicator values per year and
// scope, groupings of schools, problem zones and subject breakdowns. Suppressed
// values arrive here already emptied: only their note says they existed.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "monsite/model/exact.hpp"

namespace monsite::model {

enum class Scope { municipality, cluster, school };
enum class Level { none, low, medium, high };
enum class Note { none, no_data, suppressed };

// One indicator for one entity in one year, as published.
struct IndicatorValue {
    Note note = Note::no_data;
    Exact value;                       // in the indicator's unit (percent as 0..100); valid when note == none
    bool has_fraction = false;         // ratios and shares carry their pooled sums
    Exact numerator, denominator;
    Level level = Level::none;
    std::optional<Exact> change;       // since the previous year, in the indicator's unit (percentage points)
    std::optional<Exact> change_3y;    // since two years before

    bool has_value() const { return note == Note::none; }
};

// Every indicator for one municipality, cluster or school; nullopt where the
// indicator does not apply (school scope of a municipal indicator, or
// diag_score_avg in a year without Педагоги).
struct EntityValues {
    Scope scope = Scope::municipality;
    std::string id;  // "municipality", the cluster's name, or the school_id
    std::vector<std::optional<IndicatorValue>> values;  // catalogue order
};

struct DirectionLevel {
    std::string direction;
    std::optional<Exact> mean;  // mean score 0..2 of the direction's rated indicators
    Level level = Level::none;
};

struct PartnerSuggestion {
    std::string direction;
    std::vector<std::string> partners;  // school ids, best first
};

struct SchoolGrouping {
    std::string school_id;
    std::optional<Exact> composite;  // 0..100
    Level group = Level::none;
    int rank = 0;                    // 0: not ranked (no composite)
    int scored_indicators = 0;
    std::vector<DirectionLevel> directions;   // every direction, in contract order
    std::vector<PartnerSuggestion> partners;  // only for schools of the low group
};

struct ProblemZone {
    std::string indicator_id;
    bool low_level = false;     // the municipal level is low
    bool wrong_way = false;     // moved the wrong way by the configured amount
    std::optional<Exact> change;
};

// Teachers of one subject (from Педагоги), for the municipality or one school.
struct SubjectSummary {
    std::string subject;  // empty: teachers whose subject is not given (always the last row)
    std::int64_t teachers = 0;
    std::int64_t scored = 0;
    std::optional<Exact> average_score;   // nullopt: none scored, or suppressed
    bool average_suppressed = false;
    std::optional<Exact> deficit_share;   // percent
    bool deficit_suppressed = false;
};

struct SchoolSubjects {
    std::string school_id;
    std::vector<SubjectSummary> subjects;
};

struct YearResults {
    int year = 0;
    EntityValues municipality;
    std::vector<EntityValues> clusters;  // by name, byte order
    std::vector<EntityValues> schools;   // by school_id, byte order
    std::vector<SchoolGrouping> groupings;  // by school_id
    std::vector<ProblemZone> problem_zones; // catalogue order
    bool has_subjects = false;
    std::vector<SubjectSummary> subjects;        // municipality
    std::vector<SchoolSubjects> school_subjects; // by school_id

    const EntityValues* school(std::string_view id) const;
    const SchoolGrouping* grouping(std::string_view id) const;
};

struct Results {
    std::vector<YearResults> years;  // ascending
    const YearResults* find_year(int year) const;
};

// The published value of indicator `indicator` (catalogue index) of an entity;
// nullptr without one (no entity, n/a, no data, suppressed).
const IndicatorValue* published(const EntityValues* entity, std::size_t indicator);
// A school's level in one direction; nullptr without a grouping or that direction.
const DirectionLevel* direction_of(const SchoolGrouping* grouping, std::string_view direction);

const char* to_string(Level level);  // "low", "medium", "high" or ""
const char* to_string(Scope scope);  // "municipality", "cluster", "school"
const char* to_string(Note note);    // "", "no_data", "suppressed"

}  // namespace monsite::model
