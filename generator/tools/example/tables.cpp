#include "tables.hpp"

#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <utility>

#include "monsite/model/contract.hpp"

namespace example {

namespace {

using monsite::model::TableId;

// A contract table with its headers; every row must have one cell per column.
Table contract_table(TableId id) {
    const auto& spec = monsite::model::table_spec(id);
    Table t{std::string(spec.name), {}, {}};
    for (const auto& f : spec.fields) t.headers.emplace_back(f.header);
    return t;
}

void add_row(Table& t, std::vector<Cell> row) {
    if (row.size() != t.headers.size()) throw std::logic_error("row width differs from the contract in " + t.name);
    t.rows.push_back(std::move(row));
}

Cell boolean(bool v) { Cell c; c.kind = Cell::kBool; c.b = v; return c; }
Cell pct(double fraction) { Cell c; c.kind = Cell::kPct; c.n = fraction; return c; }
Cell opt(OptL v) { return v ? num(static_cast<double>(*v)) : empty(); }
Cell opt(OptD v) { return v ? num(*v) : empty(); }
Cell opt(const std::optional<std::string>& v) { return v ? str(*v) : empty(); }
Cell yes_no(std::optional<bool> v) { return v ? str(*v ? "да" : "нет") : empty(); }

}  // namespace

Cell empty() { return {}; }
Cell str(std::string v) { Cell c; c.kind = Cell::kStr; c.s = std::move(v); return c; }
Cell num(double v) { Cell c; c.kind = Cell::kNum; c.n = v; return c; }

std::string grouped_thousands(long v) {
    char b[8];
    std::snprintf(b, sizeof b, "%03ld", v % 1000);
    return std::to_string(v / 1000) + "\u00A0" + b;
}

std::string display_number(double v) {
    if (v == std::floor(v)) return std::to_string(static_cast<long>(v));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s = buf;
    while (s.back() == '0') s.pop_back();
    for (char& c : s) if (c == '.') c = ',';
    return s;
}

Table register_table(const std::vector<SchoolYear>& ys) {
    Table t = contract_table(TableId::schools);
    for (const auto& sy : ys) {
        const Register& r = sy.reg;
        add_row(t, {str(r.id), str(r.name), r.short_name.empty() ? empty() : str(r.short_name), str(r.type),
                          str(r.cluster), opt(r.locality), opt(r.students)});
    }
    return t;
}

Table staff_table(const std::vector<SchoolYear>& ys) {
    Table t = contract_table(TableId::staff);
    for (const auto& sy : ys) {
        const Staff& s = sy.staff;
        add_row(t, {str(sy.reg.id), opt(OptL(s.teachers_total)), opt(OptL(s.vacancies)), opt(s.under_35),
                          opt(s.young_0_3), opt(s.young_0_1), opt(s.young_with_mentor), opt(s.cat_highest),
                          opt(s.cat_first), opt(s.higher_ed), opt(s.non_ped_ed), opt(s.retrained), opt(s.avg_age),
                          opt(s.avg_load)});
    }
    return t;
}

Table dev_table(const std::vector<SchoolYear>& ys) {
    Table t = contract_table(TableId::development);
    for (const auto& sy : ys) {
        const Dev& v = sy.dev;
        add_row(t, {str(sy.reg.id), opt(v.diagnosed), opt(v.deficits_found), opt(v.with_iom),
                          opt(v.iom_active), opt(v.courses), opt(v.courses_distance), opt(v.competitions),
                          opt(v.network), opt(v.events_regional), opt(v.experts), opt(v.method_asset),
                          opt(v.mentors), yes_no(v.mentoring_model), opt(v.burnout_events)});
    }
    return t;
}

Table teacher_table(std::vector<SchoolYear>& ys) {
    Table t = contract_table(TableId::teachers);
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
            add_row(t, {str(x.teacher_id), str(x.school_id), str(x.subject), num(static_cast<double>(x.age)),
                              num(static_cast<double>(x.experience)), str(x.category), score, flag(x.deficit),
                              flag(x.iom), flag(x.mentor)});
        }
    return t;
}

Table text_table(monsite::model::TableId id, const std::vector<std::vector<std::string>>& rows) {
    Table t = contract_table(id);
    for (const auto& r : rows) {
        std::vector<Cell> row;
        for (const auto& c : r) row.push_back(c.empty() ? empty() : str(c));
        add_row(t, std::move(row));
    }
    return t;
}


}  // namespace example
