#pragma once
// Internal to render: one school in one year as every page and site.json show it.
// A SchoolView is built once from the school's row, its grouping and the year's
// ranked count; it owns copies of its texts and numbers (it keeps no reference to
// its inputs). Its to_json() is the one serialisation: the school card of the
// school page and the lists (schools, groups, rating, clusters) and each school
// entry of site.json.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "monsite/config/i18n.hpp"
#include "monsite/model/dataset.hpp"
#include "monsite/model/indicator.hpp"
#include "monsite/model/results.hpp"

namespace monsite::render {

// One direction's level of a school: the mean score 0..2 as a number (2 decimals).
struct SchoolDirectionView {
    std::string id;               // the direction's id
    std::optional<double> mean;   // nullopt without a rated value in the direction
    model::Level level = model::Level::none;
};

struct SchoolView {
    std::string id, name, short_name;
    std::string type;                  // the type's code, as in the register
    std::string type_name;             // its name from the catalogue
    std::string cluster, locality;
    std::optional<std::int64_t> students, teachers;  // nullopt without data
    std::string students_text;         // "1 234" in the catalogue's language; empty without data
    std::string staff_text;            // teachers as "12 teachers" (plural form); empty without data
    std::optional<double> composite;   // 0..100, the open-data value (2 decimals); nullopt unranked
    std::string composite_text;        // "66,67", or "—" without a composite
    std::string composite_sentence;    // school_composite_of filled with composite_text
    model::Level group = model::Level::none;
    std::string group_name;
    nlohmann::ordered_json group_badge;  // level_badge of the group, or null
    int rank = 0;                      // 0: not ranked
    int rank_of = 0;                   // compute::ranked_count of the year
    std::string rank_text;             // school_rank_of filled with rank and rank_of
    std::vector<SchoolDirectionView> directions;  // every direction, contract order
    std::string href;                  // the school page of this year
    std::string search;                // lower-case name, short name and id for the list filter

    // The one serialisation. Template keys: id, name, short_name, href, type (the
    // type's name), cluster, locality, group, group_name, group_badge, composite
    // (its text), rank ("—" unranked), rank_of, ranked, rank_text, composite_text
    // (the sentence "66,67 of 100"), search, and with data students (text) and
    // staff_text. For data users also type_code (the register's code) and the
    // numbers: composite_value (or null), rank_value,
    // students_value and teachers (when known; a key naming teachers only ever
    // holds a number, see site.json's privacy test) and
    // direction_levels [{direction, mean (or null), level}].
    nlohmann::ordered_json to_json() const;
};

// The view of school `s` with its grouping `g` in a year where `rank_of` schools are
// ranked; `year_base` is the base URL with the year's prefix ("/", "/2024/").
SchoolView school_view(const config::TextCatalogue& texts, const model::Catalogue& catalogue,
                       const model::SchoolYear& s, const model::SchoolGrouping& g, int rank_of,
                       const std::string& year_base);

// The path of a school's page below its year's base: "schools/<slug>/".
std::string school_path(const std::string& school_id);

}  // namespace monsite::render
