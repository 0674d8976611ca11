#include "monsite/cli/options.hpp"

#include <boost/program_options.hpp>

#include <sstream>

#include "monsite/util/error.hpp"

namespace monsite::cli {
namespace {

namespace po = boost::program_options;

po::options_description template_options() {
    po::options_description d("Параметры", 200, 100);
    d.add_options()
        ("data", po::value<std::string>()->value_name("ПАПКА")->default_value("data"),
         "папка с данными: школы берутся из таблицы «ОО» последнего года, если она есть")
        ("config", po::value<std::string>()->value_name("ФАЙЛ"),
         "файл настроек (по умолчанию ПАПКА_ДАННЫХ/site.toml или встроенные настройки)")
        ("year", po::value<int>()->value_name("ГГГГ"), "год сбора данных (по умолчанию — следующий за последним годом данных)")
        ("out", po::value<std::string>()->value_name("ФАЙЛ"),
         "куда записать книгу (по умолчанию collection-ГГГГ.xlsx или collection-ГГГГ-КОД.xlsx)")
        ("school", po::value<std::string>()->value_name("КОД"), "книга одной школы: только её строки")
        ("help,h", po::bool_switch(), "справка по команде");
    return d;
}

po::options_description pdf_options() {
    po::options_description d("Параметры", 200, 100);
    d.add_options()
        ("site", po::value<std::string>()->value_name("ПАПКА")->default_value("public"),
         "собранный сайт (результат monsite build)")
        ("out", po::value<std::string>()->value_name("ПАПКА"),
         "куда записать PDF (по умолчанию ПАПКА_САЙТА/data): schools/<код>-<год>.pdf и report-<год>.pdf")
        ("threads,j", po::value<unsigned>()->value_name("N")->default_value(0),
         "сколько страниц печатать одновременно (0 — по числу ядер, не больше 4)")
        ("quiet,q", po::bool_switch(), "печатать только ошибки")
        ("help,h", po::bool_switch(), "справка по команде");
    return d;
}

po::options_description serve_options() {
    po::options_description d("Параметры", 200, 100);
    d.add_options()
        ("data", po::value<std::string>()->value_name("ПАПКА")->default_value("data"),
         "папка с данными: в ней папки годов (2023, 2024, ...)")
        ("config", po::value<std::string>()->value_name("ФАЙЛ"),
         "файл настроек (по умолчанию ПАПКА_ДАННЫХ/site.toml или встроенные настройки)")
        ("port", po::value<int>()->value_name("N")->default_value(8080), "порт (0 — любой свободный)")
        ("bind", po::value<std::string>()->value_name("АДРЕС")->default_value("127.0.0.1"),
         "адрес; по умолчанию только эта машина (0.0.0.0 — видно в сети)")
        ("threads,j", po::value<unsigned>()->value_name("N")->default_value(0),
         "число потоков чтения и вёрстки (0 — по числу ядер)")
        ("strict", po::bool_switch(), "строгий режим: любое предупреждение — ошибка, как у build --strict")
        ("help,h", po::bool_switch(), "справка по команде");
    return d;
}

po::options_description new_options() {
    po::options_description d("Параметры", 200, 100);
    d.add_options()
        ("municipality", po::value<std::string>()->value_name("НАЗВАНИЕ"),
         "название муниципалитета для заголовков сайта (его можно поменять потом в data/site.toml)")
        ("year", po::value<int>()->value_name("ГГГГ"),
         "первый год мониторинга: папка data/ГГГГ и книга collection-ГГГГ.xlsx (по умолчанию — текущий год)")
        ("help,h", po::bool_switch(), "справка по команде");
    return d;
}

po::options_description command_options(const std::string& command) {
    if (command == "template") return template_options();
    if (command == "serve") return serve_options();
    if (command == "new") return new_options();
    if (command == "pdf") return pdf_options();
    // Boost wraps by bytes, and a Cyrillic letter takes two: a wide line keeps
    // each description on one line in an 80-column terminal.
    po::options_description d("Параметры", 200, 100);
    d.add_options()
        ("data", po::value<std::string>()->value_name("ПАПКА")->default_value("data"),
         "папка с данными: в ней папки годов (2023, 2024, ...)");
    if (command == "build")
        d.add_options()
            ("out", po::value<std::string>()->value_name("ПАПКА")->default_value("public"),
             "куда записать сайт; прежнее содержимое заменяется только после успешной сборки");
    d.add_options()
        ("config", po::value<std::string>()->value_name("ФАЙЛ"),
         "файл настроек (по умолчанию ПАПКА_ДАННЫХ/site.toml или встроенные настройки)")
        ("threads,j", po::value<unsigned>()->value_name("N")->default_value(0),
         command == "build" ? "число потоков чтения и вёрстки (0 — по числу ядер)" : "число потоков чтения (0 — по числу ядер)")
        ("strict", po::bool_switch(),
         command == "build" ? "строгий режим: любое предупреждение — ошибка, сайт не публикуется (код 2)"
                            : "строгий режим: любое предупреждение — ошибка (код 2)")
        ("quiet,q", po::bool_switch(), "печатать только ошибки и число предупреждений")
        ("verbose,v", po::bool_switch(),
         command == "build" ? "называть каждый читаемый файл и показывать время шагов сборки" : "называть каждый читаемый файл")
        ("help,h", po::bool_switch(), "справка по команде");
    if (command == "build")
        d.add_options()("pdf", po::bool_switch(),
                        "после сборки напечатать PDF школ и отчёта (как monsite pdf) и опубликовать их вместе с сайтом")
            ("base-url", po::value<std::string>()->value_name("ПУТЬ"),
             "путь сайта на сервере вместо base_url из site.toml, например /monitoring/")
            ("site-url", po::value<std::string>()->value_name("АДРЕС"),
             "полный адрес сайта вместо site_url из site.toml (base_url — его путь), например https://edu.example.ru/monitoring/")
            ("force", po::bool_switch(), "собрать заново, даже если с прошлой сборки ничего не изменилось");
    return d;
}

std::string describe(const po::options_description& d) {
    std::ostringstream out;
    out << d;
    return out.str();
}

const char* const exit_statuses =
    "Коды завершения:\n"
    "  0  успешно\n"
    "  1  ошибка в командной строке или в настройках\n"
    "  2  ошибки в данных (каждая названа с файлом, листом и ячейкой); с --strict — и предупреждения\n"
    "  3  внутренняя ошибка или ошибка ввода-вывода\n";

int checked_year(int year) {
    if (year < 1900 || year > 9999) throw util::UsageError("год --year должен быть четырёхзначным, например 2026");
    return year;
}

// monsite new DIR [--municipality NAME] [--year YYYY]: DIR is the one positional argument.
Options parse_new(const std::vector<std::string>& rest) {
    Options options;
    options.command = Command::new_site;
    po::options_description all = new_options();
    all.add_options()("dir", po::value<std::vector<std::string>>());
    po::positional_options_description positional;
    positional.add("dir", -1);
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(rest).options(all).positional(positional).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        throw util::UsageError(std::string("неверные параметры команды new: ") + e.what() + "; справка: monsite help new");
    }
    if (vm["help"].as<bool>()) {
        options.command = Command::help;
        options.help_topic = "new";
        return options;
    }
    const auto dirs = vm.count("dir") ? vm["dir"].as<std::vector<std::string>>() : std::vector<std::string>{};
    if (dirs.size() != 1 || dirs.front().empty())
        throw util::UsageError("укажите одну папку для нового сайта, например: monsite new monitoring --municipality "
                               "\"Заречный муниципальный округ\"");
    options.new_dir = dirs.front();
    if (vm.count("municipality")) {
        options.municipality = vm["municipality"].as<std::string>();
        if (options.municipality->find_first_not_of(" \t") == std::string::npos)
            throw util::UsageError("название --municipality пусто: укажите название муниципалитета");
    }
    if (vm.count("year")) options.year = checked_year(vm["year"].as<int>());
    return options;
}

}  // namespace

