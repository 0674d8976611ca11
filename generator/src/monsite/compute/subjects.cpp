#include "monsite/compute/subjects.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace monsite::compute {
namespace {

using model::Exact;

// The persons behind one subject at one scope.
struct Tally {
    std::int64_t teachers = 0;
    std::int64_t scored = 0;        // with a diagnostic score: the mean's denominator
    Exact score_sum;
    std::int64_t diagnosed_flagged = 0;  // scored and with a deficit flag: the share's denominator
    std::int64_t deficits = 0;           // of those, with a deficit
};

// Subjects in byte order, the unspecified subject (an empty name) last.
struct SubjectOrder {
    bool operator()(const std::string& a, const std::string& b) const {
        if (a.empty() != b.empty()) return b.empty();
        return a < b;
    }
};

using Table = std::map<std::string, Tally, SubjectOrder>;  // by subject
using Hidden = std::map<std::string, bool, SubjectOrder>;  // by subject

enum class Measure { average, deficit };

std::int64_t base_of(const Tally& t, Measure m) { return m == Measure::average ? t.scored : t.diagnosed_flagged; }

void count(Table& table, const model::Teacher& t) {
    Tally& s = table[t.subject];  // empty: the subject is not given
    ++s.teachers;
    if (!t.diag_score) return;  // not diagnosed: in neither denominator
    ++s.scored;
    s.score_sum += Exact::from_double(*t.diag_score);
    if (t.deficit) {
        ++s.diagnosed_flagged;
        s.deficits += *t.deficit ? 1 : 0;
    }
}

// A cell of a line: its number of persons and whether it is hidden.
struct Cell {
    std::int64_t base = 0;
    bool* hidden = nullptr;
};

// A line of cells that add up to a total (`margin`; nullptr: a total taken as published).
// Hides the smallest visible cell when a hidden value could be derived: the hidden
// cells make up some but fewer than min_group persons while the total is shown, or
// the total is hidden while every cell is shown. True when it hid a cell.
bool protect(std::vector<Cell>& line, const Cell* margin, int min_group) {
    std::int64_t hidden = 0;
    Cell* smallest = nullptr;
    for (Cell& c : line) {
        if (c.base == 0) continue;
        if (*c.hidden) hidden += c.base;
        else if (!smallest || c.base < smallest->base) smallest = &c;
    }
    if (!smallest) return false;
    const bool margin_hidden = margin && margin->base > 0 && *margin->hidden;
    const bool derivable = margin_hidden ? hidden == 0 : hidden > 0 && hidden < min_group;
    if (!derivable) return false;
    *smallest->hidden = true;
    return true;
}

// Which cells of one measure are published: primary suppression below min_group,
// then secondary suppression over the rows (a school's subjects, the municipality's
// subjects) and the columns (a subject's schools against its municipal value).
void decide(const Table& all, const std::vector<Table>& schools, Measure m, int min_group, Hidden& all_hidden,
            std::vector<Hidden>& school_hidden) {
    auto primary = [&](const Table& table, Hidden& hidden) {
        for (const auto& [subject, t] : table) {
            std::int64_t base = base_of(t, m);
            hidden[subject] = base > 0 && base < min_group;
        }
    };
    primary(all, all_hidden);
    school_hidden.assign(schools.size(), {});
    for (std::size_t s = 0; s < schools.size(); ++s) primary(schools[s], school_hidden[s]);
    if (min_group <= 1) return;

    auto row = [&](const Table& table, Hidden& hidden) {
        std::vector<Cell> line;
        for (const auto& [subject, t] : table) line.push_back({base_of(t, m), &hidden[subject]});
        return line;
    };
    bool changed = true;
    while (changed) {
        changed = false;
        auto municipal = row(all, all_hidden);
        while (protect(municipal, nullptr, min_group)) changed = true;
        for (std::size_t s = 0; s < schools.size(); ++s) {
            auto line = row(schools[s], school_hidden[s]);
            while (protect(line, nullptr, min_group)) changed = true;
        }
        for (const auto& [subject, t] : all) {
            Cell margin{base_of(t, m), &all_hidden[subject]};
            std::vector<Cell> column;
            for (std::size_t s = 0; s < schools.size(); ++s) {
                auto it = schools[s].find(subject);
                if (it != schools[s].end()) column.push_back({base_of(it->second, m), &school_hidden[s][subject]});
            }
            while (protect(column, &margin, min_group)) changed = true;
        }
    }
}

std::vector<model::SubjectSummary> publish(const Table& table, const Hidden& average_hidden,
                                           const Hidden& deficit_hidden) {
    std::vector<model::SubjectSummary> out;
    for (const auto& [subject, t] : table) {
        model::SubjectSummary s;
        s.subject = subject;
        s.teachers = t.teachers;
        s.scored = t.scored;
        if (t.scored > 0) {
            if (average_hidden.at(subject)) s.average_suppressed = true;
            else s.average_score = t.score_sum / Exact(t.scored);
        }
        if (t.diagnosed_flagged > 0) {
            if (deficit_hidden.at(subject)) s.deficit_suppressed = true;
            else s.deficit_share = Exact::fraction(t.deficits * 100, t.diagnosed_flagged);
        }
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace

void summarize_subjects(const model::YearData& year, int min_group, model::YearResults& out) {
    Table all;
    std::vector<Table> schools(year.schools.size());
    std::map<std::string, std::size_t> index;
    for (std::size_t s = 0; s < year.schools.size(); ++s) index[year.schools[s].school_id] = s;
    for (const auto& t : year.teachers) {
        count(all, t);
        auto it = index.find(t.school_id);
        if (it != index.end()) count(schools[it->second], t);
    }
    Hidden all_average, all_deficit;
    std::vector<Hidden> school_average, school_deficit;
    decide(all, schools, Measure::average, min_group, all_average, school_average);
    decide(all, schools, Measure::deficit, min_group, all_deficit, school_deficit);

    out.has_subjects = true;
    out.subjects = publish(all, all_average, all_deficit);
    out.school_subjects.clear();
    for (std::size_t s = 0; s < year.schools.size(); ++s)
        out.school_subjects.push_back(
            {year.schools[s].school_id, publish(schools[s], school_average[s], school_deficit[s])});
}

}  // namespace monsite::compute
