// Subject tables from Педагоги (compute/subjects.hpp): means over scored teachers,
// deficit shares over diagnosed teachers, suppressed below min_group at every scope,
// and further cells hidden so that no hidden value can be derived from the totals.
// Every expected value is worked out in the comment next to it.

#include <doctest/doctest.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "compute_fixtures.hpp"

using namespace monsite;
using model::Exact;
using monsite::test::Computed;
using monsite::test::fraction;
using monsite::test::make_dataset;
using monsite::test::make_school;
using monsite::test::make_teacher;
using monsite::test::make_year;

namespace {

Computed run_with(const model::Dataset& data, int min_group) {
    Computed c = test::run_default(data);
    model::Rules rules = c.rules;
    rules.min_group = min_group;
    return test::run(data, c.catalogue, rules);
}

const model::SubjectSummary& subject_of(const std::vector<model::SubjectSummary>& list, const std::string& name) {
    for (const auto& s : list)
        if (s.subject == name) return s;
    FAIL("no subject «" << name << "»");
    throw std::logic_error("unreachable");
}

const std::vector<model::SubjectSummary>& school_subjects(const Computed& c, int year, const std::string& id) {
    for (const auto& s : c.year(year).school_subjects)
        if (s.school_id == id) return s.subjects;
    FAIL("no school «" << id << "»");
    throw std::logic_error("unreachable");
}

// Five teachers of one subject at one school: `diagnosed` of them have a score, the
// first of those has a deficit; the others were not diagnosed but carry «нет» anyway.
model::Dataset five_teachers(int diagnosed) {
    std::vector<model::Teacher> teachers;
    for (int i = 0; i < 5; ++i) {
        bool scored = i < diagnosed;
        teachers.push_back(make_teacher("t" + std::to_string(i), "s1", "Химия",
                                        scored ? std::optional<double>(60 + i) : std::nullopt, scored && i == 0));
    }
    return make_dataset({make_year(2025, {make_school("s1", "A", {})}, teachers)});
}

}  // namespace

TEST_CASE("subjects: five teachers, one or two diagnosed: the deficit share is over the diagnosed, and suppressed") {
    for (int diagnosed : {1, 2}) {
        CAPTURE(diagnosed);
        auto data = five_teachers(diagnosed);
        Computed c = test::run_default(data);  // min_group = 5
        for (const auto* list : {&c.year(2025).subjects, &school_subjects(c, 2025, "s1")}) {
            const auto& chem = subject_of(*list, "Химия");
            CHECK(chem.teachers == 5);
            CHECK(chem.scored == diagnosed);
            // Not 1 of 5 = 20 %: the share is over the diagnosed, 1 or 2 < 5 persons → hidden.
            CHECK_FALSE(chem.deficit_share);
            CHECK(chem.deficit_suppressed);
            CHECK_FALSE(chem.average_score);
            CHECK(chem.average_suppressed);
        }
        // With min_group = 1 the share is shown, over the diagnosed.
        Computed one = run_with(data, 1);
        for (const auto* list : {&one.year(2025).subjects, &school_subjects(one, 2025, "s1")}) {
            const auto& chem = subject_of(*list, "Химия");
            CHECK_FALSE(chem.deficit_suppressed);
            // 1 of 1 = 100 %, or 1 of 2 = 50 %; never 1 of 5 = 20 %.
            CHECK(chem.deficit_share == Exact::fraction(100, diagnosed));
            // Mean of 60 (and 61): 60 or 60.5.
            CHECK(chem.average_score == (diagnosed == 1 ? Exact(60) : fraction(121, 2)));
        }
    }
}

TEST_CASE("subjects: five diagnosed of whom one has a deficit: 20 %") {
    auto data = five_teachers(5);
    Computed c = test::run_default(data);
    for (const auto* list : {&c.year(2025).subjects, &school_subjects(c, 2025, "s1")}) {
        const auto& chem = subject_of(*list, "Химия");
        CHECK(chem.scored == 5);
        CHECK(chem.deficit_share == Exact(20));  // 1 of 5, and 5 is not below 5
        CHECK_FALSE(chem.deficit_suppressed);
        CHECK(chem.average_score == Exact(62));  // (60 + 61 + 62 + 63 + 64) / 5 = 310/5
        CHECK_FALSE(chem.average_suppressed);
    }
}

