#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "monsite/config/i18n.hpp"
#include "monsite/model/exact.hpp"
#include "monsite/model/indicator.hpp"
#include "monsite/render/format.hpp"

using namespace monsite;
using model::Exact;
using model::Unit;

namespace {

model::Indicator indicator(Unit unit) {
    model::Indicator ind;
    ind.id = "x";
    ind.unit = unit;
    return ind;
}

const model::Indicator percent = indicator(Unit::percent);
const model::Indicator count = indicator(Unit::count);
const model::Indicator years = indicator(Unit::years);
const model::Indicator rates = indicator(Unit::rates);

Exact frac(std::int64_t n, std::int64_t d) { return Exact::fraction(n, d); }

const config::TextCatalogue& ru() {
    static const auto texts = config::builtin_texts(util::Language::ru);
    return texts;
}
const config::TextCatalogue& en() {
    static const auto texts = config::builtin_texts(util::Language::en);
    return texts;
}

// The characters the Russian forms use, spelled out so the expectations are unambiguous.
const std::string nnbsp = "\u202f";  // narrow no-break space: thousands, before a unit
const std::string nbsp = "\u00a0";   // no-break space inside "п. п."
const std::string minus = "\u2212";  // the minus sign, not a hyphen

}  // namespace

TEST_CASE("decimals_of: counts are whole, everything else has 2 places") {
    CHECK(render::decimals_of(count) == 0);
    CHECK(render::decimals_of(percent) == 2);
    CHECK(render::decimals_of(years) == 2);
    CHECK(render::decimals_of(rates) == 2);
}

TEST_CASE("data_number: percent, years and rates with 2 decimals, half away from zero") {
    // 725/8 = 90.625 exactly; x100 = 9062.5, a true half -> 9063 -> "90.63".
    CHECK(render::data_number(percent, frac(725, 8)) == "90.63");
    // The same half on the negative side goes away from zero too: -9062.5 -> -9063.
    CHECK(render::data_number(percent, frac(-725, 8)) == "-90.63");
    CHECK(render::data_number(percent, Exact(73)) == "73.00");
    CHECK(render::data_number(percent, frac(147, 2)) == "73.50");
    // 200/3 = 66.666... -> 66.67.
    CHECK(render::data_number(percent, frac(200, 3)) == "66.67");
    CHECK(render::data_number(percent, Exact(100)) == "100.00");
    CHECK(render::data_number(percent, Exact(0)) == "0.00");
    // 1/250 = 0.004 -> 0.40 hundredths -> 0; -0.004 rounds to zero and loses its sign.
    CHECK(render::data_number(percent, frac(1, 250)) == "0.00");
    CHECK(render::data_number(percent, frac(-1, 250)) == "0.00");
    // 1/200 = 0.005 -> 0.5 hundredths -> 1 -> "0.01".
    CHECK(render::data_number(percent, frac(1, 200)) == "0.01");
    // Averages: 49/4 = 12.25 years; 201/200 = 1.005 rates -> 100.5 -> 101 -> "1.01".
    CHECK(render::data_number(years, frac(49, 4)) == "12.25");
    CHECK(render::data_number(rates, frac(201, 200)) == "1.01");
    CHECK(render::data_number(rates, Exact(1)) == "1.00");
}

TEST_CASE("data_number: counts are whole numbers") {
    CHECK(render::data_number(count, Exact(12)) == "12");
    CHECK(render::data_number(count, Exact(0)) == "0");
    CHECK(render::data_number(count, Exact(123456)) == "123456");  // no separators in open data
    // 5/2 = 2.5 -> 3; -2.5 -> -3 (half away from zero); 7/3 = 2.33 -> 2.
    CHECK(render::data_number(count, frac(5, 2)) == "3");
    CHECK(render::data_number(count, frac(-5, 2)) == "-3");
    CHECK(render::data_number(count, frac(7, 3)) == "2");
}

TEST_CASE("data_sum: whole sums as integers, other sums with 2 decimals") {
    CHECK(render::data_sum(Exact(40)) == "40");
    CHECK(render::data_sum(Exact(0)) == "0");
    CHECK(render::data_sum(Exact(1234567)) == "1234567");
    CHECK(render::data_sum(frac(5, 2)) == "2.50");
    CHECK(render::data_sum(frac(1, 3)) == "0.33");
    // 2/3 = 0.666... -> 0.67; 1001/8 = 125.125 -> 12512.5 hundredths -> 12513 -> "125.13".
    CHECK(render::data_sum(frac(2, 3)) == "0.67");
    CHECK(render::data_sum(frac(1001, 8)) == "125.13");
    // A fraction that reduces to a whole number is whole: 80/4 = 20.
    CHECK(render::data_sum(frac(80, 4)) == "20");
}

TEST_CASE("value_text in Russian: decimal comma, unit after a narrow no-break space, trailing zeros dropped") {
    CHECK(render::value_text(ru(), percent, frac(147, 2)) == "73,5" + nnbsp + "%");
    CHECK(render::value_text(ru(), percent, Exact(73)) == "73" + nnbsp + "%");        // not "73,0 %"
    CHECK(render::value_text(ru(), percent, Exact(100)) == "100" + nnbsp + "%");
    CHECK(render::value_text(ru(), percent, Exact(0)) == "0" + nnbsp + "%");
    CHECK(render::value_text(ru(), years, frac(25, 2)) == "12,5" + nnbsp + "года");  // a fraction takes "other"
    CHECK(render::value_text(ru(), years, Exact(41)) == "41" + nnbsp + "год");  // plural "one": 41 год
    CHECK(render::value_text(ru(), rates, frac(3, 2)) == "1,5" + nnbsp + "ставки");
    CHECK(render::value_text(ru(), count, Exact(12)) == "12");  // counts carry no unit
}

