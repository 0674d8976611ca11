#pragma once
// The fictional municipality of the example data («Заречный муниципальный
// округ»): its schools, their intended profiles, and how the generator spreads
// values around each rated indicator's thresholds (the thresholds themselves
// come from the indicator catalogue, see generate.hpp).

#include <array>
#include <string_view>
#include <vector>

namespace example {

inline constexpr int kFirstYear = 2023;
inline constexpr int kLastYear = 2025;

// Directions in the contract's order (model::directions()).
enum Dir { kDiag, kMast, kYoung, kComm, kNet, kStaff, kSupp, kNDir };

inline constexpr const char* kCityCluster = "Городские школы";
inline constexpr const char* kRuralCluster = "Сельские школы";
inline constexpr const char* kGymCluster = "Гимназии и лицеи";

struct SchoolDef {
    const char* id;
    const char* name;
    const char* short_name;  // "" = not given
    const char* type;
    const char* cluster;
    bool city;
    std::array<long, 3> teachers;  // 2023, 2024, 2025 (0 = school absent)
    double students_per_teacher;
    std::array<double, kNDir> x25;  // profile per direction in 2025 (0 low .. 2 high)
    double trend;                   // profile change per year
    const char* profile;
    const char* intended;  // intended effectiveness group in 2025 (or last year)
};

// Every school, in register order.
const std::vector<SchoolDef>& schools();

// The ends of the value band of a rated indicator, in its unit (percent):
// a profile value of -0.5 gives `lo`, 0.5 the catalogue's t1, 1.5 its t2, 2.5 `hi`.
struct BandEnds {
    const char* id;
    double lo, hi;
};

// The rated school-scope indicators the generator aims at.
const std::vector<BandEnds>& band_ends();

// Municipality-wide shifts in profile units: experts are scarce everywhere
// (a problem zone) and mentoring of young teachers dropped in 2025.
double muni_offset(std::string_view indicator, int year);

}  // namespace example