std::string general_help() {
    return std::string(
               "monsite — генератор сайта с отчётами мониторинга профессионального развития педагогов.\n"
               "\n"
               "Использование:\n"
               "  monsite <команда> [параметры]\n"
               "\n"
               "Команды:\n"
               "  check      проверить данные и настройки, ничего не записывая\n"
               "  build      рассчитать показатели и опубликовать сайт и открытые данные в public/\n"
               "  serve      предпросмотр: собрать сайт в памяти, показать его на http://127.0.0.1:8080/\n"
               "             и пересобирать при каждом изменении данных, страниц, темы и текстов\n"
               "  pdf        напечатать из собранного сайта PDF каждой школы и отчёта (нужен chromium)\n"
               "  template   записать книгу Excel для сбора данных от школ\n"
               "  new        создать папку нового сайта: настройки, страницы, книгу для сбора данных\n"
               "  help       справка по команде, например: monsite help build\n"
               "\n"
               "Общие параметры:\n"
               "  -h, --help     эта справка\n"
               "  --version      версия программы\n"
               "\n") +
           exit_statuses;
}

std::string command_help(const std::string& command) {
    if (command == "check")
        return "monsite check [--data ПАПКА] [--config ФАЙЛ] [-j N] [--strict] [-q | -v]\n"
               "\n"
               "Читает все таблицы из папок годов (data/2023, data/2024, ...), проверяет их по формату\n"
               "данных, проверяет настройки, страницы content/ и шаблоны темы и печатает сводку: годы,\n"
               "число школ, строки каждой таблицы, число предупреждений. Ничего не записывает. Каждая\n"
               "ошибка называет файл, лист и ячейку. С --strict (или strict = true в site.toml) любое\n"
               "предупреждение считается ошибкой: так CI не пропустит пропущенный файл или столбец.\n"
               "\n" +
               describe(command_options(command)) + "\n" + exit_statuses;
    if (command == "build")
        return "monsite build [--data ПАПКА] [--out ПАПКА] [--config ФАЙЛ] [-j N] [--strict] [--pdf]\n"
               "              [--base-url ПУТЬ] [--site-url АДРЕС] [--force] [-q | -v]\n"
               "\n"
               "Проверяет данные, рассчитывает показатели, группы эффективности и рейтинг и публикует\n"
               "в папку --out сайт (страницы всех лет, графики, sitemap.xml, если задан site_url) и\n"
               "открытые данные в data/: indicators.csv, schools.csv, monitoring.xlsx, site.json. Если\n"
               "в данных есть ошибки (а с --strict — и предупреждения), ничего не записывается и прежний\n"
               "сайт остаётся как был; неизменённые файлы не перезаписываются. Если с прошлой сборки\n"
               "не изменился ни один файл данных, настроек, страниц и темы (и сама программа), сборка\n"
               "заканчивается после их сверки и ничего не пишет (сведения о ней лежат рядом с папкой\n"
               "сайта: .public.manifest для --out public); --force собирает заново в любом случае.\n"
               "--base-url и --site-url задают адрес публикации, не меняя site.toml (например, в CI для\n"
               "GitHub Pages: --site-url https://ВЛАДЕЛЕЦ.github.io/РЕПОЗИТОРИЙ/).\n"
               "Без файла настроек используются настройки по умолчанию (формат данных, версия 1).\n"
               "\n" +
               describe(command_options(command)) + "\n" + exit_statuses;
    if (command == "template")
        return "monsite template [--year ГГГГ] [--out ФАЙЛ] [--school КОД] [--data ПАПКА] [--config ФАЙЛ]\n"
               "\n"
               "Записывает книгу Excel, которую управление рассылает школам для сбора данных: листы\n"
               "ОО, Кадры, Развитие, Педагоги и Меры с заголовками формата данных, закреплённой и\n"
               "защищённой строкой заголовков, проверкой вводимых значений и подсказкой к каждому\n"
               "столбцу. Если в папке данных есть таблица «ОО», в книгу вписываются коды и названия\n"
               "школ последнего года; с --school — только одной школы. Заполненная книга проходит\n"
               "monsite check без изменений.\n"
               "\n" +
               describe(command_options(command)) + "\n" + exit_statuses;
    if (command == "pdf")
        return "monsite pdf [--site ПАПКА] [--out ПАПКА] [-j N] [-q]\n"
               "\n"
               "Печатает из собранного сайта PDF страницы каждой школы последнего года и ежегодного\n"
               "аналитического отчёта округа (формат A4). Печатает браузер chromium без окна: он\n"
               "запускается один раз, сайт отдаётся ему только на 127.0.0.1, графики печатаются\n"
               "построенными. Если страница не напечаталась, она названа, остальные PDF записаны, код 3.\n"
               "\n" +
               describe(command_options(command)) + "\n" + exit_statuses;
    if (command == "serve")
        return "monsite serve [--port N] [--bind АДРЕС] [--data ПАПКА] [--config ФАЙЛ] [-j N] [--strict]\n"
               "\n"
               "Собирает сайт в памяти и показывает его в браузере, по умолчанию на http://127.0.0.1:8080/\n"
               "(только этой машине). Следит за папкой данных, файлом настроек, папками content/, themes/\n"
               "и i18n/: после сохранения файла пересобирает то, что затронуто, и открытые страницы\n"
               "обновляются сами. Пока в данных ошибки, в браузере вместо страниц — их список с файлом и\n"
               "ячейкой; после исправления сайт возвращается. Ничего не записывает в public/.\n"
               "Остановка — Ctrl+C.\n"
               "\n" +
               describe(command_options(command)) + "\n" + exit_statuses;
    if (command == "new")
        return "monsite new ПАПКА [--municipality НАЗВАНИЕ] [--year ГГГГ]\n"
               "\n"
               "Создаёт папку сайта, с которой управление начинает работу: data/site.toml (настройки\n"
               "по умолчанию с комментариями и названием муниципалитета), data/indicators.toml (каталог\n"
               "показателей, который можно менять), пустую папку года data/ГГГГ, книгу для сбора данных\n"
               "collection-ГГГГ.xlsx, страницы content/ (о мониторинге, как читать отчёт, правила\n"
               "рекомендаций), .gitignore и README.md. Папка должна быть новой или пустой. Затем в ней:\n"
               "monsite check, monsite serve, monsite build.\n"
               "\n" +
               describe(command_options(command)) + "\n" + exit_statuses;
    if (command == "help") return "monsite help <команда>\n\nПечатает справку по команде.\n";
    throw util::UsageError("неизвестная команда «" + command + "»; список команд: monsite --help");
}

