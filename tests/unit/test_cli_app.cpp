#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "monsite/cli/app.hpp"
#include "test_support.hpp"

using namespace monsite;
using monsite::test::TempDir;
using monsite::test::write_file;
namespace fs = std::filesystem;

namespace {

struct Result {
    int status = -1;
    std::string out, err;
};

// Runs the program in-process with its standard streams captured.
Result run(std::vector<std::string> args) {
    args.insert(args.begin(), "monsite");
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    std::ostringstream out, err;
    auto* old_out = std::cout.rdbuf(out.rdbuf());
    auto* old_err = std::cerr.rdbuf(err.rdbuf());
    Result r;
    r.status = cli::run(static_cast<int>(argv.size()), argv.data());
    std::cout.rdbuf(old_out);
    std::cerr.rdbuf(old_err);
    r.out = out.str();
    r.err = err.str();
    return r;
}

// One school, valid, with one column the contract does not have: one warning.
void write_data(const fs::path& data) {
    write_file(data / "2025/ОО.csv", "Код ОО;Наименование ОО;Тип ОО;Кластер\ns1;Школа № 1;СОШ;Город\n");
    // Every contract column, so that no indicator loses its value (that would be a warning too).
    write_file(data / "2025/Кадры.csv",
               "Код ОО;Всего педагогических работников;Вакансии;Педагоги в возрасте до 35 лет;"
               "Молодые специалисты со стажем до 3 лет;Молодые специалисты со стажем до 1 года;"
               "Молодые специалисты, имеющие наставника;Высшая квалификационная категория;"
               "Первая квалификационная категория;С высшим образованием;С непедагогическим образованием;"
               "Из них прошли профессиональную переподготовку;Средний возраст;"
               "Средняя учебная нагрузка, ставок;Примечание\n"
               "s1;40;2;10;4;1;3;12;14;38;2;1;44,5;1,2;нет\n");
    write_file(data / "2025/Развитие.csv",
               "Код ОО;Прошли диагностику профессиональных дефицитов;Выявлены профессиональные дефициты;"
               "Имеют индивидуальный образовательный маршрут;Участвуют в мероприятиях по ИОМ;"
               "Прошли повышение квалификации за год;Из них в дистанционной форме;"
               "Участвовали в конкурсах профессионального мастерства;"
               "Включены в сетевые методические объединения и сообщества;"
               "Участвовали в мероприятиях регионального и федерального уровня;"
               "Эксперты предметных комиссий и аттестации;Входят в муниципальный методический актив;"
               "Педагоги-наставники;Реализуется целевая модель наставничества;"
               "Мероприятия по профилактике профессионального выгорания\n"
               "s1;30;12;10;8;15;5;3;20;6;2;4;5;да;2\n");
}

}  // namespace

TEST_CASE("monsite check: -q still says how many warnings there were; --strict makes them errors") {
    TempDir dir;
    write_data(dir / "data");
    const std::string data = (dir / "data").string();

    Result plain = run({"check", "--data", data});
    CHECK(plain.status == 0);
    CHECK(plain.err.find("предупреждение: столбец «Примечание»") != std::string::npos);
    CHECK(plain.out.find("Предупреждений: 1. Ошибок нет") != std::string::npos);

    Result quiet = run({"check", "-q", "--data", data});
    CHECK(quiet.status == 0);
    CHECK(quiet.err.empty());
    CHECK(quiet.out == "Предупреждений: 1 (подробности — без -q).\n");

    Result strict = run({"check", "-q", "--strict", "--data", data});
    CHECK(strict.status == 2);
    CHECK(strict.err.find("Кадры.csv: строка 1, столбец 15: ошибка (строгий режим): столбец «Примечание»") !=
          std::string::npos);
    CHECK(strict.err.find("Найдено ошибок: 1, из них предупреждений в строгом режиме: 1. Исправьте данные") !=
          std::string::npos);

    write_file(dir / "data/site.toml", "strict = true\n");
    CHECK(run({"check", "--data", data}).status == 2);
}

