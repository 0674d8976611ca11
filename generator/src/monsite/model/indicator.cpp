#include "monsite/model/indicator.hpp"

#include <algorithm>

#include "monsite/util/strings.hpp"

namespace monsite::model {

std::vector<std::size_t> Formula::inputs() const {
    std::vector<std::size_t> all = numerator;
    all.insert(all.end(), denominator.begin(), denominator.end());
    if (kind == FormulaKind::weighted_mean) all.push_back(weight);
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    return all;
}

const Indicator* Catalogue::find(std::string_view id) const {
    for (const auto& i : indicators)
        if (i.id == id) return &i;
    return nullptr;
}

std::string Catalogue::type_name(std::string_view type) const {
    const std::string key = util::normalize_key(type);
    for (const auto& t : school_types)
        if (util::normalize_key(t.code) == key) return t.name;
    return std::string(type);
}

}  // namespace monsite::model
