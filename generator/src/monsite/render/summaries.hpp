#pragma once
// Summaries for the pages of a large site (more schools than [pages] full_lists_up_to):
// a distribution by bins instead of one bar per school, the top and bottom of a
// list instead of every row, and the pages a long list is split into. Pure
// functions of numbers and counts: the page builders (page_*.cpp) add the words.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace monsite::render {

// Whether a site with `schools` schools in its latest year is large.
bool is_large_site(std::size_t schools, int full_lists_up_to);

// One bin of a histogram: values v with from <= v < to (the last bin also holds v == to).
struct Bin {
    double from = 0;
    double to = 0;
    std::size_t count = 0;
};

// The values counted in `bins` equal bins over [lo, hi]; values outside are
// counted in the first or last bin. bins == 0 or hi <= lo: one bin [lo, lo].
std::vector<Bin> histogram(const std::vector<double>& values, double lo, double hi, std::size_t bins);

// The bins of a distribution chart: a percent runs 0..100 in 10 bins of 10;
// any other unit runs from the smallest to the largest value in 10 bins
// (one bin when every value is the same). Empty when there is no value.
std::vector<Bin> value_bins(const std::vector<double>& values, bool percent);

// The positions (in `values`) of the n highest values, highest first, and of
// the n lowest, lowest first; positions without a value are left out, ties are
// taken in the order of `values`, and no position is in both lists (when there
// are fewer than 2n values the bottom list gets what the top list left).
struct TopBottom {
    std::vector<std::size_t> top;
    std::vector<std::size_t> bottom;
};
TopBottom top_bottom(const std::vector<std::optional<double>>& values, std::size_t n);

// One page of a list split into pages of `per_page` rows: rows [first, last).
struct ListPage {
    std::size_t number = 1;  // 1-based
    std::size_t first = 0;
    std::size_t last = 0;
};
// Every page of a list of `rows` rows; one (empty) page when there is no row.
std::vector<ListPage> paginate(std::size_t rows, std::size_t per_page);

// The path of page `number` of a list whose first page is at `base` ("schools/"):
// "schools/" for the first, "schools/page/2/" for the second and so on.
std::string list_page_path(const std::string& base, std::size_t number);

}  // namespace monsite::render
