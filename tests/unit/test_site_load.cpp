#include <doctest/doctest.h>

#include <algorithm>

#include "monsite/site/load.hpp"
#include "test_support.hpp"

using namespace monsite;
using monsite::test::TempDir;
using monsite::test::write_file;

namespace {

const char* const register_csv =
    "Код ОО;Наименование ОО;Тип ОО;Кластер\n"
    "s1;\"МБОУ \"\"СОШ № 1\"\"\";СОШ;Город\n"
    "s2;МКОУ «Берёзовская ООШ»;ООШ;Село\n";
const char* const staff_csv =
    "Код ОО;Всего педагогических работников;Вакансии;Молодые специалисты со стажем до 3 лет;"
    "Молодые специалисты, имеющие наставника\n"
    "s1;40;2;5;4\n"
    "s2;10;0;1;1\n";
const char* const development_csv =
    "Код ОО,Прошли диагностику профессиональных дефицитов,Выявлены профессиональные дефициты,"
    "Реализуется целевая модель наставничества\n"
    "s1,30,12,да\n"
    "s2,8,3,нет\n";

struct Run {
    model::Dataset dataset;
    util::Diagnostics diags;
    bool has(const std::string& text) const {
        return std::any_of(diags.all().begin(), diags.all().end(),
                           [&](const auto& d) { return d.to_string().find(text) != std::string::npos; });
    }
    std::string dump() const {
        std::string out;
        for (const auto& d : diags.all()) out += d.to_string() + "\n";
        return out;
    }
};

Run load(const TempDir& dir) {
    Run run;
    site::LoadOptions options;
    options.data_dir = dir.path();
    options.display_dir = "data";
    run.dataset = site::load_dataset(options, run.diags);
    return run;
}

void write_year(const TempDir& dir, const std::string& year, const std::string& reg = register_csv,
                const std::string& staff = staff_csv, const std::string& dev = development_csv) {
    write_file(dir / (year + "/ОО.csv"), reg);
    write_file(dir / (year + "/Кадры.csv"), staff);
    write_file(dir / (year + "/Развитие.csv"), dev);
}

}  // namespace

TEST_CASE("a valid year loads with its fields") {
    TempDir dir;
    write_year(dir, "2025");
    Run run = load(dir);
    INFO(run.dump());
    CHECK_FALSE(run.diags.has_errors());
    REQUIRE(run.dataset.years.size() == 1);
    const auto& year = run.dataset.years[0];
    CHECK(year.year == 2025);
    REQUIRE(year.schools.size() == 2);
    const auto* s1 = year.find_school("s1");
    REQUIRE(s1);
    CHECK(s1->name == "МБОУ \"СОШ № 1\"");
    CHECK(s1->short_name == s1->name);
    CHECK(s1->cluster == "Город");
    CHECK(s1->field("teachers_total") == 40);
    CHECK(s1->field("deficits_found") == 12);
    CHECK(s1->field("mentoring_model") == 1);
    CHECK_FALSE(s1->field("courses"));  // column absent: no data, never zero
    CHECK(year.rows.at("Кадры") == 2);
    CHECK_FALSE(year.has_teachers);
}

TEST_CASE("every bad value is reported with file and line, not just the first") {
    TempDir dir;
    write_year(dir, "2025", register_csv,
               "Код ОО;Всего педагогических работников;Вакансии\n"
               "s1;много;2\n"
               "s2;10;-1\n",
               "Код ОО,Прошли диагностику профессиональных дефицитов\n"
               "s1,12.5\n"
               "s2,8\n");
    Run run = load(dir);
    INFO(run.dump());
    CHECK(run.diags.error_count() == 3);
    CHECK(run.has("data/2025/Кадры.csv: строка 2, столбец 2: ожидалось целое число ≥ 0, найдено «много»"));
    CHECK(run.has("data/2025/Кадры.csv: строка 3, столбец 3: ожидалось целое число ≥ 0, найдено «-1»"));
    CHECK(run.has("data/2025/Развитие.csv: строка 2, столбец 2: ожидалось целое число ≥ 0, найдено «12.5»"));
}

TEST_CASE("keys and references between tables") {
    TempDir dir;
    write_year(dir, "2025",
               std::string(register_csv) + "s1;Дубль;СОШ;Город\ns3;Без данных;НОШ;Село\n",
               std::string(staff_csv) + "s9;5;0;0;0\n");
    Run run = load(dir);
    INFO(run.dump());
    CHECK(run.has("ОО.csv: строка 4, столбец 1: код ОО «s1» повторяется в таблице «ОО»"));
    CHECK(run.has("Кадры.csv: строка 4, столбец 1: школы с кодом «s9» нет в таблице «ОО»"));
    CHECK(run.has("ОО.csv: строка 5, столбец 1: для школы «s3» нет строки в таблице «Кадры»"));
    CHECK(run.has("для школы «s3» нет строки в таблице «Развитие»"));
}

TEST_CASE("a part larger than its whole names the part's cell") {
    TempDir dir;
    write_year(dir, "2025", register_csv, staff_csv,
               "Код ОО,Прошли диагностику профессиональных дефицитов,Выявлены профессиональные дефициты\n"
               "s1,41,12\n"
               "s2,8,9\n");
    Run run = load(dir);
    INFO(run.dump());
    CHECK(run.diags.error_count() == 2);
    CHECK(run.has("Развитие.csv: строка 2, столбец 2: «Прошли диагностику профессиональных дефицитов» (41) больше, "
                  "чем «Всего педагогических работников» (40, data/2025/Кадры.csv: строка 2, столбец 2)"));
    CHECK(run.has("Развитие.csv: строка 3, столбец 3: «Выявлены профессиональные дефициты» (9) больше, чем "
                  "«Прошли диагностику профессиональных дефицитов» (8, строка 3, столбец 2)"));
}

