#include <doctest/doctest.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <string>
#include <vector>

#include "monsite/config/config.hpp"
#include "monsite/site/columns.hpp"
#include "monsite/site/load.hpp"
#include "test_support.hpp"

using namespace monsite;
using monsite::test::TempDir;
using monsite::test::write_file;

namespace {

struct Run {
    model::Dataset dataset;
    util::Diagnostics diags;
    std::vector<std::string> notes;
    bool has(const std::string& text) const {
        return std::any_of(diags.all().begin(), diags.all().end(),
                           [&](const auto& d) { return d.to_string().find(text) != std::string::npos; });
    }
    std::size_t count(const std::string& text) const {
        return std::count_if(diags.all().begin(), diags.all().end(),
                             [&](const auto& d) { return d.to_string().find(text) != std::string::npos; });
    }
    std::string dump() const {
        std::string out;
        for (const auto& d : diags.all()) out += d.to_string() + "\n";
        return out;
    }
};

Run load(const std::filesystem::path& dir) {
    Run run;
    site::LoadOptions options;
    options.data_dir = dir;
    options.display_dir = "data";
    options.threads = 1;
    options.on_note = [&run](std::string_view note) { run.notes.emplace_back(note); };
    run.dataset = site::load_dataset(options, run.diags);
    return run;
}

std::filesystem::path warning_case(const std::string& name) {
    return std::filesystem::path(MONSITE_FIXTURES) / ".." / "warnings" / name / "data";
}

// Every school's fields and texts must be equal in the two years.
void check_years_equal(const Run& run) {
    REQUIRE(run.dataset.years.size() == 2);
    const auto& a = run.dataset.years[0];
    const auto& b = run.dataset.years[1];
    REQUIRE(a.schools.size() == 3);
    REQUIRE(b.schools.size() == a.schools.size());
    for (std::size_t i = 0; i < a.schools.size(); ++i) {
        INFO(a.schools[i].school_id);
        CHECK(a.schools[i].school_id == b.schools[i].school_id);
        CHECK(a.schools[i].name == b.schools[i].name);
        CHECK(a.schools[i].cluster == b.schools[i].cluster);
        CHECK(a.schools[i].fields == b.schools[i].fields);
    }
}

const char* const register_csv = "Код ОО;Наименование ОО;Тип ОО\ns1;СОШ № 1;СОШ\ns2;ООШ № 2;ООШ\n";
const char* const development_csv = "Код ОО;Педагоги-наставники\ns1;4\ns2;1\n";

}  // namespace

TEST_CASE("title rows above the header: CSV and XLSX read the same values, -v says where") {
    Run run = load(warning_case("title_rows_above_header"));
    INFO(run.dump());
    CHECK_FALSE(run.diags.has_errors());
    CHECK_FALSE(run.has("не предусмотрен"));
    check_years_equal(run);
    const auto* s1 = run.dataset.years[1].find_school("sch01");
    REQUIRE(s1);
    CHECK(s1->field("teachers_total") == 52);
    CHECK(s1->field("cat_highest") == 18);
    CHECK(s1->field("mentors") == 6);
    CHECK(run.dataset.years[1].rows.at("Кадры") == 3);  // the title rows are not data
    CHECK(run.notes == std::vector<std::string>{
                           "data/2024/Кадры.csv: строка заголовков — 4",
                           "data/2024/ОО.csv: строка заголовков — 4",
                           "data/2024/Развитие.csv: строка заголовков — 4",
                           "data/2025/мониторинг.xlsx: ОО: строка заголовков — 3",
                           "data/2025/мониторинг.xlsx: Кадры: строка заголовков — 4",
                           "data/2025/мониторинг.xlsx: Развитие: строка заголовков — 4",
                       });
}

TEST_CASE("a two-row header: merged in XLSX, carried in CSV, every column found") {
    Run run = load(warning_case("two_row_header"));
    INFO(run.dump());
    CHECK_FALSE(run.diags.has_errors());
    CHECK_FALSE(run.has("не предусмотрен"));
    check_years_equal(run);
    for (const auto& year : run.dataset.years) {
        const auto* s1 = year.find_school("sch01");
        REQUIRE(s1);
        CHECK(s1->field("young_0_3") == 6);
        CHECK(s1->field("young_0_1") == 2);
        CHECK(s1->field("young_with_mentor") == 5);
        CHECK(s1->field("cat_highest") == 18);
    }
    CHECK(run.notes == std::vector<std::string>{"data/2024/Кадры.csv: строки заголовков — 1–2",
                                                "data/2025/мониторинг.xlsx: Кадры: строки заголовков — 2–3"});
}

TEST_CASE("a missing column names the indicators it feeds; the previous year's columns are remembered") {
    Run run = load(warning_case("missing_column_cat_highest"));
    INFO(run.dump());
    CHECK_FALSE(run.diags.has_errors());
    CHECK(run.has("data/2025/мониторинг.xlsx: Кадры: предупреждение: нет столбца «Высшая квалификационная категория», "
                  "хотя в данных 2024 года он заполнен; без него для школ из этой таблицы не будет рассчитан показатель "
                  "«Доля педагогов с высшей и первой квалификационными категориями»"));
    CHECK_FALSE(run.has("data/2024/мониторинг.xlsx: Кадры: предупреждение: нет столбца «Высшая"));
    CHECK(run.notes.empty());  // every header on row 1
}