TEST_CASE("monsite build: the summary counts warnings, also with -q, and says when no sitemap is written") {
    TempDir dir;
    write_data(dir / "data");
    const std::string data = (dir / "data").string(), out = (dir / "public").string();

    Result built = run({"build", "--data", data, "--out", out, "-j", "1"});
    INFO(built.err);
    CHECK(built.status == 0);
    CHECK(built.out.find("sitemap.xml не создан: не задан site_url\n") != std::string::npos);
    CHECK(built.out.find("Предупреждений: ") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "public/sitemap.xml"));

    Result quiet = run({"build", "-q", "--data", data, "--out", out, "-j", "1"});
    CHECK(quiet.status == 0);
    CHECK(quiet.out.find("Предупреждений: ") == 0);
    CHECK(quiet.out.find("(подробности — без -q).\n") != std::string::npos);

    // --strict: nothing published, the earlier output stays.
    fs::remove_all(dir / "public");
    write_file(dir / "public/index.html", "earlier");
    Result strict = run({"build", "-q", "--strict", "--data", data, "--out", out});
    CHECK(strict.status == 2);
    CHECK(strict.err.find("ошибка (строгий режим): столбец «Примечание»") != std::string::npos);
    CHECK(strict.err.find("Сайт не собран; прежнее содержимое") != std::string::npos);
    CHECK(fs::is_regular_file(dir / "public/index.html"));
    CHECK_FALSE(fs::exists(dir / "public/data"));

    write_file(dir / "data/site.toml", "site_url = \"https://monitoring.example.ru\"\n");
    Result with_sitemap = run({"build", "--data", data, "--out", out, "-j", "1"});
    CHECK(with_sitemap.status == 0);
    CHECK(with_sitemap.out.find("sitemap.xml") == std::string::npos);
    CHECK(fs::is_regular_file(dir / "public/sitemap.xml"));
}

TEST_CASE("monsite build --site-url: published under that address without editing site.toml") {
    TempDir dir;
    write_data(dir / "data");
    write_file(dir / "data/site.toml", "site_url = \"https://monitoring.example.ru/\"\n");
    const std::string data = (dir / "data").string(), out = (dir / "public").string();
    Result r = run({"build", "-q", "--data", data, "--out", out, "-j", "1", "--site-url", "https://owner.github.io/monsite/"});
    INFO(r.err);
    CHECK(r.status == 0);
    std::ifstream json_in(dir / "public/data/site.json");
    std::string json((std::istreambuf_iterator<char>(json_in)), std::istreambuf_iterator<char>());
    CHECK(json.find("\"base_url\": \"/monsite/\"") != std::string::npos);
    CHECK(json.find("\"site_url\": \"https://owner.github.io/monsite/\"") != std::string::npos);
    std::ifstream index_in(dir / "public/index.html");
    std::string index((std::istreambuf_iterator<char>(index_in)), std::istreambuf_iterator<char>());
    CHECK(index.find("href=\"/monsite/assets/") != std::string::npos);
    CHECK(index.find("href=\"/assets/") == std::string::npos);
    std::ifstream sitemap_in(dir / "public/sitemap.xml");
    std::string sitemap((std::istreambuf_iterator<char>(sitemap_in)), std::istreambuf_iterator<char>());
    CHECK(sitemap.find("<loc>https://owner.github.io/monsite/</loc>") != std::string::npos);
    CHECK(sitemap.find("monitoring.example.ru") == std::string::npos);

    // A mistaken address: exit 1, the option named, nothing written.
    fs::remove_all(dir / "public");
    Result bad = run({"build", "-q", "--data", data, "--out", out, "--base-url", "https://owner.github.io/monsite/"});
    CHECK(bad.status == 1);
    CHECK(bad.err.find("параметр --base-url: base_url должен быть путём на сайте") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "public"));
}

TEST_CASE("monsite: configuration and site-file errors exit with 1") {
    TempDir dir;
    write_data(dir / "data");
    const std::string data = (dir / "data").string();
    write_file(dir / "data/site.toml", "base_url = \"https://edu.example.ru/monitoring/\"\n");
    Result r = run({"check", "--data", data});
    CHECK(r.status == 1);
    CHECK(r.err.find("site.toml: строка 1: base_url должен быть путём на сайте, например \"/monitoring/\"; полный "
                     "адрес укажите в site_url") != std::string::npos);
}