TEST_CASE("missing tables, missing and duplicated columns, unknown and personal columns") {
    TempDir dir;
    write_file(dir / "2025/ОО.csv", "Код ОО;Наименование ОО;ФИО директора;Примечание\ns1;Школа;Иванов И. И.;x\n");
    write_file(dir / "2025/Кадры.csv", "Код ОО;Вакансии;Вакансии\ns1;1;1\n");
    Run run = load(dir);
    INFO(run.dump());
    CHECK(run.has("data/2025: нет таблицы «Развитие»"));
    CHECK(run.has("ОО.csv: строка 1: нет обязательного столбца «Тип ОО»"));
    CHECK(run.has("Кадры.csv: строка 1, столбец 3: столбец «Вакансии» встречается дважды"));
    CHECK(run.has("Кадры.csv: строка 1: нет обязательного столбца «Всего педагогических работников»"));
    CHECK(run.has("столбец 3: предупреждение: столбец «ФИО директора» содержит персональные данные"));
    CHECK(run.has("столбец 4: предупреждение: столбец «Примечание» не предусмотрен"));
}

TEST_CASE("a folder that is not a year is an error; lock files and other files are skipped") {
    TempDir dir;
    write_year(dir, "2025");
    write_file(dir / "2025/~$ОО.xlsx", "lock");
    write_file(dir / "2025/.hidden.csv", "x");
    write_file(dir / "2025/письмо.docx", "x");
    write_file(dir / "архив/x.csv", "x");
    write_file(dir / "site.toml", "");
    Run run = load(dir);
    INFO(run.dump());
    CHECK(run.diags.error_count() == 1);
    CHECK(run.has("data/архив: папка «архив» не является годом мониторинга"));
    CHECK(run.has("data/2025/письмо.docx: предупреждение: файл пропущен"));
}

TEST_CASE("a school that disappears from one year to the next is a warning") {
    TempDir dir;
    write_year(dir, "2024");
    write_year(dir, "2025", "Код ОО;Наименование ОО;Тип ОО\ns1;Школа;СОШ\n", "Код ОО;Всего педагогических работников;Вакансии\ns1;40;2\n",
               "Код ОО\ns1\n");
    Run run = load(dir);
    INFO(run.dump());
    CHECK_FALSE(run.diags.has_errors());
    CHECK(run.has("data/2025: предупреждение: школа «s2» (МКОУ «Берёзовская ООШ») есть в данных 2024 года"));
    CHECK(run.dataset.years.size() == 2);
}

TEST_CASE("teachers and measures") {
    TempDir dir;
    write_year(dir, "2025");
    write_file(dir / "2025/Педагоги.csv",
               "Код педагога;Код ОО;Предмет;Категория;Результат диагностики, %;Выявлен дефицит;ИОМ\n"
               "t1;s1;Математика;высшая;67%;да;да\n"
               "t1;s1;Физика;первая;120;нет;нет\n"
               "t3;s7;Химия;почётная;;нет;нет\n");
    write_file(dir / "2025/Меры.csv",
               "Мероприятие;Вид решения;Направление;Показатель;Код ОО\n"
               "Семинар;организующее;Поддержка молодых педагогов и наставничество;mentor_coverage;s1\n"
               "Конкурс;поощряющее;mastery;no_such;s1\n");
    Run run = load(dir);
    INFO(run.dump());
    CHECK(run.has("Педагоги.csv: строка 3, столбец 1: код педагога «t1» повторяется"));
    CHECK(run.has("Педагоги.csv: строка 3, столбец 5: ожидалось число от 0 до 100, найдено «120»"));
    CHECK(run.has("Педагоги.csv: строка 4, столбец 4: ожидалось одно из значений: высшая, первая, соответствие, без категории"));
    CHECK(run.has("Педагоги.csv: строка 4, столбец 2: школы с кодом «s7» нет"));
    CHECK(run.has("Меры.csv: строка 3, столбец 2: ожидалось одно из значений: организующее"));
    CHECK(run.has("Меры.csv: строка 3, столбец 4: ожидался код показателя"));
    const auto& year = run.dataset.years.at(0);
    CHECK(year.has_teachers);
    REQUIRE(year.measures.size() == 2);
    CHECK(year.measures[0].direction == "young");
    REQUIRE_FALSE(year.teachers.empty());
    CHECK(year.teachers[0].diag_score == 67);
}

TEST_CASE("a missing data folder is a usage error") {
    util::Diagnostics diags;
    site::LoadOptions options;
    options.data_dir = "/nonexistent/monsite";
    CHECK_THROWS_AS(site::load_dataset(options, diags), util::UsageError);
}

// Found by the sanitizer build: such values overflowed the exact arithmetic of
// the indicators (undefined behaviour) or became LLONG_MIN.
TEST_CASE("a number beyond 1 000 000 000 in magnitude is an error naming its cell") {
    TempDir dir;
    write_year(dir, "2025", register_csv,
               "Код ОО;Всего педагогических работников;Вакансии;Средний возраст\n"
               "s1;9000000000000000000000;2;44,5\n"
               "s2;10;1000000000;-1e30\n",
               development_csv);
    Run run = load(dir);
    INFO(run.dump());
    CHECK(run.diags.error_count() == 2);
    CHECK(run.has("data/2025/Кадры.csv: строка 2, столбец 2: число слишком велико (допустимо не больше "
                  "1 000 000 000 по модулю), найдено «9000000000000000000000»"));
    CHECK(run.has("data/2025/Кадры.csv: строка 3, столбец 4: число слишком велико"));
    CHECK_FALSE(run.has("строка 3, столбец 3"));  // 1 000 000 000 itself is allowed
}
