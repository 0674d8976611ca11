// make_example_data: generates the fictional example municipality
// («Заречный муниципальный округ») into OUT_DIR/2023, 2024, 2025.
//
// Layouts (see data/README.md):
//   2023  one workbook for the municipality (ОО, Кадры, Развитие)
//   2024  one workbook per school; a few schools send .ods (written here with libzip)
//   2025  ОО.csv in Windows-1251 with ';' + one workbook (Кадры, Развитие, Педагоги, Меры)
//
// Output is deterministic: own PRNG (splitmix64) and distributions, fixed
// document times and zip mtimes. Invariants of the data contract (section 4)
// are checked before anything is written; a summary of each school's profile,
// composite score and group is printed.

#include <xlsxwriter.h>
#include <zip.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace fs = std::filesystem;

namespace {

constexpr uint64_t kSeed = 0x5A5245434E4F4531ull;  // fixed seed
constexpr int kFirstYear = 2023;
constexpr int kLastYear = 2025;

// ---------------------------------------------------------------------------
// PRNG: splitmix64 with hand-written distributions (portable, reproducible).

class Rng {
public:
    explicit Rng(uint64_t seed) : s_(seed) {}
    uint64_t next() {
        uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double uni() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0,1)
    double uni(double a, double b) { return a + (b - a) * uni(); }
    long range(long lo, long hi) {  // inclusive
        return lo + static_cast<long>(next() % static_cast<uint64_t>(hi - lo + 1));
    }
    bool chance(double p) { return uni() < p; }
    double normal() {  // Irwin-Hall approximation of N(0,1)
        double s = 0;
        for (int i = 0; i < 12; ++i) s += uni();
        return s - 6.0;
    }
    template <class T> void shuffle(std::vector<T>& v) {
        for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[static_cast<size_t>(range(0, static_cast<long>(i) - 1))]);
    }

private:
    uint64_t s_;
};

// Independent stream per key, so that adding a school does not reshuffle others.
Rng rng_for(std::string_view a, int year, std::string_view b) {
    uint64_t h = 1469598103934665603ull ^ kSeed;
    auto mix = [&h](std::string_view s) {
        for (unsigned char c : s) { h ^= c; h *= 1099511628211ull; }
        h ^= 0xFF; h *= 1099511628211ull;
    };
    mix(a);
    mix(std::to_string(year));
    mix(b);
    Rng r(h);
    r.next();
    return r;
}

long rnd(double v) { return static_cast<long>(std::floor(v + 0.5)); }

// ---------------------------------------------------------------------------
// Directions and the rated school-scope indicators of the contract (section 5).

enum Dir { kDiag, kMast, kYoung, kComm, kNet, kStaff, kSupp, kNDir };
const char* const kDirIds[kNDir] = {"diagnostics", "mastery", "young", "communities",
                                    "network", "staffing", "support"};
const char* const kDirShort[kNDir] = {"диаг", "маст", "молод", "сообщ", "сеть", "кадры", "сопр"};

// Value band used by the generator: x = -0.5 -> lo, 0.5 -> t1, 1.5 -> t2, 2.5 -> hi.
// So a profile value x near 0 means "low", 1 "medium", 2 "high".
struct Band { double lo, t1, t2, hi; };

double map_band(double x, const Band& b) {
    x = std::clamp(x, -0.5, 2.5);
    if (x < 0.5) return b.lo + (b.t1 - b.lo) * (x + 0.5);
    if (x < 1.5) return b.t1 + (b.t2 - b.t1) * (x - 0.5);
    return b.t2 + (b.hi - b.t2) * (x - 1.5);
}

struct Indicator {
    const char* id;
    Dir dir;
    long t1, t2;  // thresholds (better = higher)
    Band band;    // generator band, percent
    long scale;   // 100 for percent ratios, 1 for a mean
};

const std::vector<Indicator> kIndicators = {
    {"diag_coverage", kDiag, 50, 80, {20, 50, 80, 100}, 100},
    {"diag_score_avg", kDiag, 50, 70, {35, 50, 70, 85}, 1},
    {"iom_coverage", kMast, 50, 90, {20, 50, 90, 100}, 100},
    {"iom_activity", kMast, 50, 90, {25, 50, 90, 100}, 100},
    {"courses_share", kMast, 20, 33, {8, 20, 33, 50}, 100},
    {"competitions_share", kMast, 5, 15, {0, 5, 15, 25}, 100},
    {"retraining_share", kMast, 50, 90, {10, 50, 90, 100}, 100},
    {"mentor_coverage", kYoung, 70, 100, {40, 70, 100, 100}, 100},
    {"mentors_share", kYoung, 5, 10, {1, 5, 10, 16}, 100},
    {"under35_share", kYoung, 15, 25, {5, 15, 25, 35}, 100},
    {"network_share", kComm, 50, 80, {20, 50, 80, 100}, 100},
    {"regional_events_share", kNet, 10, 30, {2, 10, 30, 45}, 100},
    {"staffing_level", kStaff, 95, 100, {85, 95, 100, 100}, 100},
    {"qualified_share", kStaff, 40, 60, {20, 40, 60, 75}, 100},
    {"experts_share", kSupp, 3, 8, {0, 3, 8, 15}, 100},
    {"method_asset_share", kSupp, 5, 15, {0, 5, 15, 25}, 100},
};

const Indicator& indicator(std::string_view id) {
    for (const auto& i : kIndicators)
        if (id == i.id) return i;
    throw std::logic_error("unknown indicator " + std::string(id));
}

// Municipality-wide shifts in profile units: experts are scarce everywhere
// (a problem zone) and mentoring of young teachers dropped in 2025.
double muni_offset(std::string_view ind, int year) {
    if (ind == "experts_share") return -0.85;
    if (ind == "competitions_share") return -0.25;
    // Diagnostics and individual routes were introduced in 2023 and are still growing.
    if (ind == "diag_coverage" || ind == "iom_coverage") return year == 2023 ? -0.35 : (year == 2024 ? -0.15 : 0.0);
    if (ind == "mentor_coverage") return year == 2025 ? -0.45 : (year == 2024 ? 0.25 : 0.1);
    return 0.0;
}

// ---------------------------------------------------------------------------
// The fictional municipality.

const char* const kCityCluster = "Городские школы";
const char* const kRuralCluster = "Сельские школы";
const char* const kGymCluster = "Гимназии и лицеи";

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

