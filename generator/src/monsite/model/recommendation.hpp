#pragma once
// Recommendations and management decisions as content: each file of
// content/recommendations/ is one rule saying whom it addresses, when it applies
// (conditions combined with AND) and what to say. compute evaluates the rules;
// render words the reasons. Plain data, no I/O (docs/recommendations.md).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "monsite/model/exact.hpp"
#include "monsite/model/results.hpp"

namespace monsite::model {

// How a value moved since last year: by the problem-zone rule for an indicator
// (data-contract.md §6: 5 p.p. or 10 %), by Rules::direction_change_same for a
// direction's mean score.
enum class Change { worse, same, better };

enum class Addressee { school_head, teachers, methodical_centre, department };
inline constexpr Addressee all_addressees[] = {Addressee::school_head, Addressee::teachers,
                                               Addressee::methodical_centre, Addressee::department};

// The five kinds of management decisions (the contract's Меры.kind).
enum class DecisionKind { none, organizing, activating, coordinating, controlling, stimulating };
inline constexpr DecisionKind all_decision_kinds[] = {DecisionKind::organizing, DecisionKind::activating,
                                                      DecisionKind::coordinating, DecisionKind::controlling,
                                                      DecisionKind::stimulating};

enum class GroupMove { down, up };

// school: evaluated for every school, shown on its page. municipality: once a
// year for the whole municipality, shown on /decisions/.
enum class RuleScope { school, municipality };

// When a rule applies; every condition given must hold. Empty / nullopt: not asked.
struct RuleCondition {
    std::optional<Level> group;            // the school's effectiveness group (municipality: some school is in it)
    std::optional<GroupMove> group_change; // the group changed since last year (municipality: some school's did)
    std::string direction;                 // direction id
    std::optional<Level> direction_level;  // needs direction
    std::optional<Change> direction_change;
    std::string indicator;                 // indicator id
    std::optional<Level> indicator_level;  // needs indicator
    std::optional<Change> indicator_change;
    int years = 1;               // the level conditions held this many monitoring years in a row, this one included
    bool problem_zone = false;   // the indicator (or, with direction only, one of its indicators) is a municipal problem zone
};

struct RecommendationRule {
    std::string id;        // the file stem without a language suffix: young-low.en.md -> "young-low"
    std::string source;    // "content/recommendations/young-low.md", for messages
    Addressee addressee = Addressee::school_head;
    RuleScope scope = RuleScope::school;
    int priority = 3;      // 1 (most urgent) .. 5
    DecisionKind kind = DecisionKind::none;
    std::string title;
    RuleCondition when;
    std::string body_html; // the Markdown body rendered; {{placeholders}} are filled per match by render
    // Ids of rules this one stands in for: where both apply to the same school
    // (or the municipality), only this one is kept ("two years in a row" over "low").
    std::vector<std::string> replaces;
    std::size_t replaces_line = 0;  // the line of `replaces` in source, for messages
};

// Why a rule applies: one fact per condition that was asked, in numbers.
struct Fact {
    enum class Kind { group, group_change, direction_level, direction_change, indicator_level, indicator_change,
                      persistence, problem_zone };
    Kind kind = Kind::group;
    Level level = Level::none;         // group, direction or indicator level now; group_change: the group now
    Level before = Level::none;        // group_change: last year's group
    Change change = Change::same;      // direction_change, indicator_change; group_change: worse = down, better = up
    std::string direction;             // direction id (direction_*; problem_zone by direction)
    std::size_t indicator = npos;      // catalogue index (indicator_*; problem_zone)
    std::optional<Exact> value;        // now: composite, direction mean (0..2) or the indicator's value
    std::optional<Exact> previous;     // last year's, for changes
    std::optional<Exact> threshold;    // indicator_level: the threshold the level is told against
    int years = 0;                     // persistence: years in a row the level conditions held

    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
};

// One rule that applies to one school (or to the municipality).
struct RecommendationMatch {
    std::size_t rule = 0;              // index into the rules compute was given
    std::string school_id;             // empty: municipality scope
    std::vector<Fact> reasons;         // in the order of Fact::Kind
    std::vector<std::string> schools;  // municipality scope with group conditions: the schools behind it, by id
};

// The plan of measures (Меры) judged a year later (/decisions/effectiveness/).
enum class Verdict { improved, unchanged, worsened, too_early, no_data, not_rated };

struct MeasureEffect {
    std::size_t measure = 0;           // index into YearData::measures of the same year
    std::string school_id;             // empty: the whole municipality
    std::size_t indicator = Fact::npos;  // catalogue index, or npos when tied to a direction only
    std::string direction;             // the direction (of the indicator, or as given)
    std::optional<Exact> before, during, after;  // values in year-1, year, year+1 (direction: mean score 0..2)
    std::optional<Exact> change;       // after - during
    Verdict verdict = Verdict::too_early;
};

// What compute decides for one year (compute/recommendations.hpp, compute/decisions.hpp).
struct YearDecisions {
    int year = 0;
    // School scope first, by school_id (byte order), then the municipality's;
    // within each by priority, then rule id.
    std::vector<RecommendationMatch> recommendations;
    std::vector<MeasureEffect> effects;  // in the order of the year's measures, those tied to an indicator or direction
};

const char* to_string(Addressee a);     // "school_head", "teachers", "methodical_centre", "department"
const char* to_string(DecisionKind k);  // "organizing", ... or "" for none
const char* to_string(Change c);        // "worse", "same", "better"
const char* to_string(GroupMove m);     // "down", "up"
const char* to_string(Verdict v);       // "improved", "unchanged", "worsened", "too_early", "no_data", "not_rated"
std::optional<Addressee> parse_addressee(std::string_view id);
// An id ("organizing") or the contract's Russian word ("организующее"), any case.
std::optional<DecisionKind> parse_decision_kind(std::string_view text);

}  // namespace monsite::model
