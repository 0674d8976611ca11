#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "compute_fixtures.hpp"
#include "monsite/config/formula.hpp"
#include "monsite/util/error.hpp"

using namespace monsite;
using model::Comparison;
using model::FormulaKind;
using monsite::test::field_index;
using monsite::test::fraction;

namespace {

const util::SourceLocation here{"каталог.toml", "", 42, 0, true};

model::Formula parse(std::string_view text) { return config::parse_formula(text, here); }

// The error of a formula that must not parse; fails the test if it parses.
util::UsageError parse_error(std::string_view text) {
    try {
        config::parse_formula(text, here);
    } catch (const util::UsageError& e) {
        return e;
    }
    FAIL("formula «" << std::string(text) << "» parsed without an error");
    return util::UsageError("");
}

void check_names_location(const util::UsageError& e) {
    CHECK(e.where().file == "каталог.toml");
    CHECK(e.where().row == 42);
    CHECK(e.where().line_based);
    CHECK(e.to_diagnostic().to_string().find("каталог.toml: строка 42: ") == 0);
}

bool mentions(const util::UsageError& e, const std::string& text) { return e.message().find(text) != std::string::npos; }

}  // namespace

TEST_CASE("formula: a ratio of single fields") {
    model::Formula f = parse("diagnosed / teachers_total");
    CHECK(f.kind == FormulaKind::ratio);
    CHECK(f.text == "diagnosed / teachers_total");
    CHECK(f.numerator == std::vector<std::size_t>{field_index("diagnosed")});
    CHECK(f.denominator == std::vector<std::size_t>{field_index("teachers_total")});
    CHECK(f.inputs().size() == 2);

    // Spacing does not matter; the text is kept trimmed.
    model::Formula tight = parse("  deficits_found/diagnosed ");
    CHECK(tight.kind == FormulaKind::ratio);
    CHECK(tight.text == "deficits_found/diagnosed");
    CHECK(tight.numerator == std::vector<std::size_t>{field_index("deficits_found")});
    CHECK(tight.denominator == std::vector<std::size_t>{field_index("diagnosed")});
}

TEST_CASE("formula: (a + b) / c and a / (a + b)") {
    model::Formula qualified = parse("(cat_highest + cat_first) / teachers_total");
    CHECK(qualified.kind == FormulaKind::ratio);
    CHECK(qualified.numerator == std::vector<std::size_t>{field_index("cat_highest"), field_index("cat_first")});
    CHECK(qualified.denominator == std::vector<std::size_t>{field_index("teachers_total")});
    CHECK(qualified.inputs().size() == 3);  // cat_highest, cat_first, teachers_total

    model::Formula staffing = parse("teachers_total / (teachers_total + vacancies)");
    CHECK(staffing.kind == FormulaKind::ratio);
    CHECK(staffing.numerator == std::vector<std::size_t>{field_index("teachers_total")});
    CHECK(staffing.denominator == std::vector<std::size_t>{field_index("teachers_total"), field_index("vacancies")});
    // inputs() lists each field once: teachers_total and vacancies.
    auto inputs = staffing.inputs();
    CHECK(inputs.size() == 2);
    CHECK(std::find(inputs.begin(), inputs.end(), field_index("teachers_total")) != inputs.end());
    CHECK(std::find(inputs.begin(), inputs.end(), field_index("vacancies")) != inputs.end());

    model::Formula three = parse("(cat_highest + cat_first + higher_ed) / teachers_total");
    CHECK(three.numerator.size() == 3);
}

TEST_CASE("formula: sum and weighted_mean") {
    model::Formula sum = parse("sum(vacancies)");
    CHECK(sum.kind == FormulaKind::sum);
    CHECK(sum.numerator == std::vector<std::size_t>{field_index("vacancies")});
    CHECK(sum.denominator.empty());
    CHECK(sum.inputs() == std::vector<std::size_t>{field_index("vacancies")});

    model::Formula mean = parse("weighted_mean(avg_age, teachers_total)");
    CHECK(mean.kind == FormulaKind::weighted_mean);
    CHECK(mean.numerator == std::vector<std::size_t>{field_index("avg_age")});
    CHECK(mean.weight == field_index("teachers_total"));
    CHECK(mean.inputs().size() == 2);  // the value and its weight

    CHECK(parse("weighted_mean( avg_load ,teachers_total )").weight == field_index("teachers_total"));
}

