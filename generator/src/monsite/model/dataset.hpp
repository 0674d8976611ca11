#pragma once
// The validated input of every year: schools, teachers, measures. Plain data, no I/O.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "monsite/model/contract.hpp"
#include "monsite/util/error.hpp"

namespace monsite::model {

// One school in one year: its register entry and the numeric fields of its
// Кадры and Развитие rows (see school_fields(); nullopt means "no data").
struct SchoolYear {
    std::string school_id;
    std::string name;
    std::string short_name;  // defaults to name
    std::string type;
    std::string cluster;     // defaults to type
    std::string locality;
    std::vector<std::optional<double>> fields;
    util::SourceLocation register_row;  // where the ОО row is

    std::optional<double> field(std::string_view id) const {
        auto index = school_field_index(id);
        return index ? fields[*index] : std::nullopt;
    }
};

// One anonymous teacher row of Педагоги; never published per teacher.
struct Teacher {
    std::string teacher_id;
    std::string school_id;
    std::string subject;
    std::string category;
    std::optional<double> age;
    std::optional<double> experience;
    std::optional<double> diag_score;  // 0..100
    std::optional<bool> deficit;
    std::optional<bool> iom;
    std::optional<bool> mentor;
};

// One row of Меры.
struct Measure {
    std::string measure;
    std::string kind;
    std::string direction;  // direction id, or empty
    std::string indicator;
    std::string school_id;  // empty: the whole municipality
    std::string period;
    std::string responsible;
    std::string document;
};

struct YearData {
    int year = 0;
    std::vector<SchoolYear> schools;  // sorted by school_id (byte order)
    bool has_teachers = false;        // a Педагоги table was given
    std::vector<Teacher> teachers;
    bool has_measures = false;
    std::vector<Measure> measures;
    std::vector<std::string> files;            // display names of the files read
    std::map<std::string, std::size_t> rows;   // data rows per table name

    const SchoolYear* find_school(std::string_view school_id) const;
};

struct Dataset {
    std::vector<YearData> years;  // ascending

    const YearData* find_year(int year) const;
};

}  // namespace monsite::model
