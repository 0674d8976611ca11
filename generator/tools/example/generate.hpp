#pragma once
// Generates the records of the example municipality. Values are aimed at the
// thresholds of the indicator catalogue (config, the built-in one), so the
// intended levels and groups follow the catalogue the site is built with.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "monsite/model/indicator.hpp"
#include "municipality.hpp"
#include "records.hpp"

namespace example {

// A rated indicator as the generator aims at it: its direction and its value
// band (lo, t1, t2, hi in percent; t1 and t2 are the catalogue's thresholds).
struct Target {
    Dir dir = kDiag;
    double lo = 0, t1 = 0, t2 = 0, hi = 0;
};

class Generator {
public:
    // Throws std::runtime_error if the catalogue lacks a rated indicator of band_ends().
    explicit Generator(const monsite::model::Catalogue& catalogue);

    // One school in one year (teacher rows in the last year only).
    SchoolYear school_year(const SchoolDef& d, int year) const;

private:
    const Target& target(std::string_view id) const;
    double target_ratio(const SchoolDef& d, std::string_view ind, int year) const;
    std::vector<Teacher> make_teachers(const SchoolDef& d, const Staff& s, const Dev& dv, long under35) const;

    std::map<std::string, Target, std::less<>> targets_;
};

// "No data" in optional columns, as real submissions have.
void blank_some_cells(std::vector<SchoolYear>& ys);

}  // namespace example