// Order of directions in x25: diagnostics, mastery, young, communities, network, staffing, support.
const std::vector<SchoolDef> kSchools = {
    // Гимназии и лицеи
    {"gim1", "МАОУ «Гимназия № 1»", "Гимназия № 1", "гимназия", kGymCluster, true, {76, 77, 78}, 15.0,
     {1.9, 2.0, 1.4, 1.9, 2.0, 1.8, 2.0}, 0.10, "лидер округа, стабильно высокие показатели", "high"},
    {"lic2", "МАОУ \"Лицей № 2\"", "Лицей № 2", "лицей", kGymCluster, true, {68, 69, 70}, 14.5,
     {1.8, 1.9, 1.1, 1.8, 1.9, 2.0, 1.9}, 0.05, "сильный лицей, слабее работа с молодыми", "high"},
    {"gim5", "МБОУ «Гимназия № 5»", "Гимназия № 5", "гимназия", kGymCluster, true, {66, 65, 64}, 15.5,
     {1.5, 1.6, 0.1, 1.3, 1.6, 1.0, 1.5}, -0.25, "снижение; провал наставничества молодых", "medium"},
    {"lic7", "МБОУ «Лицей № 7»", "", "лицей", kGymCluster, true, {58, 59, 60}, 14.0,
     {1.0, 1.4, 1.0, 0.6, 1.7, 1.2, 1.2}, 0.0, "средний, сильное участие в региональных мероприятиях", "medium"},
    // Городские школы
    {"sosh1", "МБОУ «СОШ № 1»", "СОШ № 1", "СОШ", kCityCluster, true, {60, 61, 62}, 17.0,
     {1.8, 1.6, 1.9, 1.7, 1.3, 1.6, 1.6}, 0.10, "сильная городская школа, образцовое наставничество", "high"},
    {"sosh3", "МБОУ «СОШ № 3»", "СОШ № 3", "СОШ", kCityCluster, true, {54, 55, 55}, 17.5,
     {1.1, 1.0, 1.2, 1.0, 0.8, 1.1, 0.9}, 0.05, "типичная средняя школа", "medium"},
    {"sosh4", "МБОУ «СОШ № 4 с углублённым изучением отдельных предметов»", "СОШ № 4", "СОШ", kCityCluster,
     true, {65, 67, 68}, 16.5, {1.7, 1.8, 1.8, 1.6, 1.5, 1.7, 1.4}, 0.15, "рост, высокие показатели", "high"},
    {"sosh6", "МБОУ «СОШ № 6»", "СОШ № 6", "СОШ", kCityCluster, true, {52, 50, 48}, 17.0,
     {0.9, 1.0, 0.8, 1.2, 0.9, 0.8, 1.0}, -0.30, "снижение: из высокой группы в среднюю", "medium"},
    {"sosh8", "МБОУ \"СОШ № 8\"", "СОШ № 8", "СОШ", kCityCluster, true, {44, 42, 40}, 16.0,
     {0.3, 0.4, 0.2, 0.6, 0.5, 0.0, 0.3}, -0.15, "кадровый дефицит, вакансии, низкие показатели", "low"},
    {"sosh9", "МБОУ «СОШ № 9»", "СОШ № 9", "СОШ", kCityCluster, true, {33, 35, 36}, 17.0,
     {1.3, 1.2, 1.5, 0.9, 0.7, 1.0, 0.8}, 0.35, "быстрый рост: из низкой группы в среднюю", "medium"},
    {"sosh10", "МБОУ «СОШ № 10»", "СОШ № 10", "СОШ", kCityCluster, true, {57, 58, 58}, 18.0,
     {1.0, 1.2, 1.0, 1.4, 1.0, 0.5, 1.1}, 0.0, "средняя, есть вакансии", "medium"},
    {"oosh11", "МБОУ «ООШ № 11»", "ООШ № 11", "ООШ", kCityCluster, true, {25, 24, 24}, 12.0,
     {0.5, 0.2, 0.6, 0.4, 0.2, 0.5, 0.2}, 0.0, "стабильно низкие показатели", "low"},
    {"nosh12", "МБОУ «НОШ № 12»", "НОШ № 12", "НОШ", kCityCluster, true, {17, 18, 18}, 19.0,
     {1.9, 1.7, 1.8, 1.5, 1.2, 2.0, 1.3}, 0.0, "начальная школа, стабильно высокая", "high"},
    // Сельские школы
    {"ozerki", "МБОУ «Озёрская СОШ»", "Озёрская СОШ", "СОШ", kRuralCluster, false, {27, 28, 28}, 9.0,
     {2.0, 1.8, 1.9, 1.9, 1.2, 1.8, 1.5}, 0.20, "сельский лидер, опорная школа", "high"},
    {"zarya", "МКОУ «Зарянская СОШ»", "Зарянская СОШ", "СОШ", kRuralCluster, false, {19, 20, 20}, 8.0,
     {1.8, 1.6, 1.7, 1.8, 1.0, 1.6, 1.6}, 0.35, "быстрый рост: из средней группы в высокую", "high"},
    {"sosnovka", "МКОУ «Сосновская СОШ»", "Сосновская СОШ", "СОШ", kRuralCluster, false, {22, 21, 26}, 8.5,
     {1.2, 0.9, 1.3, 1.0, 0.4, 0.9, 0.8}, 0.10, "средняя; в 2025 присоединила Ключевскую НОШ", "medium"},
    {"rechnoe", "МБОУ «Речная СОШ»", "Речная СОШ", "СОШ", kRuralCluster, false, {33, 32, 32}, 10.0,
     {0.8, 1.1, 1.1, 0.9, 1.0, 1.3, 0.9}, -0.10, "средняя, медленное снижение", "medium"},
    {"krasnopolye", "МКОУ «Краснополянская ООШ»", "Краснополянская ООШ", "ООШ", kRuralCluster, false,
     {12, 12, 12}, 6.0, {1.0, 0.8, 1.5, 1.3, 0.3, 1.2, 0.6}, 0.0, "средняя, сильна в работе с молодыми", "medium"},
    {"polevoe", "МКОУ «Полевская малокомплектная школа»", "Полевская МКШ", "МКШ", kRuralCluster, false,
     {6, 6, 6}, 4.0, {1.6, 1.0, 1.0, 1.6, 0.2, 1.0, 0.5}, 0.20, "малокомплектная, рост за счёт диагностики и сообществ", "medium"},
    {"dubrovka", "МКОУ «Дубровская НОШ»", "Дубровская НОШ", "НОШ", kRuralCluster, false, {6, 6, 6}, 6.0,
     {1.4, 0.9, 1.5, 0.8, 0.3, 1.5, 0.7}, 0.0, "малая начальная школа, средняя", "medium"},
    {"berezovka", "МКОУ «Берёзовская ООШ»", "Берёзовская ООШ", "ООШ", kRuralCluster, false, {12, 11, 11}, 6.0,
     {0.2, 0.4, 0.8, 0.2, 0.0, 0.3, 0.4}, -0.10, "низкие показатели, снижение", "low"},
    {"kamenka", "МКОУ «Каменская ООШ»", "", "ООШ", kRuralCluster, false, {10, 10, 10}, 5.5,
     {0.3, 0.6, 0.5, 0.3, 0.2, 0.6, 0.2}, -0.05, "снижение: из средней группы в низкую", "low"},
    {"sadovoe", "МКОУ «Садовская ООШ»", "Садовская ООШ", "ООШ", kRuralCluster, false, {9, 9, 9}, 6.0,
     {0.6, 0.5, 0.9, 0.4, 0.1, 0.4, 0.3}, 0.25, "рост: из низкой группы в среднюю", "medium"},
    {"lugovoe", "МКОУ «Луговская малокомплектная школа»", "Луговская МКШ", "МКШ", kRuralCluster, false,
     {7, 7, 7}, 4.5, {0.4, 0.3, 0.3, 0.9, 0.0, 0.2, 0.1}, 0.0, "малокомплектная, вакансии, низкая", "low"},
    {"klyuchi", "МКОУ «Ключевская НОШ»", "Ключевская НОШ", "НОШ", kRuralCluster, false, {6, 6, 0}, 4.0,
     {0.3, 0.3, 0.4, 0.5, 0.1, 0.3, 0.2}, 0.0, "закрыта в 2025 (присоединена к Сосновской СОШ)", "low"},
};

// ---------------------------------------------------------------------------
// Generated records.

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

// A school's profile value for one indicator in one year.
double profile_x(const SchoolDef& d, Dir dir, std::string_view ind, int year) {
    double persistent = rng_for(d.id, 0, ind).uni(-0.2, 0.2);
    double yearly = rng_for(d.id, year, ind).uni(-0.12, 0.12);
    return d.x25[dir] - d.trend * (kLastYear - year) + persistent + yearly + muni_offset(ind, year);
}

double target_ratio(const SchoolDef& d, std::string_view ind, int year) {
    const Indicator& i = indicator(ind);
    return std::clamp(map_band(profile_x(d, i.dir, ind, year), i.band) / 100.0, 0.0, 1.0);
}

long part_of(double r, long whole) { return std::clamp(rnd(r * static_cast<double>(whole)), 0L, whole); }

const std::vector<std::pair<const char*, int>> kSubjectsSchool = {
    {"Начальные классы", 22}, {"Русский язык и литература", 14}, {"Математика", 12},
    {"Английский язык", 8},   {"История и обществознание", 6},  {"Физическая культура", 5},
    {"Биология", 3},          {"Химия", 3},                     {"Физика", 3},
    {"География", 3},         {"Информатика", 3},               {"Немецкий язык", 1},
    {"Технология", 2},        {"Изобразительное искусство", 1}, {"Музыка", 1},
    {"ОБЗР", 1},              {"Педагог-психолог", 2},          {"Учитель-логопед", 1},
    {"Социальный педагог", 1}, {"Педагог дополнительного образования", 2},
};
const std::vector<std::pair<const char*, int>> kSubjectsPrimary = {
    {"Начальные классы", 70}, {"Английский язык", 8}, {"Физическая культура", 8}, {"Музыка", 4},
    {"Изобразительное искусство", 3}, {"Учитель-логопед", 4}, {"Педагог-психолог", 3},
};

