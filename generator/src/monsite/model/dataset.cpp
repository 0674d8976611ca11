#include "monsite/model/dataset.hpp"

#include <algorithm>

namespace monsite::model {

const SchoolYear* YearData::find_school(std::string_view school_id) const {
    auto it = std::lower_bound(schools.begin(), schools.end(), school_id,
                               [](const SchoolYear& s, std::string_view id) { return s.school_id < id; });
    return it != schools.end() && it->school_id == school_id ? &*it : nullptr;
}

const YearData* Dataset::find_year(int year) const {
    for (const auto& y : years)
        if (y.year == year) return &y;
    return nullptr;
}

}  // namespace monsite::model
