#include "invariants.hpp"

#include <cstdio>
#include <initializer_list>
#include <set>
#include <string>
#include <utility>

namespace example {

namespace {

int g_errors = 0;

void check_le(const SchoolYear& sy, const char* part, OptL p, const char* whole, OptL w) {
    if (p && w && *p > *w) {
        std::fprintf(stderr, "INVARIANT %d %s: %s=%ld > %s=%ld\n", sy.year, sy.reg.id.c_str(), part, *p, whole, *w);
        ++g_errors;
    }
}

void check_all(const std::vector<SchoolYear>& ys) {
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

}  // namespace

int check_invariants(const std::vector<SchoolYear>& ys) {
    int before = g_errors;
    check_all(ys);
    return g_errors - before;
}

}  // namespace example
