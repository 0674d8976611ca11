#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

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

Run load(const TempDir& dir, std::vector<std::string> closed_schools = {}) {
    Run run;
    site::LoadOptions options;
    options.closed_schools = std::move(closed_schools);
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
    CHECK(run.has("data/2025/Кадры.csv: строка 2, столбец 2 («Всего педагогических работников», школа s1): "
                  "ожидалось целое число ≥ 0, найдено «много»"));
    CHECK(run.has("data/2025/Кадры.csv: строка 3, столбец 3 («Вакансии», школа s2): ожидалось целое число ≥ 0, "
                  "найдено «-1»"));
    CHECK(run.has("data/2025/Развитие.csv: строка 2, столбец 2 («Прошли диагностику профессиональных дефицитов», "
                  "школа s1): ожидалось целое число ≥ 0, найдено «12.5»"));
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

TEST_CASE("an empty year folder: left out beside a year with data, kept with no school when no year has any") {
    TempDir dir;
    std::filesystem::create_directories(dir / "2026");
    write_file(dir / "2026/.gitkeep", "");
    SUBCASE("the only year") {
        Run run = load(dir);
        INFO(run.dump());
        CHECK_FALSE(run.diags.has_errors());
        CHECK(run.diags.warning_count() == 1);
        CHECK(run.has("data/2026: предупреждение: в 2026 году данных ещё нет: разошлите школам книгу "
                      "collection-2026.xlsx (её пишет monsite template) и положите заполненные книги (.xlsx, .ods, "
                      ".csv) в data/2026"));
        REQUIRE(run.dataset.years.size() == 1);
        CHECK(run.dataset.years[0].year == 2026);
        CHECK(run.dataset.years[0].schools.empty());
        CHECK(run.dataset.years[0].files.empty());
    }
    SUBCASE("beside a year with data") {
        write_year(dir, "2025");
        Run run = load(dir);
        INFO(run.dump());
        CHECK_FALSE(run.diags.has_errors());
        CHECK(run.has("data/2026: предупреждение: в 2026 году данных ещё нет"));
        CHECK(run.has("; этот год пропущен"));
        REQUIRE(run.dataset.years.size() == 1);
        CHECK(run.dataset.years[0].year == 2025);
        CHECK(run.dataset.years[0].schools.size() == 2);
    }
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
    CHECK(run.has("Педагоги.csv: строка 3, столбец 5 («Результат диагностики, %», школа s1): ожидалось число от 0 "
                  "до 100, найдено «120»"));
    CHECK(run.has("Педагоги.csv: строка 4, столбец 4 («Категория», школа s7): ожидалось одно из значений: высшая, "
                  "первая, соответствие, без категории"));
    CHECK(run.has("Педагоги.csv: строка 4, столбец 2: школы с кодом «s7» нет"));
    CHECK(run.has("Меры.csv: строка 3, столбец 2 («Вид решения», школа s1): ожидалось одно из значений: организующее"));
    CHECK(run.has("Меры.csv: строка 3, столбец 4 («Показатель», школа s1): ожидался код показателя"));
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
               "s2;10;1000000000;-1 000 000 000 000\n",
               development_csv);
    Run run = load(dir);
    INFO(run.dump());
    CHECK(run.diags.error_count() == 2);
    CHECK(run.has("data/2025/Кадры.csv: строка 2, столбец 2 («Всего педагогических работников», школа s1): число "
                  "слишком велико (допустимо не больше 1 000 000 000 по модулю), найдено «9000000000000000000000»"));
    CHECK(run.has("data/2025/Кадры.csv: строка 3, столбец 4 («Средний возраст», школа s2): число слишком велико"));
    CHECK_FALSE(run.has("строка 3, столбец 3"));  // 1 000 000 000 itself is allowed
}

TEST_CASE("a % in a count or number column is an error; in the percent column it is the value") {
    TempDir dir;
    write_year(dir, "2025", register_csv,
               "Код ОО;Всего педагогических работников;Вакансии;Средний возраст\n"
               "s1;40;45%;44,5\n"
               "s2;10;0;45 %\n");
    write_file(dir / "2025/Педагоги.csv",
               "Код педагога;Код ОО;Результат диагностики, %\n"
               "t1;s1;67%\n"
               "t2;s1;67,5 %\n");
    Run run = load(dir);
    INFO(run.dump());
    CHECK(run.diags.error_count() == 2);
    CHECK(run.has("data/2025/Кадры.csv: строка 2, столбец 3 («Вакансии», школа s1): в столбце количества знак % "
                  "недопустим: укажите число, например 45, найдено «45%»"));
    CHECK(run.has("data/2025/Кадры.csv: строка 3, столбец 4 («Средний возраст», школа s2): в этом столбце знак % "
                  "недопустим: укажите число, например 45, найдено «45 %»"));
    CHECK(run.dataset.years.at(0).teachers.at(1).diag_score == 67.5);
}