TEST_CASE("subjects: a diagnosed teacher without a deficit flag, or a flag without a score, is not in the share") {
    auto data = make_dataset({make_year(2025, {make_school("s1", "A", {})},
                                        {
                                            make_teacher("t1", "s1", "Химия", 50, true),
                                            make_teacher("t2", "s1", "Химия", 60, false),
                                            make_teacher("t3", "s1", "Химия", 70, std::nullopt),  // flag unknown
                                            make_teacher("t4", "s1", "Химия", std::nullopt, true),  // not diagnosed
                                        })});
    Computed c = run_with(data, 1);
    const auto& chem = subject_of(c.year(2025).subjects, "Химия");
    CHECK(chem.scored == 3);
    CHECK(chem.average_score == Exact(60));  // (50 + 60 + 70) / 3
    CHECK(chem.deficit_share == Exact(50));  // t1 да, t2 нет: 1 of 2
    SUBCASE("min_group = 3: the mean (3 scored) is shown, the share (2 persons) is hidden") {
        Computed three = run_with(data, 3);
        const auto& chem3 = subject_of(three.year(2025).subjects, "Химия");
        CHECK(chem3.average_score == Exact(60));
        CHECK(chem3.deficit_suppressed);
        CHECK_FALSE(chem3.deficit_share);
    }
}

TEST_CASE("subjects: the municipality is suppressed too when its group is that small") {
    // Two diagnosed physics teachers in each of two schools: 4 < 5 in the municipality as well.
    auto data = make_dataset({make_year(2025, {make_school("s1", "A", {}), make_school("s2", "B", {})},
                                        {
                                            make_teacher("p1", "s1", "Физика", 40, true),
                                            make_teacher("p2", "s1", "Физика", 50, false),
                                            make_teacher("p3", "s2", "Физика", 60, false),
                                            make_teacher("p4", "s2", "Физика", 70, false),
                                        })});
    Computed c = test::run_default(data);
    const auto& physics = subject_of(c.year(2025).subjects, "Физика");
    CHECK(physics.teachers == 4);
    CHECK(physics.scored == 4);
    CHECK(physics.average_suppressed);
    CHECK_FALSE(physics.average_score);
    CHECK(physics.deficit_suppressed);
    CHECK_FALSE(physics.deficit_share);
    Computed four = run_with(data, 4);
    const auto& physics4 = subject_of(four.year(2025).subjects, "Физика");
    CHECK(physics4.average_score == Exact(55));  // (40 + 50 + 60 + 70) / 4
    CHECK(physics4.deficit_share == Exact(25));  // 1 of 4
    CHECK(subject_of(school_subjects(four, 2025, "s1"), "Физика").deficit_suppressed);  // 2 < 4
}

TEST_CASE("subjects: a hidden school value cannot be derived from the municipal value and the other schools") {
    // Математика: s1 has 5 diagnosed (1 deficit), s2 has 2 (both with a deficit). The
    // municipal share 3 of 7 is published; were s1's 1 of 5 shown, s2's 2 of 2 would follow.
    std::vector<model::Teacher> teachers;
    for (int i = 0; i < 5; ++i) teachers.push_back(make_teacher("a" + std::to_string(i), "s1", "Математика", 70, i == 0));
    teachers.push_back(make_teacher("b0", "s2", "Математика", 30, true));
    teachers.push_back(make_teacher("b1", "s2", "Математика", 40, true));
    auto data = make_dataset({make_year(2025, {make_school("s1", "A", {}), make_school("s2", "A", {})}, teachers)});
    Computed c = test::run_default(data);
    const auto& math = subject_of(c.year(2025).subjects, "Математика");
    CHECK(math.deficit_share == fraction(300, 7));  // 3 of 7
    CHECK(math.average_score == Exact(60));         // (5·70 + 30 + 40) / 7 = 420/7
    const auto& s1 = subject_of(school_subjects(c, 2025, "s1"), "Математика");
    const auto& s2 = subject_of(school_subjects(c, 2025, "s2"), "Математика");
    CHECK(s2.deficit_suppressed);  // 2 < 5
    CHECK(s2.average_suppressed);
    CHECK(s1.deficit_suppressed);  // 5 persons, hidden because 7 − 5 = 2 would be revealed
    CHECK_FALSE(s1.deficit_share);
    CHECK(s1.average_suppressed);
    CHECK_FALSE(s1.average_score);

    SUBCASE("with a third school, the smallest published one is hidden beside it") {
        for (int i = 0; i < 6; ++i)
            data.years[0].teachers.push_back(make_teacher("c" + std::to_string(i), "s3", "Математика", 50, false));
        data.years[0].schools.push_back(make_school("s3", "A", {}));
        Computed three = test::run_default(data);
        CHECK(subject_of(school_subjects(three, 2025, "s2"), "Математика").deficit_suppressed);
        CHECK(subject_of(school_subjects(three, 2025, "s1"), "Математика").deficit_suppressed);  // 5 < 6
        CHECK(subject_of(school_subjects(three, 2025, "s3"), "Математика").deficit_share == Exact(0));  // 0 of 6
        CHECK(subject_of(three.year(2025).subjects, "Математика").deficit_share == fraction(300, 13));
    }
}

