// The decisions pages (render/page_decisions.cpp) of the small fixture site
// with measures added: the plan by kind of decision, the effectiveness of the
// measures of every year up to the page's, newest first, a 2024 measure judged
// with 2025, and spreadsheet text escaped.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "monsite/site/output_sink.hpp"
#include "monsite/site/pipeline.hpp"
#include "monsite/util/error.hpp"
#include "test_support.hpp"

using namespace monsite;
using monsite::test::TempDir;
using monsite::test::write_file;
namespace fs = std::filesystem;

namespace {

const std::string header = "Мероприятие;Вид решения;Направление;Показатель;Код ОО;Срок;Ответственный;Документ\n";

// The small fixture site with a Меры table in 2024 and in 2025.
void make_site(const fs::path& root) {
    fs::copy(fs::path(MONSITE_FIXTURES) / "site-small" / "data", root / "data", fs::copy_options::recursive);
    write_file(root / "data" / "2024" / "Меры.csv",
               header + "Закрепить наставников <b>всем</b>;организующее;young;mentor_coverage;;2024;ИМЦ;Приказ № 1\n"
                        "Тренинги;контролирующее;diagnostics;;s1;2024;Директор;План\n"
                        "Совещание руководителей;координирующее;;;;2024;Управление;Протокол\n"
                        "Наставники в школе;организующее;;mentor_coverage;s2;2024;Директор;Программа\n");
    write_file(root / "data" / "2025" / "Меры.csv",
               header + "Курсы для педагогов;стимулирующее;mastery;;s1;2025;ИМЦ;План-график\n");
}

struct Site {
    TempDir dir;
    site::MemorySink sink;
    Site() {
        make_site(dir.path());
        site::PipelineOptions options;
        options.data_dir = dir.path() / "data";
        options.display_dir = "data";
        options.threads = 1;
        site::Pipeline pipeline(options);
        util::Diagnostics diags;
        REQUIRE(pipeline.load(diags));
        pipeline.compute();
        pipeline.render(sink);
    }
    const std::string& page(const std::string& path) {
        const std::string* body = sink.find(path);
        REQUIRE_MESSAGE(body, path << " is not published");
        return *body;
    }
};

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

// The part of `text` from `from` up to `to` (or the end).
std::string between(const std::string& text, const std::string& from, const std::string& to) {
    auto a = text.find(from);
    if (a == std::string::npos) return {};
    auto b = to.empty() ? std::string::npos : text.find(to, a);
    return text.substr(a, b == std::string::npos ? std::string::npos : b - a);
}

}  // namespace

TEST_CASE("decisions pages: every year has both, the latest at the root") {
    Site s;
    for (const char* path : {"decisions/index.html", "decisions/effectiveness/index.html", "2024/decisions/index.html",
                             "2024/decisions/effectiveness/index.html"})
        CHECK_MESSAGE(s.sink.find(path), path);
    CHECK(s.page("index.html").find("href=\"/decisions/\"") != std::string::npos);  // in the navigation
}

TEST_CASE("decisions pages: the effectiveness of measures, newest year first, 2024 judged with 2025") {
    Site s;
    const std::string& latest = s.page("decisions/effectiveness/index.html");
    const auto at_2025 = latest.find("id=\"effect-2025\""), at_2024 = latest.find("id=\"effect-2024\"");
    REQUIRE(at_2025 != std::string::npos);
    REQUIRE(at_2024 != std::string::npos);
    CHECK(at_2025 < at_2024);
    const std::string y2025 = between(latest, "id=\"effect-2025\"", "id=\"effect-2024\"");
    const std::string y2024 = between(latest, "id=\"effect-2024\"", "");
    // 2025: the one measure, with no year after it.
    CHECK(count(y2025, "data-verdict=") == 1);
    CHECK(count(y2025, "data-verdict=\"too_early\"") == 1);
    // 2024: three measures tied to an indicator or a direction (the meeting is tied to neither), all judged.
    CHECK(count(y2024, "data-verdict=") == 3);
    CHECK(count(y2024, "data-verdict=\"too_early\"") == 0);
    CHECK(y2024.find("Совещание руководителей") == std::string::npos);
    // Spreadsheet text is escaped.
    CHECK(y2024.find("Закрепить наставников &lt;b&gt;всем&lt;/b&gt;") != std::string::npos);
    CHECK(latest.find("<b>всем</b>") == std::string::npos);
    // The method names the thresholds of the rules.
    CHECK(latest.find("5 п. п.") != std::string::npos);

    // The 2024 page shows 2024 only.
    const std::string& archive = s.page("2024/decisions/effectiveness/index.html");
    CHECK(archive.find("id=\"effect-2024\"") != std::string::npos);
    CHECK(archive.find("id=\"effect-2025\"") == std::string::npos);
}

TEST_CASE("decisions pages: the plan of the year's measures by kind of decision, in the contract's order") {
    Site s;
    const std::string& y2024 = s.page("2024/decisions/index.html");
    const auto organizing = y2024.find("data-kind=\"organizing\""), coordinating = y2024.find("data-kind=\"coordinating\""),
               controlling = y2024.find("data-kind=\"controlling\"");
    REQUIRE(organizing != std::string::npos);
    REQUIRE(coordinating != std::string::npos);
    REQUIRE(controlling != std::string::npos);
    CHECK(organizing < coordinating);
    CHECK(coordinating < controlling);
    CHECK(y2024.find("data-kind=\"stimulating\"") == std::string::npos);
    // The meeting (no indicator, no direction) is planned all the same, for the whole municipality.
    CHECK(y2024.find("Совещание руководителей") != std::string::npos);
    CHECK(y2024.find("весь округ") != std::string::npos);
    const std::string& latest = s.page("decisions/index.html");
    CHECK(count(latest, "data-kind=") == 1);
    CHECK(latest.find("data-kind=\"stimulating\"") != std::string::npos);
}