TEST_CASE("numbers that do not read unambiguously are errors that say why") {
    TempDir dir;
    write_year(dir, "2025", register_csv,
               "Код ОО;Всего педагогических работников;Вакансии;Средний возраст\n"
               "s1;1 2;12 шт;1.234,5\n"
               "s2;1 200;0;44,5\n");
    Run run = load(dir);
    INFO(run.dump());
    CHECK(run.diags.error_count() == 3);
    CHECK(run.has("строка 2, столбец 2 («Всего педагогических работников», школа s1): ожидалось целое число ≥ 0, "
                  "найдено «1 2»: пробел внутри числа допустим только между группами из трёх цифр («1 200»), иначе "
                  "неясно, какое число имелось в виду"));
    CHECK(run.has("строка 2, столбец 3 («Вакансии», школа s1): ожидалось целое число ≥ 0, найдено «12 шт»: в ячейке "
                  "должно быть только число, без слов, единиц измерения и других знаков"));
    CHECK(run.has("строка 2, столбец 4 («Средний возраст», школа s1): ожидалось число, найдено «1.234,5»: в числе "
                  "больше одной запятой или точки; дробную часть отделяйте одной запятой, а разряды — пробелом "
                  "(«1 234,5»)"));
    CHECK_FALSE(run.has("строка 3"));  // «1 200» is 1200 (but more than its parts: not checked here)
}

TEST_CASE("repeated errors of one kind for one school are one line; a required field names its column") {
    TempDir dir;
    write_year(dir, "2025",
               "Код ОО;Наименование ОО;Тип ОО\ns1;Школа 1;СОШ\ns2;Школа 2;\n",
               "Код ОО;Всего педагогических работников;Вакансии;Педагоги в возрасте до 35 лет\n"
               "s1;много;много;много\n"
               "s2;10;нет;1\n",
               development_csv);
    Run run = load(dir);
    INFO(run.dump());
    CHECK(run.diags.error_count() == 3);
    CHECK(run.has("data/2025/Кадры.csv: строка 2, столбец 2 («Всего педагогических работников», школа s1): ожидалось "
                  "целое число ≥ 0, найдено «много»; и ещё 2 ячейки того же вида: (строка:столбец) 2:3, 2:4"));
    CHECK(run.has("data/2025/Кадры.csv: строка 3, столбец 3 («Вакансии», школа s2): ожидалось целое число ≥ 0, "
                  "найдено «нет»"));
    CHECK(run.has("data/2025/ОО.csv: строка 3, столбец 3 («Тип ОО», школа s2): обязательное поле не заполнено"));
}

TEST_CASE("Педагоги disagreeing with the summary: a warning at the summary cell, naming where rows were counted") {
    TempDir dir;
    write_year(dir, "2025");
    write_file(dir / "2025/Педагоги.csv",
               "Код педагога;Код ОО;Результат диагностики, %;Выявлен дефицит;ИОМ\n"
               "t1;s1;67;да;да\n"
               "t2;s2;50;нет;нет\n");
    Run run = load(dir);
    INFO(run.dump());
    CHECK_FALSE(run.diags.has_errors());
    CHECK(run.has("data/2025/Кадры.csv: строка 2, столбец 2 («Всего педагогических работников», школа s1): "
                  "предупреждение: указано 40, а в таблице «Педагоги» (data/2025/Педагоги.csv) педагогов этой "
                  "школы — 1"));
    CHECK(run.has("data/2025/Развитие.csv: строка 2, столбец 2 («Прошли диагностику профессиональных дефицитов», "
                  "школа s1): предупреждение: указано 30, а в таблице «Педагоги» (data/2025/Педагоги.csv) педагогов "
                  "этой школы с результатом диагностики — 1"));
    CHECK(run.has("data/2025/Развитие.csv: строка 3, столбец 3 («Выявлены профессиональные дефициты», школа s2): "
                  "предупреждение: указано 3, а в таблице «Педагоги» (data/2025/Педагоги.csv) педагогов этой школы с "
                  "выявленным дефицитом — 0"));
    CHECK_FALSE(run.has("ОО.csv"));  // no longer at the register row
}

TEST_CASE("a school missing from ОО: one line per code and table, with the count of rows") {
    TempDir dir;
    write_year(dir, "2025");
    std::string teachers = "Код педагога;Код ОО;Предмет\n";
    for (int i = 1; i <= 55; ++i) teachers += "t" + std::to_string(i) + ";s9;Математика\n";
    teachers += "u1;s8;Физика\n";
    write_file(dir / "2025/Педагоги.csv", teachers);
    Run run = load(dir);
    INFO(run.dump());
    CHECK(run.diags.error_count() == 2);
    CHECK(run.has("data/2025/Педагоги.csv: строка 2, столбец 2: школы с кодом «s9» нет в таблице «ОО»; и ещё 54 "
                  "строки с этим кодом: строки 3, 4, 5, 6, 7, …"));
    CHECK(run.has("data/2025/Педагоги.csv: строка 57, столбец 2: школы с кодом «s8» нет в таблице «ОО»"));
}