TEST_CASE("subjects: a hidden subject cannot be derived from its school's total and the other subjects") {
    // s1: Математика 6 scored, Физика 1 scored. The school's diag_score_avg (7 scored) is
    // published; with Математика shown the physics teacher's own score would follow.
    std::vector<model::Teacher> teachers;
    for (int i = 0; i < 6; ++i) teachers.push_back(make_teacher("m" + std::to_string(i), "s1", "Математика", 80, false));
    teachers.push_back(make_teacher("f0", "s1", "Физика", 20, true));
    auto data = make_dataset({make_year(2025, {make_school("s1", "A", {})}, teachers)});
    Computed c = test::run_default(data);
    for (const auto* list : {&c.year(2025).subjects, &school_subjects(c, 2025, "s1")}) {
        CHECK(subject_of(*list, "Физика").average_suppressed);
        CHECK(subject_of(*list, "Математика").average_suppressed);
        CHECK_FALSE(subject_of(*list, "Математика").average_score);
        CHECK(subject_of(*list, "Математика").deficit_suppressed);
        CHECK(subject_of(*list, "Математика").teachers == 6);  // counts stay
    }
    // The school's own mean is the contract's diag_score_avg: (6·80 + 20) / 7, published (7 ≥ 5).
    REQUIRE(c.school(2025, "s1", "diag_score_avg"));
    CHECK(c.school(2025, "s1", "diag_score_avg")->value == fraction(500, 7));
}

TEST_CASE("subjects: byte order, an unspecified subject empty and last, schools without teachers, years without Педагоги") {
    auto data = make_dataset({
        make_year(2024, {make_school("s1", "A", {})}),  // no Педагоги
        make_year(2025, {make_school("s1", "A", {}), make_school("s2", "A", {})},
                  {make_teacher("t1", "s1", "Физика", 50, false), make_teacher("t3", "s1", "", std::nullopt, std::nullopt),
                   make_teacher("t2", "s1", "Математика", 60, false), make_teacher("t4", "s1", "Алгебра", 70, false)}),
    });
    Computed c = run_with(data, 1);
    CHECK_FALSE(c.year(2024).has_subjects);
    CHECK(c.year(2024).subjects.empty());
    CHECK(c.year(2024).school_subjects.empty());
    const auto& year = c.year(2025);
    REQUIRE(year.has_subjects);
    REQUIRE(year.school_subjects.size() == 2);
    CHECK(year.school_subjects[0].school_id == "s1");
    CHECK(year.school_subjects[1].school_id == "s2");
    CHECK(year.school_subjects[1].subjects.empty());
    // Byte order: "Алгебра" (D0 90) < "Математика" (D0 9C) < "Физика" (D0 A4); then the
    // teacher without a subject, as an empty name, although "" comes first by bytes.
    for (const auto* list : {&year.subjects, &year.school_subjects[0].subjects}) {
        REQUIRE(list->size() == 4);
        CHECK((*list)[0].subject == "Алгебра");
        CHECK((*list)[1].subject == "Математика");
        CHECK((*list)[2].subject == "Физика");
        CHECK((*list)[3].subject.empty());
        CHECK((*list)[3].teachers == 1);
        CHECK_FALSE((*list)[3].average_score);  // nobody scored: nothing to suppress either
        CHECK_FALSE((*list)[3].average_suppressed);
        CHECK_FALSE((*list)[3].deficit_suppressed);
    }
}

TEST_CASE("subjects: teachers without a subject are protected like any subject") {
    // s1: 6 scored in Химия and 2 scored without a subject; min_group 5. The unspecified
    // row is hidden (2 < 5); the school's mean over all 8 is published, so a visible
    // Химия would give the other 2 away: Химия is hidden too, at the school and (the
    // same line) in the municipality. Both measures alike.
    std::vector<model::Teacher> teachers;
    for (int i = 0; i < 6; ++i) teachers.push_back(make_teacher("c" + std::to_string(i), "s1", "Химия", 60, false));
    teachers.push_back(make_teacher("u1", "s1", "", 40, true));
    teachers.push_back(make_teacher("u2", "s1", "", 50, false));
    auto data = make_dataset({make_year(2025, {make_school("s1", "A", {})}, teachers)});
    Computed c = run_with(data, 5);
    for (const auto* list : {&c.year(2025).subjects, &school_subjects(c, 2025, "s1")}) {
        REQUIRE(list->size() == 2);
        CHECK((*list)[0].subject == "Химия");
        CHECK((*list)[0].average_suppressed);
        CHECK((*list)[0].deficit_suppressed);
        CHECK((*list)[1].subject.empty());
        CHECK((*list)[1].teachers == 2);
        CHECK((*list)[1].average_suppressed);
        CHECK_FALSE((*list)[1].average_score);
        CHECK((*list)[1].deficit_suppressed);
    }
}
