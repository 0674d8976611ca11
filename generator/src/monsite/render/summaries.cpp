#include "monsite/render/summaries.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace monsite::render {

bool is_large_site(std::size_t schools, int full_lists_up_to) {
    return full_lists_up_to >= 0 && schools > static_cast<std::size_t>(full_lists_up_to);
}

std::vector<Bin> histogram(const std::vector<double>& values, double lo, double hi, std::size_t bins) {
    if (bins == 0 || !(hi > lo)) {
        Bin only{lo, lo, 0};
        for (double v : values)
            if (std::isfinite(v)) ++only.count;
        return {only};
    }
    std::vector<Bin> out(bins);
    const double width = (hi - lo) / static_cast<double>(bins);
    for (std::size_t b = 0; b < bins; ++b) {
        out[b].from = lo + width * static_cast<double>(b);
        out[b].to = b + 1 == bins ? hi : lo + width * static_cast<double>(b + 1);
    }
    for (double v : values) {
        if (!std::isfinite(v)) continue;
        std::size_t b = 0;
        if (v >= hi) b = bins - 1;
        else if (v > lo) b = std::min(bins - 1, static_cast<std::size_t>((v - lo) / width));
        // Rounding may put a value on a boundary into the bin below it.
        while (b + 1 < bins && v >= out[b + 1].from) ++b;
        ++out[b].count;
    }
    return out;
}

std::vector<Bin> value_bins(const std::vector<double>& values, bool percent) {
    std::vector<double> finite;
    for (double v : values)
        if (std::isfinite(v)) finite.push_back(v);
    if (finite.empty()) return {};
    if (percent) return histogram(finite, 0, 100, 10);
    const auto [lo, hi] = std::minmax_element(finite.begin(), finite.end());
    return histogram(finite, *lo, *hi, *hi > *lo ? 10 : 0);
}

TopBottom top_bottom(const std::vector<std::optional<double>>& values, std::size_t n) {
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < values.size(); ++i)
        if (values[i] && std::isfinite(*values[i])) order.push_back(i);
    // Highest first, ties in the order of `values`.
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return *values[a] > *values[b]; });
    TopBottom out;
    const std::size_t top = std::min(n, order.size());
    out.top.assign(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(top));
    const std::size_t bottom = std::min(n, order.size() - top);
    // Lowest first, ties in the order of `values`.
    std::vector<std::size_t> rest(order.begin() + static_cast<std::ptrdiff_t>(top), order.end());
    std::stable_sort(rest.begin(), rest.end(), [&](std::size_t a, std::size_t b) { return *values[a] < *values[b]; });
    out.bottom.assign(rest.begin(), rest.begin() + static_cast<std::ptrdiff_t>(bottom));
    return out;
}

std::vector<ListPage> paginate(std::size_t rows, std::size_t per_page) {
    if (per_page == 0) per_page = 1;
    std::vector<ListPage> pages;
    for (std::size_t first = 0, number = 1; first < rows || number == 1; first += per_page, ++number)
        pages.push_back({number, first, std::min(rows, first + per_page)});
    return pages;
}

std::string list_page_path(const std::string& base, std::size_t number) {
    return number <= 1 ? base : base + "page/" + std::to_string(number) + "/";
}

}  // namespace monsite::render