TEST_CASE("a column only the previous year had, with no indicator reading it") {
    TempDir dir;
    write_file(dir / "2024/ОО.csv", "Код ОО;Наименование ОО;Тип ОО;Территория\ns1;СОШ № 1;СОШ;город\ns2;ООШ № 2;ООШ;\n");
    write_file(dir / "2025/ОО.csv", register_csv);
    for (const char* year : {"2024", "2025"}) {
        write_file(dir / (std::string(year) + "/Кадры.csv"),
                   "Код ОО;Всего педагогических работников;Вакансии\ns1;40;2\ns2;10;0\n");
        write_file(dir / (std::string(year) + "/Развитие.csv"), development_csv);
    }
    Run run = load(dir.path());
    INFO(run.dump());
    CHECK_FALSE(run.diags.has_errors());
    CHECK(run.has("data/2025/ОО.csv: предупреждение: нет столбца «Территория», хотя в данных 2024 года он заполнен; "
                  "его значений за 2025 год не будет"));
    CHECK_FALSE(run.has("data/2024/ОО.csv: предупреждение: нет столбца «Территория»"));
    // A column nobody filled in is not missed.
    CHECK_FALSE(run.has("нет столбца «Краткое наименование»"));
}

TEST_CASE("a slip in a header: the unknown column gets a suggestion, the missing one names it") {
    TempDir dir;
    write_file(dir / "2025/ОО.csv", register_csv);
    write_file(dir / "2025/Кадры.csv", "Код ОО;Всего педагогических работников;Вакансии\ns1;40;2\ns2;10;0\n");
    write_file(dir / "2025/Развитие.csv", "Код ОО;Педагоги наставники\ns1;4\ns2;1\n");
    Run run = load(dir.path());
    INFO(run.dump());
    CHECK_FALSE(run.diags.has_errors());
    CHECK(run.has("data/2025/Развитие.csv: строка 1, столбец 2: предупреждение: столбец «Педагоги наставники» не "
                  "предусмотрен форматом данных и пропущен; возможно, имелся в виду столбец «Педагоги-наставники»"));
    CHECK(run.has("data/2025/Развитие.csv: предупреждение: нет столбца «Педагоги-наставники»; без него для школ из "
                  "этой таблицы не будет рассчитан показатель «Доля педагогов-наставников»; возможно, это столбец "
                  "«Педагоги наставники» (строка 1, столбец 2)"));
}

TEST_CASE("a column missing from several files of a year is one warning naming the files") {
    TempDir dir;
    write_file(dir / "2025/ОО.csv", register_csv);
    write_file(dir / "2025/Развитие.csv", development_csv);
    // Each school sends its own workbook with its Кадры row; neither has «Высшая квалификационная категория».
    for (const char* school : {"s1", "s2"}) {
        std::string path = (dir / (std::string("2025/школа_") + school + ".xlsx")).string();
        lxw_workbook* wb = workbook_new(path.c_str());
        REQUIRE(wb);
        lxw_worksheet* ws = workbook_add_worksheet(wb, "Кадры");
        worksheet_write_string(ws, 0, 0, "Код ОО", nullptr);
        worksheet_write_string(ws, 0, 1, "Всего педагогических работников", nullptr);
        worksheet_write_string(ws, 0, 2, "Вакансии", nullptr);
        worksheet_write_string(ws, 1, 0, school, nullptr);
        worksheet_write_number(ws, 1, 1, 20, nullptr);
        worksheet_write_number(ws, 1, 2, 1, nullptr);
        REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
    }
    Run run = load(dir.path());
    INFO(run.dump());
    CHECK_FALSE(run.diags.has_errors());
    CHECK(run.count("нет столбца «Высшая квалификационная категория»") == 1);
    CHECK(run.has("data/2025: предупреждение: нет столбца «Высшая квалификационная категория» в таблице «Кадры» в 2 "
                  "файлах: школа_s1.xlsx, школа_s2.xlsx; без него для школ из этой таблицы не будет рассчитан "
                  "показатель «Доля педагогов с высшей и первой квалификационными категориями»"));
}

TEST_CASE("no header row among the first rows: one error saying where it was looked for") {
    TempDir dir;
    write_file(dir / "2025/ОО.csv", register_csv);
    write_file(dir / "2025/Развитие.csv", development_csv);
    write_file(dir / "2025/Кадры.csv", "Школа;Педагогов;Вакансий\ns1;40;2\ns2;10;0\n");
    Run run = load(dir.path());
    CHECK(run.has("data/2025/Кадры.csv: нет обязательного столбца «Код ОО»: строка заголовков не найдена среди "
                  "первых 20 непустых строк файла (в строке заголовков ожидались обязательные столбцы «Код ОО», "
                  "«Всего педагогических работников», «Вакансии»)"));
    CHECK(run.diags.error_count() == 1);
    CHECK_FALSE(run.has("не предусмотрен"));
}

TEST_CASE("indicator_inputs maps each indicator to the contract fields its formula reads") {
    auto inputs = site::indicator_inputs(config::default_config().catalogue);
    auto fields_of = [&](const std::string& title) {
        std::vector<std::string> ids;
        for (const auto& in : inputs)
            if (in.title == title)
                for (const auto* f : in.fields) ids.emplace_back(f->id);
        std::sort(ids.begin(), ids.end());
        return ids;
    };
    CHECK(fields_of("Доля педагогов с высшей и первой квалификационными категориями") ==
          std::vector<std::string>{"cat_first", "cat_highest", "teachers_total"});
    CHECK(fields_of("Доля педагогов-наставников") == std::vector<std::string>{"mentors", "teachers_total"});
    bool teacher_field = false;
    for (const auto& in : inputs)
        for (const auto* f : in.fields)
            teacher_field = teacher_field || f->id == "diag_score";
    CHECK(teacher_field);  // mean(teachers.diag_score) reads Педагоги
}