// Small rural schools: teachers cover several subjects, no specialist staff.
const std::vector<std::pair<const char*, int>> kSubjectsSmall = {
    {"Начальные классы", 30}, {"Русский язык и литература", 14}, {"Математика", 12},
    {"Английский язык", 7},   {"История и обществознание", 6},  {"Физическая культура", 5},
    {"Биология", 3},          {"Химия", 2},                     {"Физика", 3},
    {"География", 3},         {"Технология", 2},                {"Музыка", 1},
};

const char* pick_weighted(Rng& r, const std::vector<std::pair<const char*, int>>& list) {
    long total = 0;
    for (auto& [n, w] : list) total += w;
    long k = r.range(0, total - 1);
    for (auto& [n, w] : list) {
        if (k < w) return n;
        k -= w;
    }
    return list.back().first;
}

// Teacher rows for 2025, consistent with the school's Кадры and Развитие row:
// rows = teachers_total, scored = diagnosed, deficit = deficits_found, iom = with_iom,
// age < 35 = under_35, experience < 3 = young_0_3, < 1 = young_0_1,
// mentor = young_with_mentor, высшая/первая = cat_highest/cat_first.
std::vector<Teacher> make_teachers(const SchoolDef& d, const Staff& s, const Dev& dv, long under35) {
    Rng r = rng_for(d.id, 2025, "teachers");
    const long T = s.teachers_total;
    const long y03 = s.young_0_3.value_or(0), y01 = s.young_0_1.value_or(0);
    const long ywm = s.young_with_mentor.value_or(0);
    std::vector<Teacher> t(static_cast<size_t>(T));
    bool primary = std::string_view(d.type) == "НОШ";
    for (long i = 0; i < T; ++i) {
        Teacher& x = t[static_cast<size_t>(i)];
        x.school_id = d.id;
        x.subject = pick_weighted(r, primary ? kSubjectsPrimary : T <= 12 ? kSubjectsSmall : kSubjectsSchool);
        if (i < y03) {  // young specialists
            x.experience = i < y01 ? 0 : r.range(1, 2);
            x.age = r.range(22, 30);
            x.mentor = i < ywm;
            x.category = "без категории";
        } else if (i < under35) {  // under 35, not young specialists
            x.age = r.range(26, 34);
            x.experience = r.range(3, x.age - 22);
        } else {
            x.age = std::clamp(rnd(d.city ? 46 + 9.5 * r.normal() : 49 + 8.5 * r.normal()), 35L, 68L);
            x.experience = std::clamp(rnd((static_cast<double>(x.age) - 23.0) * r.uni(0.55, 1.0)), 3L, x.age - 21);
        }
    }
    // Categories: most experienced non-young teachers get высшая, next первая.
    std::vector<size_t> order;
    for (size_t i = static_cast<size_t>(y03); i < t.size(); ++i) order.push_back(i);
    std::vector<double> key(t.size());
    for (size_t i : order) key[i] = static_cast<double>(t[i].experience) + r.uni(0, 12);
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return key[a] > key[b] || (key[a] == key[b] && a < b); });
    long hi = s.cat_highest.value_or(0), fi = s.cat_first.value_or(0);
    for (size_t k = 0; k < order.size(); ++k) {
        Teacher& x = t[order[k]];
        long kk = static_cast<long>(k);
        if (kk < hi) x.category = "высшая";
        else if (kk < hi + fi) x.category = "первая";
        else x.category = x.experience >= 3 && r.chance(0.8) ? "соответствие" : "без категории";
    }
    // Diagnostics: `diagnosed` random teachers get a score; the lowest scores are deficits.
    const Indicator& ind = indicator("diag_score_avg");
    double mu = map_band(profile_x(d, kDiag, "diag_score_avg", 2025), ind.band);
    std::vector<size_t> idx(t.size());
    for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
    r.shuffle(idx);
    const long diagnosed = dv.diagnosed.value_or(0);
    std::vector<size_t> scored(idx.begin(), idx.begin() + diagnosed);
    for (size_t i : scored) t[i].diag_score = std::clamp(rnd(mu + 12.0 * r.normal()), 12L, 100L);
    std::sort(scored.begin(), scored.end(), [&](size_t a, size_t b) {
        return *t[a].diag_score < *t[b].diag_score || (*t[a].diag_score == *t[b].diag_score && a < b);
    });
    const long deficits = dv.deficits_found.value_or(0), with_iom = dv.with_iom.value_or(0);
    std::vector<size_t> def(scored.begin(), scored.begin() + deficits);
    for (size_t i : def) t[i].deficit = true;
    r.shuffle(def);
    for (long k = 0; k < with_iom; ++k) t[def[static_cast<size_t>(k)]].iom = true;
    // Row order within a school: shuffled, so nothing can be read from it.
    r.shuffle(t);
    return t;
}

SchoolYear make_school_year(const SchoolDef& d, int year) {
    SchoolYear sy;
    sy.def = &d;
    sy.year = year;
    Rng r = rng_for(d.id, year, "main");
    const long T = d.teachers[static_cast<size_t>(year - kFirstYear)];
    auto ratio = [&](std::string_view ind) { return target_ratio(d, ind, year); };

    // Register.
    sy.reg.id = d.id;
    sy.reg.name = d.name;
    sy.reg.short_name = d.short_name;
    sy.reg.type = d.type;
    sy.reg.cluster = d.cluster;
    sy.reg.locality = d.city ? "город" : "село";
    sy.reg.students = rnd(static_cast<double>(T) * d.students_per_teacher * rng_for(d.id, year, "students").uni(0.95, 1.05));

    // Кадры.
    Staff& s = sy.staff;
    s.teachers_total = T;
    double lvl = ratio("staffing_level");
    s.vacancies = lvl >= 0.99999 ? 0 : rnd(static_cast<double>(T) * (1.0 / lvl - 1.0));
    long under35 = part_of(ratio("under35_share"), T);
    long y03 = std::min(under35, rnd(static_cast<double>(under35) * r.uni(0.3, 0.65)));
    if (y03 == 0 && under35 > 0 && T >= 20 && r.chance(0.7)) y03 = 1;
    s.under_35 = under35;
    s.young_0_3 = y03;
    s.young_0_1 = part_of(r.uni(0.2, 0.5), y03);
    s.young_with_mentor = part_of(ratio("mentor_coverage"), y03);
    long qualified = std::min(part_of(ratio("qualified_share"), T), T - y03);
    s.cat_highest = rnd(static_cast<double>(qualified) * r.uni(0.35, 0.55));
    s.cat_first = qualified - *s.cat_highest;
    s.higher_ed = part_of(d.city ? r.uni(0.86, 0.97) : r.uni(0.7, 0.88), T);
    s.non_ped_ed = part_of(r.uni(0.03, 0.12), T);
    if (*s.non_ped_ed == 0 && T >= 10) s.non_ped_ed = 1;
    s.retrained = part_of(ratio("retraining_share"), *s.non_ped_ed);
    s.avg_age = std::round((d.city ? r.uni(42.5, 47.0) : r.uni(46.0, 51.0)) * 10.0) / 10.0;
    s.avg_load = std::round((d.city ? r.uni(1.12, 1.45) : r.uni(1.3, 1.7)) * 100.0) / 100.0;

    // Развитие.
    Dev& v = sy.dev;
    v.diagnosed = part_of(ratio("diag_coverage"), T);
    v.deficits_found = part_of(r.uni(0.3, 0.65), *v.diagnosed);
    v.with_iom = part_of(ratio("iom_coverage"), *v.deficits_found);
    v.iom_active = part_of(ratio("iom_activity"), *v.with_iom);
    v.courses = part_of(ratio("courses_share"), T);
    v.courses_distance = part_of(r.uni(0.3, 0.75), *v.courses);
    v.competitions = part_of(ratio("competitions_share"), T);
    v.network = part_of(ratio("network_share"), T);
    v.events_regional = part_of(ratio("regional_events_share"), T);
    v.experts = part_of(ratio("experts_share"), T);
    v.method_asset = part_of(ratio("method_asset_share"), *v.diagnosed);
    long mentors = part_of(ratio("mentors_share"), T);
    if (mentors == 0 && *s.young_with_mentor > 0) mentors = 1;
    v.mentors = std::min(mentors, T);
    v.mentoring_model = profile_x(d, kYoung, "mentoring_model", year) > 0.75;
    double bx = d.x25[kSupp] - d.trend * (kLastYear - year);
    v.burnout_events = std::max(0L, rnd(bx * (T >= 30 ? 2.5 : 1.2) + r.uni(-0.6, 1.4)));

    if (year == kLastYear) {
        sy.teachers = make_teachers(d, s, v, under35);
        // The register's average age follows the teacher rows.
        double sum = 0;
        for (auto& t : sy.teachers) sum += static_cast<double>(t.age);
        s.avg_age = std::round(sum / static_cast<double>(T) * 10.0) / 10.0;
        if (std::string_view(d.id) == "polevoe")
            for (auto& t : sy.teachers) t.pct_score = true;
        if (std::string_view(d.id) == "ozerki" || std::string_view(d.id) == "kamenka")
            for (auto& t : sy.teachers) t.excel_booleans = true;
    }
    return sy;
}

