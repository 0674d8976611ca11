#include "summary.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "monsite/compute/compute.hpp"
#include "monsite/model/contract.hpp"
#include "monsite/model/results.hpp"

namespace example {

namespace {

namespace model = monsite::model;

std::optional<double> as_double(OptL v) { return v ? std::optional<double>(static_cast<double>(*v)) : std::nullopt; }

// One numeric field of ОО, Кадры or Развитие by its contract id.
std::optional<double> field_value(const SchoolYear& sy, std::string_view id) {
    static const std::map<std::string_view, std::function<std::optional<double>(const SchoolYear&)>> fields = {
        {"students", [](const SchoolYear& y) { return as_double(y.reg.students); }},
        {"teachers_total", [](const SchoolYear& y) { return as_double(y.staff.teachers_total); }},
        {"vacancies", [](const SchoolYear& y) { return as_double(y.staff.vacancies); }},
        {"under_35", [](const SchoolYear& y) { return as_double(y.staff.under_35); }},
        {"young_0_3", [](const SchoolYear& y) { return as_double(y.staff.young_0_3); }},
        {"young_0_1", [](const SchoolYear& y) { return as_double(y.staff.young_0_1); }},
        {"young_with_mentor", [](const SchoolYear& y) { return as_double(y.staff.young_with_mentor); }},
        {"cat_highest", [](const SchoolYear& y) { return as_double(y.staff.cat_highest); }},
        {"cat_first", [](const SchoolYear& y) { return as_double(y.staff.cat_first); }},
        {"higher_ed", [](const SchoolYear& y) { return as_double(y.staff.higher_ed); }},
        {"non_ped_ed", [](const SchoolYear& y) { return as_double(y.staff.non_ped_ed); }},
        {"retrained", [](const SchoolYear& y) { return as_double(y.staff.retrained); }},
        {"avg_age", [](const SchoolYear& y) { return y.staff.avg_age; }},
        {"avg_load", [](const SchoolYear& y) { return y.staff.avg_load; }},
        {"diagnosed", [](const SchoolYear& y) { return as_double(y.dev.diagnosed); }},
        {"deficits_found", [](const SchoolYear& y) { return as_double(y.dev.deficits_found); }},
        {"with_iom", [](const SchoolYear& y) { return as_double(y.dev.with_iom); }},
        {"iom_active", [](const SchoolYear& y) { return as_double(y.dev.iom_active); }},
        {"courses", [](const SchoolYear& y) { return as_double(y.dev.courses); }},
        {"courses_distance", [](const SchoolYear& y) { return as_double(y.dev.courses_distance); }},
        {"competitions", [](const SchoolYear& y) { return as_double(y.dev.competitions); }},
        {"network", [](const SchoolYear& y) { return as_double(y.dev.network); }},
        {"events_regional", [](const SchoolYear& y) { return as_double(y.dev.events_regional); }},
        {"experts", [](const SchoolYear& y) { return as_double(y.dev.experts); }},
        {"method_asset", [](const SchoolYear& y) { return as_double(y.dev.method_asset); }},
        {"mentors", [](const SchoolYear& y) { return as_double(y.dev.mentors); }},
        {"mentoring_model",
         [](const SchoolYear& y) {
             return y.dev.mentoring_model ? std::optional<double>(*y.dev.mentoring_model ? 1.0 : 0.0) : std::nullopt;
         }},
        {"burnout_events", [](const SchoolYear& y) { return as_double(y.dev.burnout_events); }},
    };
    auto it = fields.find(id);
    if (it == fields.end()) throw std::logic_error("the generator does not make field " + std::string(id));
    return it->second(sy);
}

model::Teacher to_teacher(const Teacher& t) {
    model::Teacher m;
    m.teacher_id = t.teacher_id;
    m.school_id = t.school_id;
    m.subject = t.subject;
    m.category = t.category;
    m.age = static_cast<double>(t.age);
    m.experience = static_cast<double>(t.experience);
    if (t.diag_score) m.diag_score = static_cast<double>(*t.diag_score);
    m.deficit = t.deficit;
    m.iom = t.iom;
    m.mentor = t.mentor;
    return m;
}

std::string fixed(const std::optional<model::Exact>& v, int decimals = 2) {
    return v ? v->to_fixed(decimals) : std::string("-");
}

const char* letter(model::Level l) {
    switch (l) {
        case model::Level::low: return "L";
        case model::Level::medium: return "M";
        case model::Level::high: return "H";
        case model::Level::none: break;
    }
    return "-";
}

std::optional<model::Exact> value_of(const model::EntityValues* e, std::size_t index) {
    if (!e || index >= e->values.size() || !e->values[index] || !e->values[index]->has_value()) return std::nullopt;
    return e->values[index]->value;
}

}  // namespace

model::Dataset to_dataset(const std::map<int, std::vector<SchoolYear>>& years) {
    model::Dataset data;
    auto fields = model::school_fields();
    for (const auto& [year, ys] : years) {
        model::YearData y;
        y.year = year;
        for (const auto& sy : ys) {
            model::SchoolYear s;
            s.school_id = sy.reg.id;
            s.name = sy.reg.name;
            s.short_name = sy.reg.short_name.empty() ? sy.reg.name : sy.reg.short_name;
            s.type = sy.reg.type;
            s.cluster = sy.reg.cluster.empty() ? sy.reg.type : sy.reg.cluster;
            s.locality = sy.reg.locality.value_or("");
            for (const auto* f : fields) s.fields.push_back(field_value(sy, f->id));
            y.schools.push_back(std::move(s));
            for (const auto& t : sy.teachers) {
                y.has_teachers = true;
                y.teachers.push_back(to_teacher(t));
            }
        }
        std::sort(y.schools.begin(), y.schools.end(),
                  [](const auto& a, const auto& b) { return a.school_id < b.school_id; });
        data.years.push_back(std::move(y));
    }
    return data;
}

void print_summary(const std::map<int, std::vector<SchoolYear>>& years, const monsite::config::SiteConfig& config) {
    const model::Results results = monsite::compute::compute(to_dataset(years), config.catalogue, config.rules);
    const auto& catalogue = config.catalogue.indicators;
    auto dirs = model::directions();
    for (const auto& [year, ys] : years) {
        const model::YearResults* r = results.find_year(year);
        if (!r) continue;
        std::printf("\n=== %d: %zu schools ===\n", year, ys.size());
        std::printf("%-12s %-9s %-17s %4s %5s %6s %-6s", "school_id", "type", "cluster", "T", "vac", "comp", "group");
        for (const auto& d : dirs) std::printf(" %-5.5s", std::string(d.id).c_str());
        std::printf("  intended\n");
        std::map<std::string, int> groups;
        std::vector<std::array<int, 3>> dircount(dirs.size());
        for (const auto& sy : ys) {
            const model::SchoolGrouping* g = r->grouping(sy.reg.id);
            std::string group = g ? model::to_string(g->group) : "";
            ++groups[group];
            std::printf("%-12s %-9s %-17s %4ld %5ld %6s %-6s", sy.reg.id.c_str(), sy.reg.type.c_str(),
                        sy.reg.cluster.c_str(), sy.staff.teachers_total, sy.staff.vacancies,
                        fixed(g ? g->composite : std::nullopt).c_str(), group.c_str());
            for (std::size_t d = 0; d < dirs.size(); ++d) {
                model::Level l = g && d < g->directions.size() ? g->directions[d].level : model::Level::none;
                std::printf(" %-5s", letter(l));
                if (l != model::Level::none) ++dircount[d][static_cast<std::size_t>(l) - 1];
            }
            bool last = year == kLastYear || sy.def->teachers[2] == 0;
            std::printf("  %s%s\n", sy.def->intended,
                        last && group != sy.def->intended ? "   <-- differs from intended" : "");
        }
        std::printf("groups: high %d, medium %d, low %d\n", groups["high"], groups["medium"], groups["low"]);
        std::printf("direction levels (L/M/H):");
        for (std::size_t d = 0; d < dirs.size(); ++d)
            std::printf(" %s %d/%d/%d;", std::string(dirs[d].id).c_str(), dircount[d][0], dircount[d][1],
                        dircount[d][2]);
        std::printf("\n");
    }
    // Municipal values, their level and the problem zones of the last year.
    std::printf("\n=== municipality ===\n%-24s %8s %8s %8s  %-7s %s\n", "indicator", "2023", "2024", "2025", "level",
                "problem");
    const model::YearResults* last = results.find_year(kLastYear);
    for (std::size_t i = 0; i < catalogue.size(); ++i) {
        std::printf("%-24s", catalogue[i].id.c_str());
        for (int y = kFirstYear; y <= kLastYear; ++y) {
            const model::YearResults* r = results.find_year(y);
            std::printf(" %8s", fixed(value_of(r ? &r->municipality : nullptr, i)).c_str());
        }
        const auto& v = last ? last->municipality.values[i] : std::nullopt;
        std::string problem;
        if (last)
            for (const auto& z : last->problem_zones)
                if (z.indicator_id == catalogue[i].id) {
                    if (z.low_level) problem = "low level";
                    if (z.wrong_way)
                        problem += (problem.empty() ? "" : "; ") + std::string("wrong way by ") + fixed(z.change);
                }
        std::printf("  %-7s %s\n", v ? model::to_string(v->level) : "", problem.c_str());
    }
    if (!last) return;
    for (const auto& c : last->clusters) {
        std::printf("%d cluster %-17s", kLastYear, c.id.c_str());
        for (const char* id : {"experts_share", "mentor_coverage", "diag_coverage"}) {
            auto it = std::find_if(catalogue.begin(), catalogue.end(), [&](const auto& x) { return x.id == id; });
            if (it == catalogue.end()) continue;
            std::printf(" %s %s", id, fixed(value_of(&c, static_cast<std::size_t>(it - catalogue.begin()))).c_str());
        }
        std::printf("\n");
    }
}

}  // namespace example