TEST_CASE("formula: share_of_schools with = да, = нет, > 0, >= 2.5 and the other comparisons") {
    model::Formula model_schools = parse("share_of_schools(mentoring_model = да)");
    CHECK(model_schools.kind == FormulaKind::share_of_schools);
    CHECK(model_schools.numerator == std::vector<std::size_t>{field_index("mentoring_model")});
    CHECK(model_schools.comparison == Comparison::equal);
    CHECK(model_schools.operand == model::Exact(1));  // да is stored as 1

    model::Formula without = parse("share_of_schools(mentoring_model = нет)");
    CHECK(without.comparison == Comparison::equal);
    CHECK(without.operand == model::Exact(0));  // нет is 0

    CHECK(parse("share_of_schools(mentoring_model = Да)").operand == model::Exact(1));  // case does not matter
    CHECK(parse("share_of_schools(mentoring_model = true)").operand == model::Exact(1));

    model::Formula network = parse("share_of_schools(network > 0)");
    CHECK(network.comparison == Comparison::greater);
    CHECK(network.operand == model::Exact(0));
    CHECK(network.numerator == std::vector<std::size_t>{field_index("network")});

    model::Formula load = parse("share_of_schools(avg_load >= 2.5)");
    CHECK(load.comparison == Comparison::greater_equal);
    CHECK(load.operand == fraction(5, 2));  // 2.5 = 5/2

    CHECK(parse("share_of_schools(vacancies != 0)").comparison == Comparison::not_equal);
    CHECK(parse("share_of_schools(vacancies < 3)").comparison == Comparison::less);
    CHECK(parse("share_of_schools(avg_age <= 45.5)").comparison == Comparison::less_equal);
    CHECK(parse("share_of_schools(avg_age <= 45.5)").operand == fraction(91, 2));  // 45.5 = 91/2
    CHECK(parse("share_of_schools(vacancies = 0)").comparison == Comparison::equal);
}

TEST_CASE("formula: mean over teacher rows") {
    model::Formula f = parse("mean(teachers.diag_score)");
    CHECK(f.kind == FormulaKind::teacher_mean);
    CHECK(f.teacher_field == "diag_score");
    CHECK(f.inputs().empty());  // reads no school field
    CHECK(parse("mean(teachers.age)").teacher_field == "age");
    CHECK(parse("mean(teachers.experience)").teacher_field == "experience");
}

TEST_CASE("formula errors name the location passed in") {
    SUBCASE("an unknown field") {
        util::UsageError e = parse_error("diagnozed / teachers_total");
        check_names_location(e);
        CHECK(mentions(e, "неизвестное поле «diagnozed»"));
        CHECK(mentions(e, "формула «diagnozed / teachers_total»"));
        check_names_location(parse_error("diagnosed / (teachers_total + vacansies)"));
        check_names_location(parse_error("sum(teachers)"));
        CHECK(mentions(parse_error("weighted_mean(avg_age, weight)"), "«weight»"));
        // A teacher field is not a school field.
        CHECK(mentions(parse_error("diag_score / teachers_total"), "«diag_score»"));
    }
    SUBCASE("an unknown function") {
        util::UsageError e = parse_error("median(avg_age)");
        check_names_location(e);
        CHECK(mentions(e, "неизвестная функция «median»"));
    }
    SUBCASE("trailing text") {
        util::UsageError e = parse_error("diagnosed / teachers_total extra");
        check_names_location(e);
        CHECK(mentions(e, "лишний текст «extra»"));
        check_names_location(parse_error("sum(vacancies) * 2"));
        check_names_location(parse_error("diagnosed / teachers_total / vacancies"));
    }
    SUBCASE("a missing parenthesis") {
        util::UsageError e = parse_error("(cat_highest + cat_first / teachers_total");
        check_names_location(e);
        CHECK(mentions(e, "ожидалось «)»"));
        util::UsageError end = parse_error("sum(vacancies");
        check_names_location(end);
        CHECK(mentions(end, "ожидалось «)» в конце"));
        check_names_location(parse_error("teachers_total / (teachers_total + vacancies"));
        check_names_location(parse_error("share_of_schools(network > 0"));
    }
    SUBCASE("mean over a table other than teachers, or a non-numeric teacher field") {
        util::UsageError e = parse_error("mean(schools.avg_age)");
        check_names_location(e);
        CHECK(mentions(e, "mean(teachers.поле)"));
        util::UsageError text_field = parse_error("mean(teachers.subject)");
        check_names_location(text_field);
        CHECK(mentions(text_field, "«subject»"));
        check_names_location(parse_error("mean(avg_age)"));
    }
    SUBCASE("other malformed formulas") {
        check_names_location(parse_error(""));
        check_names_location(parse_error("diagnosed"));                          // no "/"
        check_names_location(parse_error("share_of_schools(network 0)"));        // no comparison
        check_names_location(parse_error("share_of_schools(mentoring_model = может)"));
        check_names_location(parse_error("share_of_schools(network > 1.2.3)"));
        check_names_location(parse_error("weighted_mean(avg_age)"));             // no weight
    }
}

TEST_CASE("a number too large to compare exactly is an error in a formula") {
    auto e = parse_error("share_of_schools(students > 99999999999999999999)");
    CHECK(e.message().find("слишком велико") != std::string::npos);
    CHECK(parse("share_of_schools(students > 1000000000)").operand == fraction(1'000'000'000, 1));
}