// "No data" in optional columns, as real submissions have.
void blank_some_cells(std::vector<SchoolYear>& ys) {
    for (auto& sy : ys) {
        const std::string id = sy.reg.id;
        switch (sy.year) {
        case 2023:
            if (id == "lugovoe" || id == "klyuchi" || id == "kamenka") sy.staff.avg_load.reset();
            if (id == "berezovka" || id == "klyuchi") sy.staff.under_35.reset();
            if (id == "dubrovka") sy.reg.locality.reset();
            if (id == "oosh11") sy.staff.young_0_1.reset();
            break;
        case 2024:
            if (id == "sosh8" || id == "lugovoe") sy.staff.avg_load.reset();
            if (id == "kamenka") sy.staff.under_35.reset();
            if (id == "sadovoe") sy.reg.locality.reset();
            if (id == "lic7") sy.dev.burnout_events.reset();
            break;
        case 2025:
            if (id == "sosh10" || id == "sadovoe") sy.staff.avg_load.reset();
            if (id == "lugovoe") sy.staff.under_35.reset();
            if (id == "polevoe") sy.reg.locality.reset();
            if (id == "nosh12") sy.reg.students.reset();
            break;
        }
    }
}

// ---------------------------------------------------------------------------
// Invariants (contract section 4).

int g_errors = 0;

void check_le(const SchoolYear& sy, const char* part, OptL p, const char* whole, OptL w) {
    if (p && w && *p > *w) {
        std::fprintf(stderr, "INVARIANT %d %s: %s=%ld > %s=%ld\n", sy.year, sy.reg.id.c_str(), part, *p, whole, *w);
        ++g_errors;
    }
}

