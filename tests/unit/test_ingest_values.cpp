#include <doctest/doctest.h>

#include "monsite/ingest/values.hpp"

using namespace monsite::ingest;

TEST_CASE("numbers written the Russian way") {
    CHECK(parse_number_text("12") == 12);
    CHECK(parse_number_text(" 12,5 ") == 12.5);
    CHECK(parse_number_text("1 234,5") == 1234.5);
    CHECK(parse_number_text("1\u00a0234") == 1234);
    CHECK(parse_number_text("1\u202f234") == 1234);
    CHECK(parse_number_text("1\u2009234") == 1234);
    CHECK(parse_number_text("1 200") == 1200);
    CHECK(parse_number_text("12 345 678") == 12345678);
    CHECK(parse_number_text("123 456,25") == 123456.25);
    CHECK(parse_number_text("1234") == 1234);
    CHECK(parse_number_text("25%") == 25);
    CHECK(parse_number_text("25 %") == 25);
    CHECK(parse_number_text("12.0") == 12);
    CHECK(parse_number_text("\u22123") == -3);
    CHECK(parse_number_text("-3,5") == -3.5);
    CHECK(parse_number_text("- 3") == -3);
    CHECK(parse_number_text("+7") == 7);
    CHECK(parse_number_text(",5") == 0.5);
    CHECK(parse_number_text("007") == 7);
    CHECK_FALSE(parse_number_text("много"));
    CHECK_FALSE(parse_number_text(""));
    CHECK_FALSE(parse_number_text("   "));
    CHECK_FALSE(parse_number_text("1.234,5"));
    CHECK_FALSE(parse_number_text("12 шт"));
    CHECK_FALSE(parse_number_text("%"));
    CHECK_FALSE(parse_number_text("inf"));
    CHECK_FALSE(parse_number_text("nan"));
    CHECK_FALSE(parse_number_text("1e999"));
}

TEST_CASE("strict numbers: what does not read unambiguously is refused, and why") {
    auto problem = [](std::string_view text) { return read_number_text(text).problem; };
    // A space is a thousands separator only between groups of three digits.
    for (const char* text : {"1 2", "12 34", "1 2345", "1234 567", "1  200", "1 200 30", "1 ,5", "0,123 4"}) {
        INFO(text);
        CHECK_FALSE(read_number_text(text).value);
        CHECK(problem(text) == NumberProblem::bad_grouping);
    }
    // Words, units, ranges, exponents, stray signs.
    for (const char* text : {"12 шт", "около 12", "12-15", "1/2", "1e3", "12%%", "% 12", "12,", "--5", "5-", "12 чел."}) {
        INFO(text);
        CHECK_FALSE(read_number_text(text).value);
        CHECK(problem(text) == NumberProblem::extra_text);
    }
    CHECK(problem("1.234,5") == NumberProblem::several_marks);
    CHECK(problem("1,2,3") == NumberProblem::several_marks);
    CHECK(problem("много") == NumberProblem::no_digits);
    CHECK(problem("%") == NumberProblem::no_digits);
    CHECK(problem("—") == NumberProblem::no_digits);
    CHECK(problem("12") == NumberProblem::none);
}

TEST_CASE("a trailing % is remembered, so that counts can refuse it") {
    auto r = read_number_text("45%");
    CHECK(r.value == 45);
    CHECK(r.percent);
    r = read_number_text(" 4,5 % ");
    CHECK(r.value == 4.5);
    CHECK(r.percent);
    r = read_number_text("45");
    CHECK(r.value == 45);
    CHECK_FALSE(r.percent);
    // Far too long a number reads as a huge value (the loader says "too large"), never as a wrong small one.
    r = read_number_text(std::string(400, '9'));
    REQUIRE(r.value);
    CHECK(*r.value > 1e9);
}

TEST_CASE("Russian and English booleans") {
    for (const char* yes : {"да", "Да", "ДА", "д", "yes", "True", "истина", "1", "+"}) CHECK(parse_boolean_text(yes) == true);
    for (const char* no : {"нет", "Н", "no", "FALSE", "ложь", "0", "-", "\u2212"}) CHECK(parse_boolean_text(no) == false);
    CHECK_FALSE(parse_boolean_text("может быть"));
    CHECK_FALSE(parse_boolean_text(""));
}

TEST_CASE("cells: percent format, booleans, codes typed as numbers") {
    Table t("Лист", {"f.xlsx", "Лист"});
    t.begin_row(1);
    t.add_number(1, 0.29, true);
    t.add_number(2, 101);
    t.add_boolean(3, true);
    t.add_text(4, " 67 % ");
    t.add_error(5, "#DIV/0!");
    t.add_number(6, 12.5);
    t.end_row();
    auto cells = t.cells(t.rows().front());
    REQUIRE(cells.size() == 6);
    CHECK(cell_number(t, cells[0]) == 29);  // exact, not 28.999999999999996
    CHECK(read_cell_number(t, cells[0]).percent);   // a percent-formatted cell is percent units, like "29%"
    CHECK_FALSE(read_cell_number(t, cells[1]).percent);
    CHECK(read_cell_number(t, cells[3]).percent);
    CHECK(read_cell_number(t, cells[2]).problem == NumberProblem::no_digits);  // a boolean is no number
    CHECK(cell_text(t, cells[1]) == "101");
    CHECK(cell_boolean(t, cells[2]) == true);
    CHECK(cell_boolean(t, cells[1]) == std::nullopt);
    CHECK(cell_number(t, cells[3]) == 67);
    CHECK_FALSE(cell_number(t, cells[4]));
    CHECK(cell_text(t, cells[5]) == "12.5");
    CHECK(cell_for_message(t, cells[0]) == "«29 %»");
    CHECK(is_whole(12.000000000001));
    CHECK_FALSE(is_whole(12.5));
}

TEST_CASE("table keeps rows sorted and the last of repeated columns") {
    Table t("T", {"f.csv"});
    t.begin_row(3);
    t.add_text(2, "b");
    t.add_text(1, "a");
    t.add_text(2, "c");
    t.add_text(3, "");  // empty: not stored
    t.begin_row(4);     // empty row: dropped
    t.begin_row(5);
    t.add_number(7, 1);
    t.end_row();
    REQUIRE(t.rows().size() == 2);
    auto first = t.cells(t.rows()[0]);
    REQUIRE(first.size() == 2);
    CHECK(t.text(first[0]) == "a");
    CHECK(t.text(first[1]) == "c");
    CHECK(t.rows()[1].index == 5);
}
