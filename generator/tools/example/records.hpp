#pragma once
// The generated records of one school in one year, before they become tables.

#include <optional>
#include <string>
#include <vector>

#include "municipality.hpp"

namespace example {

using OptL = std::optional<long>;
using OptD = std::optional<double>;

struct Register {
    std::string id, name, short_name, type, cluster;
    std::optional<std::string> locality;
    OptL students;
};

struct Staff {
    long teachers_total = 0, vacancies = 0;
    OptL under_35, young_0_3, young_0_1, young_with_mentor, cat_highest, cat_first, higher_ed, non_ped_ed,
        retrained;
    OptD avg_age, avg_load;
};

struct Dev {
    OptL diagnosed, deficits_found, with_iom, iom_active, courses, courses_distance, competitions, network,
        events_regional, experts, method_asset, mentors;
    std::optional<bool> mentoring_model;
    OptL burnout_events;
};

struct Teacher {
    std::string teacher_id, school_id, subject, category;
    long age = 0, experience = 0;
    OptL diag_score;  // integer percent
    bool deficit = false, iom = false, mentor = false;
    bool excel_booleans = false;  // write deficit/iom/mentor as Excel booleans
    bool pct_score = false;       // write diag_score as a fraction with a percent format
};

struct SchoolYear {
    const SchoolDef* def = nullptr;
    int year = 0;
    Register reg;
    Staff staff;
    Dev dev;
    std::vector<Teacher> teachers;  // 2025 only
};


}  // namespace example