void check_invariants(const std::vector<SchoolYear>& ys) {
    std::set<std::string> ids;
    for (const auto& sy : ys) {
        if (!ids.insert(sy.reg.id).second) {
            std::fprintf(stderr, "INVARIANT %d: duplicate school_id %s\n", sy.year, sy.reg.id.c_str());
            ++g_errors;
        }
        const Staff& s = sy.staff;
        const Dev& v = sy.dev;
        OptL T = s.teachers_total;
        auto nonneg = [&](const char* n, OptL x) {
            if (x && *x < 0) { std::fprintf(stderr, "INVARIANT %d %s: %s < 0\n", sy.year, sy.reg.id.c_str(), n); ++g_errors; }
        };
        for (auto [n, x] : std::initializer_list<std::pair<const char*, OptL>>{
                 {"vacancies", s.vacancies}, {"under_35", s.under_35}, {"young_0_3", s.young_0_3},
                 {"young_0_1", s.young_0_1}, {"young_with_mentor", s.young_with_mentor},
                 {"cat_highest", s.cat_highest}, {"cat_first", s.cat_first}, {"higher_ed", s.higher_ed},
                 {"non_ped_ed", s.non_ped_ed}, {"retrained", s.retrained}, {"iom_active", v.iom_active},
                 {"courses_distance", v.courses_distance}, {"method_asset", v.method_asset},
                 {"burnout_events", v.burnout_events}, {"students", sy.reg.students}})
            nonneg(n, x);
        check_le(sy, "diagnosed", v.diagnosed, "teachers_total", T);
        check_le(sy, "with_iom", v.with_iom, "teachers_total", T);
        check_le(sy, "courses", v.courses, "teachers_total", T);
        check_le(sy, "competitions", v.competitions, "teachers_total", T);
        check_le(sy, "network", v.network, "teachers_total", T);
        check_le(sy, "events_regional", v.events_regional, "teachers_total", T);
        check_le(sy, "experts", v.experts, "teachers_total", T);
        check_le(sy, "mentors", v.mentors, "teachers_total", T);
        check_le(sy, "under_35", s.under_35, "teachers_total", T);
        check_le(sy, "young_0_3", s.young_0_3, "teachers_total", T);
        check_le(sy, "higher_ed", s.higher_ed, "teachers_total", T);
        check_le(sy, "non_ped_ed", s.non_ped_ed, "teachers_total", T);
        check_le(sy, "deficits_found", v.deficits_found, "diagnosed", v.diagnosed);
        check_le(sy, "iom_active", v.iom_active, "with_iom", v.with_iom);
        check_le(sy, "courses_distance", v.courses_distance, "courses", v.courses);
        check_le(sy, "young_0_1", s.young_0_1, "young_0_3", s.young_0_3);
        check_le(sy, "young_with_mentor", s.young_with_mentor, "young_0_3", s.young_0_3);
        check_le(sy, "retrained", s.retrained, "non_ped_ed", s.non_ped_ed);
        check_le(sy, "method_asset", v.method_asset, "diagnosed", v.diagnosed);
        if (s.cat_highest && s.cat_first) check_le(sy, "cat_highest+cat_first", *s.cat_highest + *s.cat_first, "teachers_total", T);
        // Plausibility beyond the contract.
        check_le(sy, "young_0_3", s.young_0_3, "under_35", s.under_35);
        check_le(sy, "with_iom", v.with_iom, "deficits_found", v.deficits_found);

        if (!sy.teachers.empty()) {
            auto cnt = [&](auto pred) {
                long n = 0;
                for (const auto& t : sy.teachers) n += pred(t) ? 1 : 0;
                return n;
            };
            auto same = [&](const char* what, long rows, OptL field) {
                if (field && rows != *field) {
                    std::fprintf(stderr, "INVARIANT %d %s: teacher rows %s=%ld, table says %ld\n", sy.year,
                                 sy.reg.id.c_str(), what, rows, *field);
                    ++g_errors;
                }
            };
            same("teachers_total", static_cast<long>(sy.teachers.size()), T);
            same("diagnosed", cnt([](const Teacher& t) { return t.diag_score.has_value(); }), v.diagnosed);
            same("deficits_found", cnt([](const Teacher& t) { return t.deficit; }), v.deficits_found);
            same("with_iom", cnt([](const Teacher& t) { return t.iom; }), v.with_iom);
            same("under_35", cnt([](const Teacher& t) { return t.age < 35; }), s.under_35);
            same("young_0_3", cnt([](const Teacher& t) { return t.experience < 3; }), s.young_0_3);
            same("young_0_1", cnt([](const Teacher& t) { return t.experience < 1; }), s.young_0_1);
            same("young_with_mentor", cnt([](const Teacher& t) { return t.mentor; }), s.young_with_mentor);
            same("cat_highest", cnt([](const Teacher& t) { return t.category == "высшая"; }), s.cat_highest);
            same("cat_first", cnt([](const Teacher& t) { return t.category == "первая"; }), s.cat_first);
            for (const auto& t : sy.teachers) {
                if (t.diag_score && (*t.diag_score < 0 || *t.diag_score > 100)) ++g_errors;
                if (t.deficit && !t.diag_score) ++g_errors;
                if (t.iom && !t.deficit) ++g_errors;
                if (t.experience > t.age - 18) ++g_errors;
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Indicators, composite and groups, as the contract defines them (for the summary).

struct Frac { long num = 0, den = 0; };  // value = num / den * scale

std::map<std::string, Frac> school_values(const SchoolYear& sy) {
    std::map<std::string, Frac> m;
    const Staff& s = sy.staff;
    const Dev& v = sy.dev;
    OptL T = s.teachers_total;
    auto put = [&](const char* id, OptL num, OptL den) {
        if (num && den && *den > 0) m[id] = {*num, *den};
    };
    put("diag_coverage", v.diagnosed, T);
    put("iom_coverage", v.with_iom, v.deficits_found);
    put("iom_activity", v.iom_active, v.with_iom);
    put("courses_share", v.courses, T);
    put("competitions_share", v.competitions, T);
    put("retraining_share", s.retrained, s.non_ped_ed);
    put("mentor_coverage", s.young_with_mentor, s.young_0_3);
    put("mentors_share", v.mentors, T);
    put("under35_share", s.under_35, T);
    put("network_share", v.network, T);
    put("regional_events_share", v.events_regional, T);
    put("staffing_level", T, s.teachers_total + s.vacancies);
    if (s.cat_highest && s.cat_first) put("qualified_share", *s.cat_highest + *s.cat_first, T);
    put("experts_share", v.experts, T);
    put("method_asset_share", v.method_asset, v.diagnosed);
    if (!sy.teachers.empty()) {
        Frac f;
        for (const auto& t : sy.teachers)
            if (t.diag_score) { f.num += *t.diag_score; ++f.den; }
        if (f.den > 0) m["diag_score_avg"] = f;
    }
    return m;
}

// Level score 0/1/2 with exact integer comparison.
int level_score(const Indicator& i, const Frac& f) {
    // value = num * scale / den; compare with t: num * scale >= t * den
    if (f.num * i.scale < i.t1 * f.den) return 0;
    if (f.num * i.scale >= i.t2 * f.den) return 2;
    return 1;
}
const char* level_name(int s) { return s == 0 ? "low" : s == 1 ? "medium" : "high"; }

struct Grouping {
    double composite = 0;
    std::string group;
    std::array<int, kNDir> dir_level{};  // -1 none, 0 low, 1 medium, 2 high
};

Grouping group_of(const SchoolYear& sy) {
    auto vals = school_values(sy);
    std::array<int, kNDir> sum{}, n{};
    int total = 0, count = 0;
    for (const auto& i : kIndicators) {
        auto it = vals.find(i.id);
        if (it == vals.end()) continue;
        int sc = level_score(i, it->second);
        total += sc;
        ++count;
        sum[i.dir] += sc;
        ++n[i.dir];
    }
    Grouping g;
    g.composite = count ? 50.0 * total / count : 0;
    // Exact comparison: composite >= 70 <=> 50*total >= 70*count.
    g.group = 50 * total >= 70 * count ? "high" : 50 * total >= 40 * count ? "medium" : "low";
    for (int d = 0; d < kNDir; ++d) {
        if (!n[d]) { g.dir_level[d] = -1; continue; }
        // mean >= 1.5 high, < 0.75 low
        g.dir_level[d] = 2 * sum[d] >= 3 * n[d] ? 2 : 4 * sum[d] < 3 * n[d] ? 0 : 1;
    }
    return g;
}

std::map<std::string, Frac> pooled(const std::vector<SchoolYear>& ys, const char* cluster = nullptr) {
    std::map<std::string, Frac> m;
    for (const auto& sy : ys) {
        if (cluster && sy.reg.cluster != cluster) continue;
        for (const auto& [k, f] : school_values(sy)) {
            m[k].num += f.num;
            m[k].den += f.den;
        }
    }
    return m;
}

double value_of(const Indicator& i, const Frac& f) {
    return static_cast<double>(f.num) * static_cast<double>(i.scale) / static_cast<double>(f.den);
}

void print_summary(const std::map<int, std::vector<SchoolYear>>& years) {
    for (const auto& [year, ys] : years) {
        std::printf("\n=== %d: %zu schools ===\n", year, ys.size());
        std::printf("%-12s %-9s %-17s %4s %5s %6s %-6s", "school_id", "type", "cluster", "T", "vac", "comp", "group");
        for (int d = 0; d < kNDir; ++d) std::printf(" %-5s", kDirShort[d]);
        std::printf("  intended\n");
        std::map<std::string, int> groups;
        std::array<std::array<int, 3>, kNDir> dircount{};
        for (const auto& sy : ys) {
            Grouping g = group_of(sy);
            ++groups[g.group];
            std::printf("%-12s %-9s %-17s %4ld %5ld %6.2f %-6s", sy.reg.id.c_str(), sy.reg.type.c_str(),
                        sy.reg.cluster.c_str(), sy.staff.teachers_total, sy.staff.vacancies, g.composite,
                        g.group.c_str());
            for (int d = 0; d < kNDir; ++d) {
                int l = g.dir_level[d];
                std::printf(" %-5s", l < 0 ? "-" : l == 0 ? "L" : l == 1 ? "M" : "H");
                if (l >= 0) ++dircount[d][static_cast<size_t>(l)];
            }
            bool last = year == kLastYear || sy.def->teachers[2] == 0;
            std::printf("  %s%s\n", sy.def->intended,
                        last && g.group != sy.def->intended ? "   <-- differs from intended" : "");
        }
        std::printf("groups: high %d, medium %d, low %d\n", groups["high"], groups["medium"], groups["low"]);
        std::printf("direction levels (L/M/H):");
        for (int d = 0; d < kNDir; ++d)
            std::printf(" %s %d/%d/%d;", kDirIds[d], dircount[d][0], dircount[d][1], dircount[d][2]);
        std::printf("\n");
    }
    // Municipal pooled values, trend 2024 -> 2025 and problem zones.
    std::printf("\n=== municipality (pooled) ===\n%-24s %8s %8s %8s  %-7s %s\n", "indicator", "2023", "2024", "2025",
                "level", "problem");
    std::map<int, std::map<std::string, Frac>> pm;
    for (const auto& [year, ys] : years) pm[year] = pooled(ys);
    for (const auto& i : kIndicators) {
        std::printf("%-24s", i.id);
        for (int y = kFirstYear; y <= kLastYear; ++y) {
            auto it = pm[y].find(i.id);
            if (it == pm[y].end()) std::printf(" %8s", "-");
            else std::printf(" %8.2f", value_of(i, it->second));
        }
        const Frac& now = pm[kLastYear][i.id];
        int lv = level_score(i, now);
        std::string problem;
        if (lv == 0) problem = "below t1";
        auto prev = pm[kLastYear - 1].find(i.id);
        if (prev != pm[kLastYear - 1].end()) {
            double delta = value_of(i, now) - value_of(i, prev->second);
            if (delta <= -5.0) problem += (problem.empty() ? "" : "; ") + std::string("fell by ") + std::to_string(-delta) + " pp";
        }
        std::printf("  %-7s %s\n", level_name(lv), problem.c_str());
    }
    for (const auto& [year, ys] : years) {
        long yes = 0, with = 0, netpos = 0, netwith = 0;
        for (const auto& sy : ys) {
            if (sy.dev.mentoring_model) { ++with; yes += *sy.dev.mentoring_model ? 1 : 0; }
            if (sy.dev.network) { ++netwith; netpos += *sy.dev.network > 0 ? 1 : 0; }
        }
        std::printf("%d: mentoring_model_schools %ld/%ld, network_schools %ld/%ld\n", year, yes, with, netpos, netwith);
    }
    for (const char* c : {kGymCluster, kCityCluster, kRuralCluster}) {
        auto m = pooled(years.at(kLastYear), c);
        std::printf("2025 cluster %-17s experts_share %.2f, mentor_coverage %.2f, diag_coverage %.2f\n", c,
                    value_of(indicator("experts_share"), m["experts_share"]),
                    value_of(indicator("mentor_coverage"), m["mentor_coverage"]),
                    value_of(indicator("diag_coverage"), m["diag_coverage"]));
    }
}

// ---------------------------------------------------------------------------
// Generic tables and writers.

struct Cell {
    enum Kind { kEmpty, kStr, kNum, kBool, kPct } kind = kEmpty;
    std::string s;
    double n = 0;
    bool b = false;
};
Cell empty() { return {}; }
Cell str(std::string v) { Cell c; c.kind = Cell::kStr; c.s = std::move(v); return c; }
Cell num(double v) { Cell c; c.kind = Cell::kNum; c.n = v; return c; }
Cell boolean(bool v) { Cell c; c.kind = Cell::kBool; c.b = v; return c; }
Cell pct(double fraction) { Cell c; c.kind = Cell::kPct; c.n = fraction; return c; }
Cell opt(OptL v) { return v ? num(static_cast<double>(*v)) : empty(); }
Cell opt(OptD v) { return v ? num(*v) : empty(); }
Cell opt(const std::optional<std::string>& v) { return v ? str(*v) : empty(); }
Cell yes_no(std::optional<bool> v) { return v ? str(*v ? "да" : "нет") : empty(); }

struct Table {
    std::string name;
    std::vector<std::string> headers;
    std::vector<std::vector<Cell>> rows;
};

Table register_table(const std::vector<SchoolYear>& ys) {
    Table t{"ОО", {"Код ОО", "Наименование ОО", "Краткое наименование", "Тип ОО", "Кластер", "Территория", "Число обучающихся"}, {}};
    for (const auto& sy : ys) {
        const Register& r = sy.reg;
        t.rows.push_back({str(r.id), str(r.name), r.short_name.empty() ? empty() : str(r.short_name), str(r.type),
                          str(r.cluster), opt(r.locality), opt(r.students)});
    }
    return t;
}

Table staff_table(const std::vector<SchoolYear>& ys) {
    Table t{"Кадры",
            {"Код ОО", "Всего педагогических работников", "Вакансии", "Педагоги в возрасте до 35 лет",
             "Молодые специалисты со стажем до 3 лет", "Молодые специалисты со стажем до 1 года",
             "Молодые специалисты, имеющие наставника", "Высшая квалификационная категория",
             "Первая квалификационная категория", "С высшим образованием", "С непедагогическим образованием",
             "Из них прошли профессиональную переподготовку", "Средний возраст",
             "Средняя учебная нагрузка, ставок"},
            {}};
    for (const auto& sy : ys) {
        const Staff& s = sy.staff;
        t.rows.push_back({str(sy.reg.id), opt(OptL(s.teachers_total)), opt(OptL(s.vacancies)), opt(s.under_35),
                          opt(s.young_0_3), opt(s.young_0_1), opt(s.young_with_mentor), opt(s.cat_highest),
                          opt(s.cat_first), opt(s.higher_ed), opt(s.non_ped_ed), opt(s.retrained), opt(s.avg_age),
                          opt(s.avg_load)});
    }
    return t;
}

Table dev_table(const std::vector<SchoolYear>& ys) {
    Table t{"Развитие",
            {"Код ОО", "Прошли диагностику профессиональных дефицитов", "Выявлены профессиональные дефициты",
             "Имеют индивидуальный образовательный маршрут", "Участвуют в мероприятиях по ИОМ",
             "Прошли повышение квалификации за год", "Из них в дистанционной форме",
             "Участвовали в конкурсах профессионального мастерства",
             "Включены в сетевые методические объединения и сообщества",
             "Участвовали в мероприятиях регионального и федерального уровня",
             "Эксперты предметных комиссий и аттестации", "Входят в муниципальный методический актив",
             "Педагоги-наставники", "Реализуется целевая модель наставничества",
             "Мероприятия по профилактике профессионального выгорания"},
            {}};
    for (const auto& sy : ys) {
        const Dev& v = sy.dev;
        t.rows.push_back({str(sy.reg.id), opt(v.diagnosed), opt(v.deficits_found), opt(v.with_iom),
                          opt(v.iom_active), opt(v.courses), opt(v.courses_distance), opt(v.competitions),
                          opt(v.network), opt(v.events_regional), opt(v.experts), opt(v.method_asset),
                          opt(v.mentors), yes_no(v.mentoring_model), opt(v.burnout_events)});
    }
    return t;
}

Table teacher_table(std::vector<SchoolYear>& ys) {
    Table t{"Педагоги",
            {"Код педагога", "Код ОО", "Предмет", "Возраст", "Педагогический стаж, лет", "Категория",
             "Результат диагностики, %", "Выявлен дефицит", "ИОМ", "Есть наставник"},
            {}};
    long seq = 0;
    for (auto& sy : ys)
        for (auto& x : sy.teachers) {
            char id[32];
            std::snprintf(id, sizeof id, "T25-%05ld", ++seq);
            x.teacher_id = id;
            auto flag = [&](bool b) { return x.excel_booleans ? boolean(b) : str(b ? "да" : "нет"); };
            Cell score = empty();
            if (x.diag_score)
                score = x.pct_score ? pct(static_cast<double>(*x.diag_score) / 100.0) : num(static_cast<double>(*x.diag_score));
            t.rows.push_back({str(x.teacher_id), str(x.school_id), str(x.subject), num(static_cast<double>(x.age)),
                              num(static_cast<double>(x.experience)), str(x.category), score, flag(x.deficit),
                              flag(x.iom), flag(x.mentor)});
        }
    return t;
}

Table measures_table() {
    Table t{"Меры", {"Мероприятие", "Вид решения", "Направление", "Показатель", "Код ОО", "Срок", "Ответственный", "Документ"}, {}};
    const char* const M = "МКУ «Информационно-методический центр»";
    const char* const U = "Управление образования администрации Заречного муниципального округа";
    const std::vector<std::array<const char*, 8>> rows = {
        {"Проведение муниципальной диагностики профессиональных дефицитов учителей математики и русского языка",
         "организующее", "diagnostics", "diag_coverage", "", "октябрь – ноябрь 2025 г.", M,
         "Приказ Управления образования от 01.10.2025 № 214"},
        {"Разработка индивидуальных образовательных маршрутов для педагогов с выявленными дефицитами",
         "организующее", "Повышение профессионального мастерства", "iom_coverage", "", "до 1 декабря 2025 г.",
         "Руководители общеобразовательных организаций", "Методические рекомендации ИМЦ по разработке ИОМ"},
        {"Контроль реализации индивидуальных образовательных маршрутов", "контролирующее", "mastery",
         "iom_activity", "berezovka", "декабрь 2025 г.", "Заместитель начальника Управления образования",
         "Справка по итогам контроля"},
        {"Муниципальный конкурс профессионального мастерства «Педагог года – 2026»", "стимулирующее", "mastery",
         "competitions_share", "", "январь – март 2026 г.", U, "Положение о муниципальном конкурсе"},
        {"Формирование муниципального резерва экспертов предметных комиссий ГИА и аттестационной комиссии",
         "активизирующее", "Научно-методическое сопровождение", "experts_share", "", "до 15 декабря 2025 г.", M,
         "Приказ Управления образования от 20.10.2025 № 236"},
        {"Закрепление наставников за молодыми специалистами, принятыми на работу в 2025 году", "контролирующее",
         "young", "mentor_coverage", "", "до 1 октября 2025 г.", "Руководители общеобразовательных организаций",
         "Приказы ОО о закреплении наставников"},
        {"Восстановление программы наставничества «Учитель – молодой учитель»", "организующее",
         "Поддержка молодых педагогов и наставничество", "mentor_coverage", "gim5", "2025/2026 учебный год",
         "Заместитель директора по научно-методической работе", "Программа наставничества ОО"},
        {"Стимулирующие выплаты педагогам-наставникам", "стимулирующее", "young", "mentors_share", "",
         "с 1 сентября 2025 г.", U, "Положение об оплате труда работников муниципальных ОО"},
        {"Сетевое партнёрство с МАОУ «Гимназия № 1»: стажировки и взаимопосещение уроков", "координирующее",
         "network", "regional_events_share", "oosh11", "2025/2026 учебный год", "Руководитель ОО",
         "Договор о сетевом взаимодействии"},
        {"Выездные методические дни ИМЦ в сельских школах, работа кустовых методических объединений",
         "координирующее", "communities", "network_share", "", "ежеквартально", M, "План работы ИМЦ на 2025/2026 учебный год"},
        {"Мониторинг укомплектованности кадрами, заявка на целевое обучение в педагогическом вузе",
         "контролирующее", "Кадровые потребности", "staffing_level", "", "ежеквартально", U,
         "Аналитическая справка"},
        {"Привлечение молодых специалистов: муниципальная подъёмная выплата и служебное жильё", "стимулирующее",
         "staffing", "under35_share", "sosh8", "2026 г.", "Администрация Заречного муниципального округа",
         "Постановление администрации округа"},
        {"Организация профессиональной переподготовки педагогов с непедагогическим образованием", "организующее",
         "mastery", "retraining_share", "", "2025 – 2026 гг.", M, "План-график повышения квалификации"},
        {"Цикл тренингов по профилактике профессионального выгорания", "активизирующее", "support", "", "",
         "в течение учебного года", "Муниципальная служба психолого-педагогического сопровождения",
         "План работы службы"},
    };
    for (const auto& r : rows) {
        std::vector<Cell> row;
        for (const char* c : r) row.push_back(*c ? str(c) : empty());
        t.rows.push_back(std::move(row));
    }
    return t;
}

// Days since 1970-01-01 for a civil date (H. Hinnant), independent of TZ.
time_t utc_time(int y, unsigned m, unsigned d, int hh, int mm) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? static_cast<unsigned>(-3) : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    const long days = static_cast<long>(era) * 146097 + static_cast<long>(doe) - 719468;
    return static_cast<time_t>(days * 86400 + hh * 3600 + mm * 60);
}

// --- XLSX (libxlsxwriter) ---

void write_xlsx(const fs::path& file, const std::vector<Table>& tables, time_t created, const std::string& title) {
    lxw_workbook* wb = workbook_new(file.string().c_str());
    if (!wb) throw std::runtime_error("cannot create " + file.string());
    std::string author = "Управление образования администрации Заречного муниципального округа";
    std::string company = "Заречный муниципальный округ";
    lxw_doc_properties props{};
    std::string title_buf = title;
    props.title = title_buf.data();
    props.author = author.data();
    props.company = company.data();
    props.created = created;
    workbook_set_properties(wb, &props);

    lxw_format* head = workbook_add_format(wb);
    format_set_bold(head);
    format_set_text_wrap(head);
    format_set_align(head, LXW_ALIGN_VERTICAL_TOP);
    lxw_format* percent = workbook_add_format(wb);
    format_set_num_format_index(percent, 9);  // built-in "0%"
    lxw_format* decimal = workbook_add_format(wb);
    format_set_num_format(decimal, "0.0#");

    for (const auto& t : tables) {
        lxw_worksheet* ws = workbook_add_worksheet(wb, t.name.c_str());
        if (!ws) throw std::runtime_error("cannot add sheet " + t.name);
        for (size_t c = 0; c < t.headers.size(); ++c) {
            worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), t.headers[c].c_str(), head);
            double width = c == 0 ? 12 : (t.headers[c].size() > 40 ? 18 : 14);
            if (t.name == "Меры" && (c == 0 || c >= 5)) width = c == 0 ? 60 : 30;
            if (t.name == "ОО" && c == 1) width = 48;
            worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width, nullptr);
        }
        worksheet_freeze_panes(ws, 1, 0);
        for (size_t r = 0; r < t.rows.size(); ++r) {
            lxw_row_t row = static_cast<lxw_row_t>(r + 1);
            for (size_t c = 0; c < t.rows[r].size(); ++c) {
                const Cell& x = t.rows[r][c];
                lxw_col_t col = static_cast<lxw_col_t>(c);
                switch (x.kind) {
                case Cell::kEmpty: break;
                case Cell::kStr: worksheet_write_string(ws, row, col, x.s.c_str(), nullptr); break;
                case Cell::kNum:
                    worksheet_write_number(ws, row, col, x.n, x.n == std::floor(x.n) ? nullptr : decimal);
                    break;
                case Cell::kBool: worksheet_write_boolean(ws, row, col, x.b ? 1 : 0, nullptr); break;
                case Cell::kPct: worksheet_write_number(ws, row, col, x.n, percent); break;
                }
            }
        }
    }
    lxw_error e = workbook_close(wb);
    if (e != LXW_NO_ERROR) throw std::runtime_error("libxlsxwriter: " + std::string(lxw_strerror(e)) + " for " + file.string());
}

