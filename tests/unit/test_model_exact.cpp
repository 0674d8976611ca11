#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <stdexcept>

#include "compute_fixtures.hpp"
#include "monsite/model/exact.hpp"

using monsite::model::Exact;
using monsite::test::fraction;

TEST_CASE("Exact: construction keeps fractions in lowest terms with a positive denominator") {
    Exact zero;
    CHECK(zero.is_zero());
    CHECK(zero.numerator() == 0);
    CHECK(zero.denominator() == 1);

    Exact seven = 7;  // integers convert implicitly
    CHECK(seven.numerator() == 7);
    CHECK(seven.denominator() == 1);

    Exact half = fraction(2, 4);  // 2/4 = 1/2
    CHECK(half.numerator() == 1);
    CHECK(half.denominator() == 2);

    Exact negative = fraction(2, -4);  // 2/(-4) = -1/2: the sign moves to the numerator
    CHECK(negative.numerator() == -1);
    CHECK(negative.denominator() == 2);
    CHECK(fraction(-3, -6) == half);  // -3/-6 = 1/2

    CHECK(fraction(0, 5) == Exact(0));  // 0/5 = 0/1
    CHECK(fraction(0, 5).denominator() == 1);
    CHECK_THROWS_AS(fraction(1, 0), std::domain_error);
}

TEST_CASE("Exact: arithmetic is exact") {
    CHECK(fraction(1, 3) + fraction(1, 6) == fraction(1, 2));    // 2/6 + 1/6 = 3/6 = 1/2
    CHECK(fraction(1, 2) - fraction(3, 4) == fraction(-1, 4));   // 2/4 - 3/4 = -1/4
    CHECK(fraction(2, 3) * fraction(3, 4) == fraction(1, 2));    // 6/12 = 1/2
    CHECK(fraction(1, 2) / fraction(1, 4) == Exact(2));          // 1/2 * 4 = 2
    CHECK(fraction(-1, 2) / fraction(1, -4) == Exact(2));        // (-1/2) / (-1/4) = 2
    CHECK(Exact(29) / Exact(100) * Exact(100) == Exact(29));     // 29/100 * 100 = 29, no binary noise

    Exact sum;
    for (int i = 0; i < 10; ++i) sum += fraction(1, 10);  // 10 × 1/10 = 1, not 0.9999999999999999
    CHECK(sum == Exact(1));

    Exact a = 5;
    a += fraction(1, 2);  // 5 + 1/2 = 11/2
    CHECK(a == fraction(11, 2));

    CHECK(fraction(1, 4).to_double() == 0.25);  // 1/4 is exact in binary
    CHECK(fraction(-3, 8).to_double() == -0.375);
}

TEST_CASE("Exact: comparison") {
    CHECK(fraction(1, 3) < fraction(34, 100));   // 100 < 102 (cross-multiplied: 1·100 vs 34·3)
    CHECK(fraction(1, 3) > fraction(33, 100));   // 100 > 99
    CHECK(fraction(2, 6) == fraction(1, 3));
    CHECK(fraction(2, 6) <= fraction(1, 3));
    CHECK(fraction(2, 6) >= fraction(1, 3));
    CHECK_FALSE(fraction(2, 6) < fraction(1, 3));
    CHECK(fraction(-1, 2) < Exact(0));
    CHECK(fraction(-1, 2) > fraction(-2, 3));    // -3/6 > -4/6
    CHECK(Exact(29) >= Exact::from_double(0.29 * 100));  // 29 >= 29: equal
    CHECK(Exact(29) <= Exact::from_double(0.29 * 100));
    CHECK((Exact(3) <=> Exact(3)) == std::strong_ordering::equal);
    CHECK((Exact(2) <=> Exact(3)) == std::strong_ordering::less);
    CHECK((fraction(7, 2) <=> Exact(3)) == std::strong_ordering::greater);  // 3.5 > 3
}

