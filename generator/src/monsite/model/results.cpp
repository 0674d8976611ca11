#include "monsite/model/results.hpp"

#include <algorithm>

namespace monsite::model {

const EntityValues* YearResults::school(std::string_view id) const {
    auto it = std::lower_bound(schools.begin(), schools.end(), id,
                               [](const EntityValues& e, std::string_view key) { return e.id < key; });
    return it != schools.end() && it->id == id ? &*it : nullptr;
}

const SchoolGrouping* YearResults::grouping(std::string_view id) const {
    auto it = std::lower_bound(groupings.begin(), groupings.end(), id,
                               [](const SchoolGrouping& g, std::string_view key) { return g.school_id < key; });
    return it != groupings.end() && it->school_id == id ? &*it : nullptr;
}

const IndicatorValue* published(const EntityValues* entity, std::size_t indicator) {
    if (!entity || indicator >= entity->values.size()) return nullptr;
    const auto& v = entity->values[indicator];
    return v && v->has_value() ? &*v : nullptr;
}

const DirectionLevel* direction_of(const SchoolGrouping* grouping, std::string_view direction) {
    if (!grouping) return nullptr;
    for (const auto& d : grouping->directions)
        if (d.direction == direction) return &d;
    return nullptr;
}

const YearResults* Results::find_year(int year) const {
    for (const auto& y : years)
        if (y.year == year) return &y;
    return nullptr;
}

const char* to_string(Level level) {
    switch (level) {
        case Level::low: return "low";
        case Level::medium: return "medium";
        case Level::high: return "high";
        case Level::none: break;
    }
    return "";
}

const char* to_string(Scope scope) {
    switch (scope) {
        case Scope::municipality: return "municipality";
        case Scope::cluster: return "cluster";
        case Scope::school: return "school";
    }
    return "";
}

const char* to_string(Note note) {
    switch (note) {
        case Note::no_data: return "no_data";
        case Note::suppressed: return "suppressed";
        case Note::none: break;
    }
    return "";
}

}  // namespace monsite::model