// --- ODS (libzip) ---

std::string xml_escape(std::string_view s) {
    std::string o;
    for (char c : s) {
        switch (c) {
        case '&': o += "&amp;"; break;
        case '<': o += "&lt;"; break;
        case '>': o += "&gt;"; break;
        case '"': o += "&quot;"; break;
        default: o += c;
        }
    }
    return o;
}

// Display text as LibreOffice with Russian settings shows it (decimal comma).
std::string display_number(double v) {
    if (v == std::floor(v)) return std::to_string(static_cast<long>(v));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s = buf;
    while (s.back() == '0') s.pop_back();
    for (char& c : s) if (c == '.') c = ',';
    return s;
}

std::string value_attr(double v) {
    if (v == std::floor(v)) return std::to_string(static_cast<long>(v));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

std::string ods_content(const std::vector<Table>& tables) {
    std::ostringstream o;
    o << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<office:document-content"
         " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
         " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
         " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
         " office:version=\"1.2\"><office:body><office:spreadsheet>";
    auto cell = [&o](const Cell& x) {
        switch (x.kind) {
        case Cell::kStr:
            o << "<table:table-cell office:value-type=\"string\"><text:p>" << xml_escape(x.s) << "</text:p></table:table-cell>";
            break;
        case Cell::kNum:
            o << "<table:table-cell office:value-type=\"float\" office:value=\"" << value_attr(x.n) << "\"><text:p>"
              << display_number(x.n) << "</text:p></table:table-cell>";
            break;
        case Cell::kPct:
            o << "<table:table-cell office:value-type=\"percentage\" office:value=\"" << value_attr(x.n)
              << "\"><text:p>" << display_number(x.n * 100) << "%</text:p></table:table-cell>";
            break;
        case Cell::kBool:
            o << "<table:table-cell office:value-type=\"boolean\" office:boolean-value=\"" << (x.b ? "true" : "false")
              << "\"><text:p>" << (x.b ? "ИСТИНА" : "ЛОЖЬ") << "</text:p></table:table-cell>";
            break;
        case Cell::kEmpty: break;
        }
    };
    for (const auto& t : tables) {
        o << "<table:table table:name=\"" << xml_escape(t.name) << "\">";
        o << "<table:table-column table:number-columns-repeated=\"" << t.headers.size() << "\"/>";
        std::vector<std::vector<Cell>> rows;
        std::vector<Cell> h;
        for (const auto& s : t.headers) h.push_back(str(s));
        rows.push_back(h);
        rows.insert(rows.end(), t.rows.begin(), t.rows.end());
        for (const auto& r : rows) {
            o << "<table:table-row>";
            size_t c = 0;
            while (c < r.size()) {
                if (r[c].kind == Cell::kEmpty) {
                    size_t e = c;
                    while (e < r.size() && r[e].kind == Cell::kEmpty) ++e;
                    if (e - c == 1) o << "<table:table-cell/>";
                    else o << "<table:table-cell table:number-columns-repeated=\"" << (e - c) << "\"/>";
                    c = e;
                } else {
                    cell(r[c]);
                    ++c;
                }
            }
            o << "</table:table-row>";
        }
        o << "</table:table>";
    }
    o << "</office:spreadsheet></office:body></office:document-content>\n";
    return o.str();
}

void write_ods(const fs::path& file, const std::vector<Table>& tables, time_t mtime) {
    int err = 0;
    zip_t* za = zip_open(file.string().c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    if (!za) throw std::runtime_error("cannot create " + file.string());
    std::deque<std::string> keep;  // buffers must live until zip_close
    auto add = [&](const char* name, std::string data, bool store) {
        keep.push_back(std::move(data));
        const std::string& d = keep.back();
        zip_source_t* src = zip_source_buffer(za, d.data(), d.size(), 0);
        if (!src) throw std::runtime_error("zip_source_buffer failed");
        zip_int64_t idx = zip_file_add(za, name, src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
        if (idx < 0) {
            zip_source_free(src);
            throw std::runtime_error(std::string("zip_file_add failed: ") + zip_strerror(za));
        }
        auto i = static_cast<zip_uint64_t>(idx);
        if (zip_set_file_compression(za, i, store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0) < 0 ||
            zip_file_set_mtime(za, i, mtime, 0) < 0)
            throw std::runtime_error(std::string("zip settings failed: ") + zip_strerror(za));
    };
    add("mimetype", "application/vnd.oasis.opendocument.spreadsheet", true);  // first, stored
    add("META-INF/manifest.xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\n"
        " <manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\n"
        " <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\n"
        "</manifest:manifest>\n",
        false);
    add("content.xml", ods_content(tables), false);
    if (zip_close(za) < 0) {
        std::string msg = zip_strerror(za);
        zip_discard(za);
        throw std::runtime_error("zip_close failed for " + file.string() + ": " + msg);
    }
}

// --- CSV in Windows-1251 ---

std::string to_cp1251(std::string_view u) {
    std::string o;
    for (size_t i = 0; i < u.size();) {
        unsigned char c = static_cast<unsigned char>(u[i]);
        uint32_t cp;
        size_t len;
        if (c < 0x80) { cp = c; len = 1; }
        else if ((c & 0xE0) == 0xC0) { cp = c & 0x1Fu; len = 2; }
        else if ((c & 0xF0) == 0xE0) { cp = c & 0x0Fu; len = 3; }
        else throw std::runtime_error("unsupported UTF-8 in CSV text");
        if (i + len > u.size()) throw std::runtime_error("truncated UTF-8");
        for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(u[i + k]) & 0x3Fu);
        i += len;
        unsigned char b;
        if (cp < 0x80) b = static_cast<unsigned char>(cp);
        else if (cp >= 0x410 && cp <= 0x44F) b = static_cast<unsigned char>(cp - 0x410 + 0xC0);
        else if (cp == 0x401) b = 0xA8;  // Ё
        else if (cp == 0x451) b = 0xB8;  // ё
        else if (cp == 0xAB) b = 0xAB;   // «
        else if (cp == 0xBB) b = 0xBB;   // »
        else if (cp == 0x2116) b = 0xB9; // №
        else if (cp == 0xA0) b = 0xA0;   // no-break space
        else if (cp == 0x2013) b = 0x96; // –
        else if (cp == 0x2014) b = 0x97; // —
        else throw std::runtime_error("character U+" + std::to_string(cp) + " not in Windows-1251");
        o += static_cast<char>(b);
    }
    return o;
}

std::string csv_field(const Cell& x) {
    std::string s;
    switch (x.kind) {
    case Cell::kEmpty: return "";
    case Cell::kStr: s = x.s; break;
    case Cell::kNum: case Cell::kPct: s = display_number(x.n); break;
    case Cell::kBool: s = x.b ? "ИСТИНА" : "ЛОЖЬ"; break;
    }
    if (s.find_first_of(";\"\n\r") != std::string::npos) {
        std::string q = "\"";
        for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
        return q + "\"";
    }
    return s;
}

void write_csv_1251(const fs::path& file, const Table& t) {
    std::string out;
    auto line = [&out](const std::vector<std::string>& f) {
        for (size_t i = 0; i < f.size(); ++i) out += (i ? ";" : "") + f[i];
        out += "\r\n";  // as Excel writes
    };
    line(std::vector<std::string>(t.headers.begin(), t.headers.end()));
    for (const auto& r : t.rows) {
        std::vector<std::string> f;
        for (const auto& c : r) f.push_back(csv_field(c));
        line(f);
    }
    std::ofstream os(file, std::ios::binary);
    os << to_cp1251(out);
    if (!os) throw std::runtime_error("cannot write " + file.string());
}

// ---------------------------------------------------------------------------

void clear_year_dir(const fs::path& dir) {
    fs::create_directories(dir);
    for (const auto& e : fs::directory_iterator(dir)) {
        auto ext = e.path().extension().string();
        if (e.is_regular_file() && (ext == ".xlsx" || ext == ".ods" || ext == ".csv")) fs::remove(e.path());
    }
}

int run(const fs::path& out) {
    // libzip stores DOS times in local time: pin the zone for reproducible files.
    setenv("TZ", "UTC", 1);
    tzset();

    std::map<int, std::vector<SchoolYear>> years;
    for (int y = kFirstYear; y <= kLastYear; ++y)
        for (const auto& d : kSchools)
            if (d.teachers[static_cast<size_t>(y - kFirstYear)] > 0) years[y].push_back(make_school_year(d, y));
    for (auto& [y, ys] : years) blank_some_cells(ys);
    for (auto& [y, ys] : years) check_invariants(ys);
    if (g_errors) {
        std::fprintf(stderr, "%d invariant violations; nothing written\n", g_errors);
        return 1;
    }
    print_summary(years);

    // 2023: one municipal workbook; a couple of cells typed as text, as people do.
    {
        auto& ys = years[2023];
        Table reg = register_table(ys), staff = staff_table(ys), dev = dev_table(ys);
        for (size_t i = 0; i < ys.size(); ++i) {
            if (ys[i].reg.id == "gim1" && ys[i].reg.students)  // "1 140" with a no-break space
                reg.rows[i][6] = str(std::to_string(*ys[i].reg.students / 1000) + "\u00A0" +
                                     [&] { char b[8]; std::snprintf(b, sizeof b, "%03ld", *ys[i].reg.students % 1000); return std::string(b); }());
            if (ys[i].reg.id == "sosh10" && ys[i].staff.avg_load)  // decimal comma in a text cell
                staff.rows[i][13] = str(display_number(*ys[i].staff.avg_load));
        }
        fs::path dir = out / "2023";
        clear_year_dir(dir);
        write_xlsx(dir / "мониторинг_2023.xlsx", {reg, staff, dev}, utc_time(2023, 9, 20, 9, 0),
                   "Мониторинг профессионального развития педагогов, 2023");
    }
    // 2024: a workbook per school, three rural schools send ODS.
    {
        fs::path dir = out / "2024";
        clear_year_dir(dir);
        const std::set<std::string> ods = {"berezovka", "lugovoe", "kamenka"};
        for (const auto& sy : years[2024]) {
            std::vector<SchoolYear> one{sy};
            std::vector<Table> tabs{register_table(one), staff_table(one), dev_table(one)};
            if (ods.count(sy.reg.id)) write_ods(dir / (sy.reg.id + ".ods"), tabs, utc_time(2024, 9, 18, 12, 0));
            else write_xlsx(dir / (sy.reg.id + ".xlsx"), tabs, utc_time(2024, 9, 18, 12, 0),
                            "Мониторинг 2024: " + sy.reg.name);
        }
    }
    // 2025: register as CSV (Windows-1251, ';'), the rest in one workbook.
    {
        auto& ys = years[2025];
        fs::path dir = out / "2025";
        clear_year_dir(dir);
        Table reg = register_table(ys);
        for (size_t i = 0; i < ys.size(); ++i)
            if (ys[i].reg.id == "gim1" && ys[i].reg.students)  // Excel "# ##0" format writes a no-break space
                reg.rows[i][6] = str(std::to_string(*ys[i].reg.students / 1000) + "\u00A0" +
                                     [&] { char b[8]; std::snprintf(b, sizeof b, "%03ld", *ys[i].reg.students % 1000); return std::string(b); }());
        write_csv_1251(dir / "ОО.csv", reg);
        write_xlsx(dir / "мониторинг_2025.xlsx", {staff_table(ys), dev_table(ys), teacher_table(ys), measures_table()},
                   utc_time(2025, 9, 19, 9, 0), "Мониторинг профессионального развития педагогов, 2025");
    }
    std::printf("\nwritten to %s\n", out.string().c_str());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s OUT_DIR\n", argv[0]);
        return 64;
    }
    try {
        return run(argv[1]);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "make_example_data: %s\n", e.what());
        return 1;
    }
}
