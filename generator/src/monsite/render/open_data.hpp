#pragma once
// The published open-data tables (data-contract.md, section 7).

#include <optional>
#include <string>
#include <vector>

#include "monsite/model/dataset.hpp"
#include "monsite/model/indicator.hpp"
#include "monsite/model/results.hpp"

namespace monsite::render {

// One published row of indicators.csv, already formatted, with beside each
// formatted number the same number typed (for monitoring.xlsx; never parsed back).
struct IndicatorRow {
    int year;
    const char* scope;
    std::string entity_id, indicator_id, value, numerator, denominator;
    const char* level;
    const char* note;
    std::optional<double> value_number, numerator_number, denominator_number;  // nullopt where the text is empty
};

// One row of schools.csv, already formatted, with its numbers typed as above.
struct SchoolRow {
    int year;
    std::string school_id, name, type, cluster, composite;
    const char* group;
    std::string rank;
    std::optional<double> composite_number;  // nullopt where composite is empty
    int rank_number = 0;                     // 0 where rank is empty
};

// Rows in the contract's order, for the years listed (all if empty).
std::vector<IndicatorRow> indicator_rows(const model::Results& results, const model::Catalogue& catalogue,
                                         const std::vector<int>& years);
std::vector<SchoolRow> school_rows(const model::Results& results, const model::Dataset& data,
                                   const std::vector<int>& years);

inline constexpr const char* indicator_columns[] = {"year", "scope", "entity_id", "indicator_id", "value",
                                                    "numerator", "denominator", "level", "note"};
inline constexpr const char* school_columns[] = {"year", "school_id", "name", "type", "cluster",
                                                 "composite", "group", "rank"};

std::string indicators_csv(const std::vector<IndicatorRow>& rows);
std::string schools_csv(const std::vector<SchoolRow>& rows);

}  // namespace monsite::render