TEST_CASE("value_text in Russian: thousands are grouped only above 4 digits") {
    CHECK(render::value_text(ru(), count, Exact(999)) == "999");
    CHECK(render::value_text(ru(), count, Exact(1234)) == "1234");
    CHECK(render::value_text(ru(), count, Exact(12345)) == "12" + nnbsp + "345");
    CHECK(render::value_text(ru(), count, Exact(123456)) == "123" + nnbsp + "456");
    CHECK(render::value_text(ru(), count, Exact(1234567)) == "1" + nnbsp + "234" + nnbsp + "567");
    CHECK(render::value_text(ru(), count, Exact(-12345)) == minus + "12" + nnbsp + "345");
}

TEST_CASE("change_text in Russian: explicit sign, the minus sign, percentage points, zero as \"0\"") {
    CHECK(render::change_text(ru(), percent, frac(16, 5)) == "+3,2" + nnbsp + "п." + nbsp + "п.");
    CHECK(render::change_text(ru(), percent, frac(-3, 2)) == minus + "1,5" + nnbsp + "п." + nbsp + "п.");
    CHECK(render::change_text(ru(), percent, Exact(2)) == "+2" + nnbsp + "п." + nbsp + "п.");  // trailing ",0" dropped
    CHECK(render::change_text(ru(), count, Exact(-1)) == minus + "1");
    CHECK(render::change_text(ru(), count, Exact(3)) == "+3");
    CHECK(render::change_text(ru(), count, Exact(12345)) == "+12" + nnbsp + "345");
    CHECK(render::change_text(ru(), years, frac(1, 2)) == "+0,5" + nnbsp + "года");
    CHECK(render::change_text(ru(), rates, frac(-1, 2)) == minus + "0,5" + nnbsp + "ставки");
    // Zero, and changes that round to zero, are a bare "0" with neither sign nor unit.
    CHECK(render::change_text(ru(), percent, Exact(0)) == "0");
    CHECK(render::change_text(ru(), count, Exact(0)) == "0");
    CHECK(render::change_text(ru(), percent, frac(1, 25)) == "0");    // +0.04 -> 0.0
    CHECK(render::change_text(ru(), percent, frac(-1, 25)) == "0");   // -0.04 -> 0.0, never "−0"
    CHECK(render::change_text(ru(), count, frac(-2, 5)) == "0");      // -0.4 -> 0
    // -1/20 = -0.05: 0.5 tenths rounds away from zero -> -0.1.
    CHECK(render::change_text(ru(), percent, frac(-1, 20)) == minus + "0,1" + nnbsp + "п." + nbsp + "п.");
    // No ASCII hyphen-minus anywhere in a negative change.
    CHECK(render::change_text(ru(), percent, frac(-7, 2)).find('-') == std::string::npos);
}

TEST_CASE("decimal_text in Russian: fixed places with a decimal comma, zeros kept") {
    CHECK(render::decimal_text(ru(), frac(200, 3), 2) == "66,67");
    CHECK(render::decimal_text(ru(), Exact(5), 2) == "5,00");
    CHECK(render::decimal_text(ru(), frac(1, 2), 2) == "0,50");
    CHECK(render::decimal_text(ru(), frac(725, 8), 2) == "90,63");  // 90.625, half away from zero
    CHECK(render::decimal_text(ru(), frac(5, 2), 0) == "3");
    CHECK(render::decimal_text(ru(), frac(-5, 2), 0) == minus + "3");
    CHECK(render::decimal_text(ru(), frac(24691, 2), 1) == "12" + nnbsp + "345,5");  // 12345.5
    CHECK(render::decimal_text(ru(), frac(2469, 2), 2) == "1234,50");                 // 4 digits: not grouped
    CHECK(render::decimal_text(ru(), Exact(0), 2) == "0,00");
}

TEST_CASE("a value is written the catalogue's way: 30,5 % in Russian, 30.5% in English") {
    CHECK(render::value_text(ru(), percent, frac(61, 2)) == "30,5" + nnbsp + "%");
    CHECK(render::value_text(en(), percent, frac(61, 2)) == "30.5%");
    CHECK(render::value_text(en(), count, Exact(12345)) == "12,345");
    CHECK(render::decimal_text(en(), frac(200, 3), 2) == "66.67");
    CHECK(render::change_text(en(), percent, frac(-3, 2)) == minus + "1.5" + nbsp + "pp");
}

TEST_CASE("format: data_double is the number to_fixed writes, computed without text") {
    CHECK(render::data_double(Exact::fraction(2, 3), 2) == 0.67);
    CHECK(render::data_double(Exact::fraction(1, 8), 2) == 0.13);     // half away from zero
    CHECK(render::data_double(Exact::fraction(-1, 8), 2) == -0.13);
    CHECK(render::data_double(Exact::fraction(-1, 2), 0) == -1.0);
    CHECK(render::data_double(Exact(12345), 0) == 12345.0);
    CHECK(render::data_double(Exact::fraction(2943, 100), 2) == 29.43);
    CHECK(render::data_double(Exact::fraction(1, 3), 4) == 0.3333);
    const double zero = render::data_double(Exact::fraction(-1, 1000), 2);  // "0.00", not "-0.00"
    CHECK(zero == 0.0);
    CHECK_FALSE(std::signbit(zero));
}
