#include <doctest/doctest.h>

#include <string>

#include "monsite/config/i18n.hpp"
#include "monsite/model/exact.hpp"
#include "monsite/model/indicator.hpp"
#include "monsite/render/format.hpp"
#include "monsite/util/number_format.hpp"

using namespace monsite;
using util::Language;

namespace {

const std::string nnbsp = "\u202f";  // narrow no-break space
const std::string nbsp = "\u00a0";
const std::string minus = "\u2212";

model::Indicator indicator(model::Unit unit) {
    model::Indicator ind;
    ind.unit = unit;
    return ind;
}

}  // namespace

TEST_CASE("format_decimal: Russian comma and narrow spaces from five digits") {
    CHECK(util::format_decimal("30.50", Language::ru, true) == "30,5");
    CHECK(util::format_decimal("30.50", Language::ru, false) == "30,50");
    CHECK(util::format_decimal("1234", Language::ru, true) == "1234");
    CHECK(util::format_decimal("12345.00", Language::ru, true) == "12" + nnbsp + "345");
    CHECK(util::format_decimal("-1234567.25", Language::ru, true) == minus + "1" + nnbsp + "234" + nnbsp + "567,25");
    CHECK(util::format_decimal("-0.00", Language::ru, true) == "0");
    CHECK(util::format_decimal("abc", Language::ru, true) == "abc");
}

TEST_CASE("format_decimal: English point and thousands comma from four digits") {
    CHECK(util::format_decimal("30.50", Language::en, true) == "30.5");
    CHECK(util::format_decimal("1234", Language::en, true) == "1,234");
    CHECK(util::format_decimal("123", Language::en, true) == "123");
    CHECK(util::format_decimal("-1234567.25", Language::en, false) == minus + "1,234,567.25");
    CHECK(util::format_integer(12345, Language::en) == "12,345");
    CHECK(util::format_integer(12345, Language::ru) == "12" + nnbsp + "345");
}

TEST_CASE("format_percent: 30,5 % and 30.5%") {
    CHECK(util::format_percent("30.50", Language::ru) == "30,5" + nnbsp + "%");
    CHECK(util::format_percent("30.50", Language::en) == "30.5%");
    CHECK(util::format_percent("100.0", Language::ru) == "100" + nnbsp + "%");
    CHECK(util::format_percent("0.0", Language::en) == "0%");
}

TEST_CASE("format_change: sign, unit, zero") {
    CHECK(util::format_change("1.2", Language::ru, true) == "+1,2" + nnbsp + "п." + nbsp + "п.");
    CHECK(util::format_change("1.2", Language::en, true) == "+1.2" + nbsp + "pp");
    CHECK(util::format_change("-17.2", Language::ru, true) == minus + "17,2" + nnbsp + "п." + nbsp + "п.");
    CHECK(util::format_change("-3", Language::en, false) == minus + "3");
    CHECK(util::format_change("0.0", Language::ru, true) == "0");
    CHECK(util::format_change("-0.0", Language::en, true) == "0");
    CHECK(util::format_change("12345", Language::en, false) == "+12,345");
}

TEST_CASE("shown_number: the whole part and a visible fraction") {
    CHECK(util::shown_number("12.50", true).whole == 12);
    CHECK(util::shown_number("12.50", true).fraction);
    CHECK_FALSE(util::shown_number("12.00", true).fraction);
    CHECK(util::shown_number("12.00", false).fraction);
    CHECK(util::shown_number("-21", true).whole == 21);
}

TEST_CASE("value_text and change_text: English, and counted units in both") {
    const auto en = config::builtin_texts(Language::en), ru = config::builtin_texts(Language::ru);
    const auto percent = indicator(model::Unit::percent), years = indicator(model::Unit::years),
               rates = indicator(model::Unit::rates), count = indicator(model::Unit::count);
    CHECK(render::value_text(en, percent, model::Exact::fraction(61, 2)) == "30.5%");
    CHECK(render::value_text(en, count, model::Exact(12345)) == "12,345");
    CHECK(render::change_text(en, percent, model::Exact::fraction(6, 5)) == "+1.2" + nbsp + "pp");
    CHECK(render::value_text(en, years, model::Exact(42)) == "42" + nbsp + "years");
    CHECK(render::value_text(ru, years, model::Exact(42)) == "42" + nnbsp + "года");
    CHECK(render::value_text(ru, years, model::Exact(45)) == "45" + nnbsp + "лет");
    CHECK(render::value_text(ru, rates, model::Exact::fraction(3, 2)) == "1,5" + nnbsp + "ставки");
    CHECK(render::change_text(ru, years, model::Exact(-1)) == minus + "1" + nnbsp + "год");
    CHECK(render::change_text(en, years, model::Exact::fraction(3, 2)) == "+1.5" + nbsp + "years");
    CHECK(render::change_text(ru, years, model::Exact(0)) == "0");
}