TEST_CASE("Exact::from_double takes the decimal that was written, without binary noise") {
    // 0.29 * 100 is 28.999999999999996 in binary floating point.
    REQUIRE(0.29 * 100 != 29.0);
    CHECK(Exact::from_double(0.29 * 100) == Exact(29));
    CHECK(Exact::from_double(0.29) == fraction(29, 100));
    CHECK(Exact::from_double(0.1) + Exact::from_double(0.2) == Exact::from_double(0.3));  // 1/10 + 2/10 = 3/10
    CHECK(Exact::from_double(0.57 * 100) == Exact(57));   // 56.99999999999999 → 57
    CHECK(Exact::from_double(1.1) == fraction(11, 10));
    CHECK(Exact::from_double(2.5) == fraction(5, 2));
    CHECK(Exact::from_double(-12.5) == fraction(-25, 2));
    CHECK(Exact::from_double(40.0) == Exact(40));
    CHECK(Exact::from_double(0.0) == Exact(0));
    CHECK(Exact::from_double(43.99) == fraction(4399, 100));
    CHECK(Exact::from_double(1e12) == Exact(1'000'000'000'000));  // 1e12 · 1e9 = 1e21 > 9e18: whole-number path
    // Rounded to 9 decimals: 1/3 as a double becomes 333333333/1000000000.
    CHECK(Exact::from_double(1.0 / 3.0) == fraction(333'333'333, 1'000'000'000));
    CHECK_THROWS_AS(Exact::from_double(std::numeric_limits<double>::quiet_NaN()), std::domain_error);
    CHECK_THROWS_AS(Exact::from_double(std::numeric_limits<double>::infinity()), std::domain_error);
}

TEST_CASE("Exact::to_fixed rounds half away from zero on the exact value") {
    // 2.345 = 469/200; ×100 = 234.5 → 235 → "2.35" (a double 2.345 is 2.34499…, which printf rounds down)
    CHECK(Exact::from_double(2.345).to_fixed(2) == "2.35");
    CHECK(fraction(2345, 1000).to_fixed(2) == "2.35");
    // 90.625 = 725/8; ×100 = 9062.5 → 9063 → "90.63" (printf's half-to-even would give 90.62)
    CHECK(Exact::from_double(90.625).to_fixed(2) == "90.63");
    // -2.345: |v|×100 = 234.5 → 235, sign restored → "-2.35"
    CHECK(Exact::from_double(-2.345).to_fixed(2) == "-2.35");
    // 0.004 ×100 = 0.4 → 0 → "0.00"; no "-0.00" for a tiny negative value either
    CHECK(Exact::from_double(0.004).to_fixed(2) == "0.00");
    CHECK(Exact::from_double(-0.004).to_fixed(2) == "0.00");
    CHECK(Exact::from_double(0.005).to_fixed(2) == "0.01");   // 0.5 → 1
    CHECK(Exact::from_double(-0.005).to_fixed(2) == "-0.01");
    CHECK(fraction(-1, 2).to_fixed(2) == "-0.50");
    CHECK(Exact(73).to_fixed(2) == "73.00");
    CHECK(fraction(2, 3).to_fixed(2) == "0.67");     // 66.66… → 67
    CHECK(fraction(1250, 13).to_fixed(2) == "96.15"); // 96.1538… → 96.15
    CHECK(fraction(570, 9).to_fixed(2) == "63.33");   // 63.333… → 63.33
    CHECK(fraction(1, 3).to_fixed(4) == "0.3333");
    CHECK(Exact(100).to_fixed(2) == "100.00");

    // Whole numbers with 0 decimals: no decimal point at all.
    CHECK(Exact(12).to_fixed(0) == "12");
    CHECK(Exact(0).to_fixed(0) == "0");
    CHECK(Exact(-7).to_fixed(0) == "-7");
    CHECK(fraction(25, 2).to_fixed(0) == "13");    // 12.5 → 13
    CHECK(fraction(-25, 2).to_fixed(0) == "-13");  // -12.5 → -13
    CHECK(fraction(49, 10).to_fixed(0) == "5");    // 4.9 → 5
    CHECK(fraction(-1, 3).to_fixed(0) == "0");     // -0.33 → 0, no sign
    CHECK(Exact(1'000'000).to_fixed(0) == "1000000");
}

// Found by the sanitizer build (UBSan: signed integer overflow in operator+):
// a count of 9·10^21 in a spreadsheet overflowed __int128 silently.
TEST_CASE("Exact: a result beyond the range of __int128 is an error, never a wrong number") {
    const Exact huge = Exact::from_double(1e36);
    CHECK(huge.numerator() == static_cast<Exact::Int>(1e36));
    CHECK(huge.denominator() == 1);
    CHECK_THROWS_AS(huge * huge, std::overflow_error);
    CHECK_THROWS_AS(huge * 100 + huge * 100, std::overflow_error);  // each 1e38 fits, the sum does not
    CHECK_THROWS_AS((huge * 100) - (Exact(0) - huge * 100), std::overflow_error);
    CHECK_THROWS_AS((void)(huge * 100 < fraction(1, 3)), std::overflow_error);
    CHECK_THROWS_AS(Exact::from_double(1e38), std::overflow_error);
    // Beyond the range of int64_t, from_double no longer gives LLONG_MIN.
    CHECK(Exact::from_double(1e20) == Exact(100'000'000'000) * Exact(1'000'000'000));
    CHECK(Exact::from_double(-1e20).to_double() == -1e20);
    // Large but representable values still work.
    CHECK((huge / huge) == Exact(1));
    CHECK(Exact::from_double(9e9).to_fixed(2) == "9000000000.00");
}
