// Privacy of the subject tables in what a build publishes (site.json, the subjects
// page and the school page): a deficit share over one diagnosed teacher of five is
// neither «20 %» (the wrong denominator) nor «100 %», but «скрыто» with its note.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "monsite/site/build.hpp"
#include "monsite/util/error.hpp"
#include "test_support.hpp"

using namespace monsite;
using monsite::test::TempDir;
using monsite::test::read_bytes;
using monsite::test::write_file;
namespace fs = std::filesystem;

namespace {

// School s1 teaches chemistry with five teachers; only C1 was diagnosed, and has a
// deficit; the four others carry «нет» in the deficit column without a score.
void write_data(const fs::path& data) {
    write_file(data / "2025/ОО.csv", "Код ОО;Наименование ОО;Тип ОО\ns1;Школа один;СОШ\n");
    write_file(data / "2025/Кадры.csv", "Код ОО;Всего педагогических работников;Вакансии\ns1;5;0\n");
    write_file(data / "2025/Развитие.csv",
               "Код ОО;Прошли диагностику профессиональных дефицитов;Выявлены профессиональные дефициты\ns1;1;1\n");
    write_file(data / "2025/Педагоги.csv",
               "Код педагога;Код ОО;Предмет;Результат диагностики, %;Выявлен дефицит\n"
               "C1;s1;Химия;48;да\n"
               "C2;s1;Химия;;нет\n"
               "C3;s1;Химия;;нет\n"
               "C4;s1;Химия;;нет\n"
               "C5;s1;Химия;;нет\n");
}

// The table row of a subject on a page, from its header cell to the end of the row.
std::string subject_row(const std::string& page, const std::string& subject) {
    auto start = page.find("<th scope=\"row\">" + subject + "</th>");
    if (start == std::string::npos) return {};
    return page.substr(start, page.find("</tr>", start) - start);
}

std::optional<site::BuildReport> build(const TempDir& dir, util::Diagnostics& diags) {
    site::BuildOptions options;
    options.data_dir = dir / "data";
    options.display_dir = "data";
    options.out_dir = dir / "public";
    options.threads = 1;
    return site::build_site(options, diags);
}

}  // namespace

TEST_CASE("site privacy: a subject share over one diagnosed teacher is suppressed on every page and in site.json") {
    TempDir dir;
    write_data(dir / "data");
    util::Diagnostics diags;
    REQUIRE(build(dir, diags));

    const nlohmann::json site = nlohmann::json::parse(read_bytes(dir / "public/data/site.json"));
    const auto& year = site["by_year"][0];
    for (const auto* list : {&year["subjects"], &year["school_subjects"]["s1"]}) {
        REQUIRE(list->size() == 1);
        const auto& chem = (*list)[0];
        CHECK(chem["subject"] == "Химия");
        CHECK(chem["teachers"] == 5);
        CHECK(chem["scored"] == 1);
        CHECK_FALSE(chem.contains("deficit_share"));
        CHECK(chem["deficit_suppressed"] == true);
        CHECK_FALSE(chem.contains("average_score"));
        CHECK(chem["average_suppressed"] == true);
    }

    for (const char* page : {"subjects/index.html", "schools/s1/index.html"}) {
        INFO(page);
        const std::string row = subject_row(read_bytes(dir / "public" / page), "Химия");
        REQUIRE_FALSE(row.empty());
        CHECK(row.find("20\u202f%") == std::string::npos);
        CHECK(row.find("100\u202f%") == std::string::npos);
        CHECK(row.find("48") == std::string::npos);
        // The same note as any suppressed value.
        CHECK(row.find("title=\"Скрыто: слишком мало педагогов для публикации\">скрыто</span>") != std::string::npos);
    }
}

TEST_CASE("site privacy: with min_group = 1 the share is over the diagnosed: 100 %, never 20 %") {
    TempDir dir;
    write_data(dir / "data");
    write_file(dir / "data/site.toml", "min_group = 1\n");
    util::Diagnostics diags;
    REQUIRE(build(dir, diags));
    const nlohmann::json site = nlohmann::json::parse(read_bytes(dir / "public/data/site.json"));
    const auto& chem = site["by_year"][0]["subjects"][0];
    CHECK(chem["deficit_share"] == 100.0);
    CHECK(chem["average_score"] == 48.0);
    const std::string row = subject_row(read_bytes(dir / "public/subjects/index.html"), "Химия");
    CHECK(row.find("100\u202f%") != std::string::npos);
    CHECK(row.find("20\u202f%") == std::string::npos);
}