TEST_CASE("an unknown code that looks like a known one says which character differs") {
    TempDir dir;
    write_year(dir, "2025",
               "Код ОО;Наименование ОО;Тип ОО\n650025;Школа 1;СОШ\nsosh1;Школа 2;ООШ\n",
               "Код ОО;Всего педагогических работников;Вакансии\n65О025;40;2\nSOSH1;10;0\n",
               "Код ОО\n650025\nsosh1\n");
    Run run = load(dir);
    INFO(run.dump());
    CHECK(run.has("data/2025/Кадры.csv: строка 2, столбец 1: школы с кодом «65О025» нет в таблице «ОО»; похоже на "
                  "«650025»: 3-й знак — кириллическая буква «О», а не цифра «0»"));
    CHECK(run.has("data/2025/Кадры.csv: строка 3, столбец 1: школы с кодом «SOSH1» нет в таблице «ОО»; похоже на "
                  "«sosh1»: различается только регистр букв (заглавные и строчные)"));
    CHECK(run.has("data/2025/ОО.csv: строка 2, столбец 1: для школы «650025» нет строки в таблице «Кадры»; похоже, её "
                  "строка записана с кодом «65О025» (data/2025/Кадры.csv: строка 2, столбец 1)"));
}

TEST_CASE(".xls, .xlsb, .numbers and an .xlsm that is no workbook are errors saying how to re-save") {
    TempDir dir;
    write_year(dir, "2025");
    write_file(dir / "2025/школа_4.xls", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8));
    write_file(dir / "2025/школа_5.XLSB", "x");
    write_file(dir / "2025/школа_6.numbers", "x");
    write_file(dir / "2025/школа_7.xlsm", "not a zip");
    write_file(dir / "2025/письмо.pdf", "x");
    Run run = load(dir);
    INFO(run.dump());
    CHECK(run.diags.error_count() == 4);
    CHECK(run.has("data/2025/школа_4.xls: файл старого формата Excel (.xls) не читается: сохраните файл в Excel как "
                  "«Книга Excel (*.xlsx)» (Файл → Сохранить как) или в LibreOffice Calc: «Файл → Сохранить как… → "
                  ".xlsx или .ods»"));
    CHECK(run.has("data/2025/школа_5.XLSB: двоичная книга Excel (.xlsb) не читается: сохраните файл в Excel как"));
    CHECK(run.has("data/2025/школа_6.numbers: файл Apple Numbers (.numbers) не читается: откройте файл в Numbers, "
                  "выберите «Файл → Экспортировать в → Excel…»"));
    CHECK(run.has("data/2025/школа_7.xlsm: файл .xlsm не является книгой Excel формата .xlsx (Office Open XML) и не "
                  "читается: сохраните файл в Excel как «Книга Excel (*.xlsx)»"));
    CHECK(run.has("data/2025/письмо.pdf: предупреждение: файл пропущен: поддерживаются только .xlsx, .ods и .csv"));
}

TEST_CASE("a school whose code changed to a look-alike between years is named with the difference") {
    TempDir dir;
    write_year(dir, "2024");
    write_year(dir, "2025", "Код ОО;Наименование ОО;Тип ОО\nS1;Школа;СОШ\ns2;Школа 2;ООШ\n",
               "Код ОО;Всего педагогических работников;Вакансии\nS1;40;2\ns2;10;0\n", "Код ОО\nS1\ns2\n");
    Run run = load(dir);
    INFO(run.dump());
    CHECK_FALSE(run.diags.has_errors());
    CHECK(run.has("data/2025: предупреждение: школа «s1» (МБОУ \"СОШ № 1\") есть в данных 2024 года, но отсутствует "
                  "в 2025 году; похоже, в 2025 году её код записан как «S1»: различается только регистр букв "
                  "(заглавные и строчные)"));
}

TEST_CASE("a school missing from a later year: a warning with the way out, none when it is listed as closed") {
    TempDir dir;
    write_year(dir, "2024");
    write_year(dir, "2025", "Код ОО;Наименование ОО;Тип ОО\ns2;Школа 2;ООШ\n",
               "Код ОО;Всего педагогических работников;Вакансии\ns2;10;0\n", "Код ОО\ns2\n");
    Run run = load(dir);
    INFO(run.dump());
    CHECK(run.has("data/2025: предупреждение: школа «s1» (МБОУ \"СОШ № 1\") есть в данных 2024 года, но отсутствует "
                  "в 2025 году (если школа закрыта или присоединена к другой, впишите её код в closed_schools в "
                  "site.toml)"));
    Run closed = load(dir, {"s1"});
    INFO(closed.dump());
    CHECK(closed.diags.warning_count() == run.diags.warning_count() - 1);
}
