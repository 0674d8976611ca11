#pragma once
// The indicator catalogue: what is computed, from which fields, and how it is rated,
// and the display names of school types. Texts are in the site's language (config
// picks them from the bilingual catalogue file); a Catalogue owns its texts.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "monsite/model/exact.hpp"
#include "monsite/util/error.hpp"

namespace monsite::model {

enum class FormulaKind {
    ratio,             // sum(numerator fields) / sum(denominator fields), pooled above the school
    sum,               // sum(field)
    weighted_mean,     // weighted_mean(field, weight)
    share_of_schools,  // share_of_schools(field OP value): municipality and cluster only
    teacher_mean,      // mean(teachers.field)
};

enum class Comparison { equal, not_equal, greater, greater_equal, less, less_equal };

struct Formula {
    FormulaKind kind = FormulaKind::ratio;
    std::string text;                     // as written in the catalogue
    std::vector<std::size_t> numerator;   // school field indices (ratio); the field (sum, weighted_mean, share)
    std::vector<std::size_t> denominator; // ratio only
    std::size_t weight = 0;               // weighted_mean
    Comparison comparison = Comparison::equal;  // share_of_schools
    Exact operand;                              // share_of_schools
    std::string teacher_field;            // teacher_mean: "diag_score", "age" or "experience"

    // Every school field the formula reads (a school lacking one does not contribute).
    std::vector<std::size_t> inputs() const;
};

enum class Unit { percent, count, years, rates };
enum class Better { higher, lower, none };

struct Indicator {
    std::string id;
    std::string direction;  // a direction id
    std::string title;        // in the site's language
    std::string short_title;  // in the site's language
    std::string description;  // in the site's language
    Formula formula;
    Unit unit = Unit::percent;
    Better better = Better::none;
    Exact t1, t2;             // meaningful when better != none
    bool school_scope = false;
    bool sensitive = false;
    util::SourceLocation where;  // catalogue file and line

    bool rated() const { return better != Better::none; }
};

// A school type as the ОО table writes it («СОШ») and its display name.
struct SchoolType {
    std::string code;  // as the data contract spells it
    std::string name;  // in the site's language
    util::SourceLocation where;
};

struct Catalogue {
    std::vector<Indicator> indicators;     // catalogue order
    std::vector<SchoolType> school_types;  // catalogue order, codes unique by util::normalize_key
    const Indicator* find(std::string_view id) const;
    // The display name of a school type in the site's language when `type` is a
    // known code (compared by util::normalize_key: case, ё and spacing aside);
    // otherwise `type` as given.
    std::string type_name(std::string_view type) const;
};

}  // namespace monsite::model
