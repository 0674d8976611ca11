#include <doctest/doctest.h>

#include <optional>
#include <vector>

#include "monsite/render/summaries.hpp"

using namespace monsite::render;

TEST_CASE("summaries: a site is large above the threshold only") {
    CHECK_FALSE(is_large_site(24, 200));
    CHECK_FALSE(is_large_site(200, 200));
    CHECK(is_large_site(201, 200));
    CHECK(is_large_site(2, 1));
}

TEST_CASE("summaries: percent values fall into 10 bins of 10, the bounds into the upper bin, 100 into the last") {
    const auto bins = value_bins({0, 9.99, 10, 55, 99.9, 100, 100}, true);
    REQUIRE(bins.size() == 10);
    CHECK(bins[0].from == 0);
    CHECK(bins[0].to == 10);
    CHECK(bins[0].count == 2);
    CHECK(bins[1].count == 1);
    CHECK(bins[5].count == 1);
    CHECK(bins[9].from == 90);
    CHECK(bins[9].to == 100);
    CHECK(bins[9].count == 3);
    std::size_t total = 0;
    for (const auto& b : bins) total += b.count;
    CHECK(total == 7);
}

TEST_CASE("summaries: other units run from the smallest to the largest value; one value gives one bin") {
    const auto bins = value_bins({2, 4, 12, 7}, false);
    REQUIRE(bins.size() == 10);
    CHECK(bins.front().from == 2);
    CHECK(bins.back().to == 12);
    CHECK(bins.front().count == 1);
    CHECK(bins.back().count == 1);
    const auto one = value_bins({5, 5, 5}, false);
    REQUIRE(one.size() == 1);
    CHECK(one[0].count == 3);
    CHECK(value_bins({}, true).empty());
}

TEST_CASE("summaries: values below or above the range are counted in the first or last bin") {
    const auto bins = histogram({-5, 150, 50}, 0, 100, 4);
    REQUIRE(bins.size() == 4);
    CHECK(bins[0].count == 1);
    CHECK(bins[2].count == 1);
    CHECK(bins[3].count == 1);
}

TEST_CASE("summaries: top and bottom skip missing values, keep ties in order and never overlap") {
    const std::vector<std::optional<double>> values = {5, std::nullopt, 9, 1, 9, 3, 7};
    const auto two = top_bottom(values, 2);
    CHECK(two.top == std::vector<std::size_t>{2, 4});
    CHECK(two.bottom == std::vector<std::size_t>{3, 5});
    const auto many = top_bottom(values, 4);  // 6 values: 4 on top, the 2 left at the bottom
    CHECK(many.top == std::vector<std::size_t>{2, 4, 6, 0});
    CHECK(many.bottom == std::vector<std::size_t>{3, 5});
    CHECK(top_bottom({}, 10).top.empty());
}

TEST_CASE("summaries: pagination covers every row once, in pages of the given size") {
    const auto pages = paginate(250, 100);
    REQUIRE(pages.size() == 3);
    CHECK(pages[0].number == 1);
    CHECK(pages[0].first == 0);
    CHECK(pages[0].last == 100);
    CHECK(pages[2].first == 200);
    CHECK(pages[2].last == 250);
    CHECK(paginate(200, 100).size() == 2);
    const auto none = paginate(0, 100);
    REQUIRE(none.size() == 1);
    CHECK(none[0].first == none[0].last);
    CHECK(list_page_path("schools/", 1) == "schools/");
    CHECK(list_page_path("schools/", 3) == "schools/page/3/");
}