Options parse_options(const std::vector<std::string>& args) {
    Options options;
    if (args.empty()) return options;
    const std::string& first = args.front();
    if (first == "-h" || first == "--help") {
        options.command = Command::help;
        return options;
    }
    if (first == "--version" || first == "-V") {
        options.command = Command::version;
        return options;
    }
    std::vector<std::string> rest(args.begin() + 1, args.end());
    if (first == "help") {
        options.command = Command::help;
        if (rest.size() > 1) throw util::UsageError("команда help принимает одно имя команды");
        if (!rest.empty()) {
            command_help(rest.front());  // validates the name
            options.help_topic = rest.front();
        }
        return options;
    }
    if (first == "new") return parse_new(rest);
    if (first != "check" && first != "build" && first != "pdf" && first != "template" && first != "serve") {
        if (first.starts_with("-"))
            throw util::UsageError("неизвестный параметр «" + first + "»; справка: monsite --help");
        throw util::UsageError("неизвестная команда «" + first + "»; список команд: monsite --help");
    }
    options.command = first == "check"   ? Command::check
                      : first == "build" ? Command::build
                      : first == "pdf"   ? Command::pdf
                      : first == "serve" ? Command::serve
                                         : Command::collection_template;
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(rest).options(command_options(first)).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        throw util::UsageError("неверные параметры команды " + first + ": " + e.what() + "; справка: monsite help " +
                               first);
    }
    if (vm["help"].as<bool>()) {
        options.command = Command::help;
        options.help_topic = first;
        return options;
    }
    if (options.command == Command::pdf) {
        options.site_dir = vm["site"].as<std::string>();
        if (vm.count("out")) options.pdf_out = vm["out"].as<std::string>();
        options.threads = vm["threads"].as<unsigned>();
        options.quiet = vm["quiet"].as<bool>();
        return options;
    }
    options.data_dir = vm["data"].as<std::string>();
    if (options.command == Command::serve) {
        if (vm.count("config")) options.config_file = vm["config"].as<std::string>();
        options.port = vm["port"].as<int>();
        if (options.port < 0 || options.port > 65535)
            throw util::UsageError("порт --port должен быть от 0 до 65535, например 8080");
        options.bind = vm["bind"].as<std::string>();
        options.threads = vm["threads"].as<unsigned>();
        options.strict = vm["strict"].as<bool>();
        return options;
    }
    if (options.command == Command::collection_template) {
        if (vm.count("config")) options.config_file = vm["config"].as<std::string>();
        if (vm.count("out")) options.out_file = vm["out"].as<std::string>();
        if (vm.count("school")) options.school = vm["school"].as<std::string>();
        if (vm.count("year")) options.year = checked_year(vm["year"].as<int>());
        return options;
    }
    if (vm.count("pdf")) options.pdf = vm["pdf"].as<bool>();
    if (vm.count("force")) options.force = vm["force"].as<bool>();
    if (vm.count("base-url")) options.base_url = vm["base-url"].as<std::string>();
    if (vm.count("site-url")) options.site_url = vm["site-url"].as<std::string>();
    if (vm.count("out")) options.out_dir = vm["out"].as<std::string>();
    if (vm.count("config")) options.config_file = vm["config"].as<std::string>();
    options.threads = vm["threads"].as<unsigned>();
    options.quiet = vm["quiet"].as<bool>();
    options.verbose = vm["verbose"].as<bool>();
    options.strict = vm["strict"].as<bool>();
    if (options.quiet && options.verbose) throw util::UsageError("параметры --quiet и --verbose несовместимы");
    return options;
}

}  // namespace monsite::cli
