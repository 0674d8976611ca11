#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "compute_fixtures.hpp"
#include "monsite/compute/summary.hpp"
#include "monsite/config/i18n.hpp"
#include "monsite/render/school_view.hpp"
#include "monsite/render/pages.hpp"
#include "monsite/render/site_json.hpp"

using namespace monsite;
using monsite::test::make_dataset;
using monsite::test::make_school;
using monsite::test::make_year;
using monsite::test::rated_school;

namespace {

using json = nlohmann::ordered_json;

model::Dataset dataset() {
    model::SchoolYear h = rated_school("h", "A", {{"diag_coverage", 2}, {"courses_share", 1}, {"competitions_share", 2}});
    h.fields[test::field_index("students")] = 1234;
    return make_dataset({make_year(2024, {rated_school("h", "A", {{"diag_coverage", 1}})}),
                         make_year(2025, {h,
                                          rated_school("m", "A", {{"diag_coverage", 1}, {"mentors_share", 2}}),
                                          rated_school("l", "B", {{"diag_coverage", 0}, {"courses_share", 0}}),
                                          make_school("z", "B", {{"teachers_total", 100}})})});
}

double fixed2(const model::Exact& v) { return std::stod(v.to_fixed(2)); }

// The view of every school of 2025 agrees with the compute results, in either language.
void check_views(const test::Computed& c, const model::Dataset& data, const config::TextCatalogue& texts) {
    const auto& year = c.year(2025);
    const int ranked = compute::ranked_count(year);
    CHECK(ranked == 3);
    for (const auto& s : data.find_year(2025)->schools) {
        INFO(s.school_id);
        const auto& g = c.grouping(2025, s.school_id);
        const render::SchoolView v = render::school_view(texts, c.catalogue, s, g, ranked, "/base/");
        CHECK(v.id == s.school_id);
        CHECK(v.group == g.group);
        CHECK(v.rank == g.rank);
        CHECK(v.rank_of == ranked);
        CHECK(v.composite.has_value() == g.composite.has_value());
        if (g.composite) CHECK(*v.composite == fixed2(*g.composite));
        REQUIRE(v.directions.size() == g.directions.size());
        for (std::size_t i = 0; i < g.directions.size(); ++i) {
            CHECK(v.directions[i].id == g.directions[i].direction);
            CHECK(v.directions[i].level == g.directions[i].level);
            CHECK(v.directions[i].mean.has_value() == g.directions[i].mean.has_value());
            if (g.directions[i].mean) CHECK(*v.directions[i].mean == fixed2(*g.directions[i].mean));
        }
        CHECK(v.href == "/base/schools/" + s.school_id + "/");

        const json j = v.to_json();
        CHECK(j["id"] == s.school_id);
        CHECK(j["group"] == model::to_string(g.group));
        CHECK(j["rank_value"] == g.rank);
        CHECK(j["rank_of"] == ranked);
        CHECK(j["ranked"] == (g.rank > 0));
        CHECK(j["rank"] == (g.rank ? std::to_string(g.rank) : "—"));
        if (g.composite) CHECK(j["composite_value"] == fixed2(*g.composite));
        else CHECK(j["composite_value"].is_null());
        CHECK(j["direction_levels"].size() == g.directions.size());
    }
}

}  // namespace

TEST_CASE("school view: numbers from the compute results, texts in the catalogue's language") {
    const model::Dataset data = dataset();
    const auto c = test::run_default(data);
    const auto ru = config::builtin_texts(util::Language::ru);
    const auto en = config::builtin_texts(util::Language::en);
    check_views(c, data, ru);
    check_views(c, data, en);

    const auto& h = data.find_year(2025)->schools[0];
    REQUIRE(h.school_id == "h");
    const auto& g = c.grouping(2025, "h");
    REQUIRE(g.composite);
    REQUIRE(g.rank == 1);
    const auto vr = render::school_view(ru, c.catalogue, h, g, 3, "/");
    const auto ve = render::school_view(en, c.catalogue, h, g, 3, "/");
    // Same numbers, different texts.
    CHECK(vr.composite == ve.composite);
    CHECK(vr.students == 1234);
    CHECK(ve.students == 1234);
    CHECK(vr.students_text != ve.students_text);
    CHECK(vr.teachers == 100);
    CHECK(vr.staff_text != ve.staff_text);
    CHECK(vr.to_json()["teachers"] == 100);
    CHECK(vr.group_name != ve.group_name);
    CHECK(vr.rank_text != ve.rank_text);
    const std::string fixed = g.composite->to_fixed(2);
    if (fixed.find('.') != std::string::npos && fixed.substr(fixed.size() - 2) != "00") {
        CHECK(vr.composite_text.find(',') != std::string::npos);
        CHECK(ve.composite_text.find('.') != std::string::npos);
    }
    CHECK(vr.to_json()["composite"] == vr.composite_text);
    CHECK(ve.to_json()["composite"] == ve.composite_text);

    // An unranked school: no composite, rank 0, "—".
    const auto& z = data.find_year(2025)->schools.back();
    REQUIRE(z.school_id == "z");
    const auto vz = render::school_view(ru, c.catalogue, z, c.grouping(2025, "z"), 3, "/");
    CHECK_FALSE(vz.composite);
    CHECK(vz.rank == 0);
    CHECK(vz.composite_text == "—");
    CHECK(vz.to_json()["ranked"] == false);
}

TEST_CASE("school view: site.json's school entry is the view's JSON") {
    const model::Dataset data = dataset();
    const auto c = test::run_default(data);
    for (auto language : {util::Language::ru, util::Language::en}) {
        const auto texts = config::builtin_texts(language);
        render::SiteInfo site{"M", "D", "/base/", std::string(util::to_string(language)), {2024, 2025}};
        const render::PagesInput in{site, data, c.results, c.catalogue, c.rules, texts, {}};
        const json root = json::parse(render::site_json(in));
        for (int y : {2024, 2025}) {
            const json& year = root["by_year"][y - 2024];
            REQUIRE(year["year"] == y);
            const auto& schools = data.find_year(y)->schools;
            REQUIRE(year["schools"].size() == schools.size());
            const std::string base = y == 2025 ? "/base/" : "/base/2024/";
            for (std::size_t i = 0; i < schools.size(); ++i) {
                INFO(y << " " << schools[i].school_id);
                json entry = year["schools"][i];
                CHECK(entry.contains("partners"));
                CHECK(entry.contains("values"));
                CHECK(entry.contains("recommendations"));
                entry.erase("partners");
                entry.erase("values");
                entry.erase("recommendations");
                const auto& results = *c.results.find_year(y);
                const auto view = render::school_view(texts, c.catalogue, schools[i], *results.grouping(schools[i].school_id),
                                                      compute::ranked_count(results), base);
                CHECK(entry == view.to_json());
            }
        }
    }
}
