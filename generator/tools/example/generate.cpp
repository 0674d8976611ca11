#include "generate.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

#include "monsite/model/contract.hpp"
#include "rng.hpp"

namespace example {

namespace {

// x = -0.5 -> lo, 0.5 -> t1, 1.5 -> t2, 2.5 -> hi.
// So a profile value x near 0 means "low", 1 "medium", 2 "high".
double map_band(double x, const Target& b) {
    x = std::clamp(x, -0.5, 2.5);
    if (x < 0.5) return b.lo + (b.t1 - b.lo) * (x + 0.5);
    if (x < 1.5) return b.t1 + (b.t2 - b.t1) * (x - 0.5);
    return b.t2 + (b.hi - b.t2) * (x - 1.5);
}

// A school's profile value for one indicator in one year.
double profile_x(const SchoolDef& d, Dir dir, std::string_view ind, int year) {
    double persistent = rng_for(d.id, 0, ind).uni(-0.2, 0.2);
    double yearly = rng_for(d.id, year, ind).uni(-0.12, 0.12);
    return d.x25[dir] - d.trend * (kLastYear - year) + persistent + yearly + muni_offset(ind, year);
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
}  // namespace

Generator::Generator(const monsite::model::Catalogue& catalogue) {
    auto dirs = monsite::model::directions();
    for (const auto& ends : band_ends()) {
        const monsite::model::Indicator* i = catalogue.find(ends.id);
        if (!i || !i->rated() || i->better != monsite::model::Better::higher)
            throw std::runtime_error(std::string("the catalogue has no indicator rated higher-is-better: ") + ends.id);
        auto dir = std::find_if(dirs.begin(), dirs.end(), [&](const auto& d) { return d.id == i->direction; });
        if (dir == dirs.end()) throw std::runtime_error("unknown direction of " + i->id);
        Target t;
        t.dir = static_cast<Dir>(dir - dirs.begin());
        t.lo = ends.lo;
        t.t1 = i->t1.to_double();
        t.t2 = i->t2.to_double();
        t.hi = ends.hi;
        targets_.emplace(i->id, t);
    }
}

const Target& Generator::target(std::string_view id) const {
    auto it = targets_.find(id);
    if (it == targets_.end()) throw std::logic_error("no target for " + std::string(id));
    return it->second;
}

double Generator::target_ratio(const SchoolDef& d, std::string_view ind, int year) const {
    const Target& t = target(ind);
    return std::clamp(map_band(profile_x(d, t.dir, ind, year), t) / 100.0, 0.0, 1.0);
}

// Teacher rows for 2025, consistent with the school's Кадры and Развитие row:
// rows = teachers_total, scored = diagnosed, deficit = deficits_found, iom = with_iom,
// age < 35 = under_35, experience < 3 = young_0_3, < 1 = young_0_1,
// mentor = young_with_mentor, высшая/первая = cat_highest/cat_first.
std::vector<Teacher> Generator::make_teachers(const SchoolDef& d, const Staff& s, const Dev& dv, long under35) const {
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
    const Target& ind = target("diag_score_avg");
    double mu = map_band(profile_x(d, ind.dir, "diag_score_avg", 2025), ind);
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

SchoolYear Generator::school_year(const SchoolDef& d, int year) const {
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

}  // namespace example
