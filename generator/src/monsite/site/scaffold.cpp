#include "monsite/site/scaffold.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>

#include "monsite/config/config.hpp"
#include "monsite/config/i18n.hpp"
#include "monsite/render/collection_workbook.hpp"
#include "monsite/site/resources.hpp"
#include "monsite/site/sources.hpp"
#include "monsite/util/error.hpp"

namespace monsite::site {
namespace {

namespace fs = std::filesystem;

int this_year() {
    const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    return static_cast<int>(std::chrono::year_month_day(today).year());
}

// UTF-8 code points in `text`.
std::size_t characters(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Replaces the line `key = ...` of `text` by `key = value`, keeping the
// column of its comment; `comment`, when not empty, replaces the comment.
void set_line(std::string& text, std::string_view key, const std::string& value, std::string_view comment = {}) {
    const std::string start = std::string(key) + " = ";
    std::size_t at = 0;
    if (!text.starts_with(start)) {
        at = text.find("\n" + start);
        if (at == std::string::npos)
            throw util::InternalError("во встроенном site.toml нет строки «" + std::string(key) + " = »");
        ++at;
    }
    std::size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    const std::string old = text.substr(at, end - at);
    // The comment starts at the first # after the value (the built-in values hold no #).
    const std::size_t hash = old.find('#', start.size());
    std::string line = start + value;
    if (hash != std::string::npos || !comment.empty()) {
        // Aligned by characters, as an editor shows them (a Cyrillic letter is two bytes).
        const std::size_t width = characters(line);
        const std::size_t column = hash == std::string::npos ? width + 2 : characters(old.substr(0, hash));
        line.append(width + 2 > column ? 2 : column - width, ' ');
        line += comment.empty() ? old.substr(hash) : std::string(comment);
    }
    text.replace(at, end - at, line);
}

void write_file(const fs::path& file, std::string_view bytes) {
    fs::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) throw util::InternalError("не удалось записать файл «" + file.generic_string() + "»");
}

std::string readme(const std::string& municipality, int year) {
    const std::string y = std::to_string(year);
    return "# Сайт мониторинга: " + municipality +
           "\n"
           "\n"
           "Сайт с отчётами мониторинга профессионального развития педагогов. Его собирает\n"
           "программа monsite из таблиц, которые заполняют школы.\n"
           "\n"
           "## Папки и файлы\n"
           "\n"
           "- `data/` — данные и настройки:\n"
           "  - `data/site.toml` — настройки сайта: название муниципалитета и управления образования,\n"
           "    адрес сайта, пороги групп; у каждой настройки есть комментарий;\n"
           "  - `data/indicators.toml` — каталог показателей: формулы, пороги, названия; его можно менять;\n"
           "  - `data/" + y + "/` — данные " + y + " года: сюда кладутся заполненные книги школ (.xlsx, .ods\n"
           "    или .csv); каждый следующий год — своя папка рядом (`data/" + std::to_string(year + 1) + "/`, ...).\n"
           "- `collection-" + y + ".xlsx` — книга для сбора данных " + y + " года: впишите в лист «ОО» школы,\n"
           "  разошлите книгу школам и положите заполненные книги в `data/" + y + "/`.\n"
           "  Книгу на следующий год, уже со школами, пишет команда `monsite template`.\n"
           "- `content/` — страницы сайта в Markdown: `about.md` («О мониторинге»), `help.md`\n"
           "  («Как читать отчёт»); новая страница — новый файл `.md`.\n"
           "- `content/recommendations/` — правила адресных рекомендаций школам: файл `.md` на правило\n"
           "  (`.en.md` — его английский текст).\n"
           "- `public/` — готовый сайт; его записывает `monsite build` (в git не хранится, см. `.gitignore`).\n"
           "\n"
           "## Команды\n"
           "\n"
           "Запускаются в этой папке:\n"
           "\n"
           "    monsite check    # проверить данные и настройки, ничего не записывая\n"
           "    monsite serve    # смотреть сайт в браузере на своём компьютере, пока правите данные и страницы\n"
           "    monsite build    # собрать сайт в папку public/\n"
           "\n"
           "Справка по каждой команде: `monsite help build`.\n"
           "\n"
           "## Публикация\n"
           "\n"
           "Скопируйте содержимое папки `public/` на веб-сервер (или опубликуйте его через GitHub Pages).\n";
}

constexpr std::string_view gitignore =
    "# The built site: `monsite build` writes it again from data/ and content/.\n"
    "public/\n"
    "# Unfinished files and the lock files of Excel and LibreOffice.\n"
    "*.tmp\n"
    "*.partial\n"
    "~$*\n"
    ".~lock.*#\n";

// The shipped pages a new site starts from: content/about.md, content/help.md
// and content/recommendations/*.md, relative to `root`, sorted.
std::vector<fs::path> shipped_content(const fs::path& root) {
    std::vector<fs::path> files{"content/about.md", "content/help.md"};
    std::error_code ec;
    const fs::path rules = root / "content" / "recommendations";
    if (fs::is_directory(rules, ec))
        for (const auto& e : fs::directory_iterator(rules))
            if (e.is_regular_file() && e.path().extension() == ".md")
                files.push_back(fs::path("content") / "recommendations" / e.path().filename());
    std::sort(files.begin() + 2, files.end());
    for (const auto& f : files)
        if (!fs::is_regular_file(root / f, ec))
            throw util::UsageError("не найден файл «" + (root / f).generic_string() +
                                   "», из которого пишется новый сайт: установите monsite заново (cmake --install)");
    if (files.size() == 2)
        throw util::UsageError("не найдены правила рекомендаций в «" + rules.generic_string() +
                               "»: установите monsite заново (cmake --install)");
    return files;
}

bool is_empty_folder(const fs::path& dir) {
    std::error_code ec;
    return fs::is_empty(dir, ec) && !ec;
}

}  // namespace

std::string toml_string(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (u < 0x20 || u == 0x7f) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04X", u);
            out += escaped;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::string scaffold_site_toml(std::string_view builtin, const std::optional<std::string>& municipality) {
    std::string text(builtin);
    if (municipality) set_line(text, "municipality", toml_string(*municipality));
    set_line(text, "department", toml_string(config::default_config().department),
             "# who publishes the report: write your department's name here");
    set_line(text, "indicators", "\"indicators.toml\"",
             "# the indicator catalogue beside this file (a copy of the built-in one, to adapt)");
    return "# Settings of the site, written by `monsite new`: the defaults, but for municipality and\n"
           "# indicators. Настройки сайта: у каждой — комментарий; подробнее — README monsite, «Configuration».\n"
           "#\n" +
           text;
}

ScaffoldReport new_site(const ScaffoldOptions& options) {
    const std::string shown = options.dir.generic_string();
    fs::path dir = fs::absolute(options.dir).lexically_normal();
    if (!dir.has_filename()) dir = dir.parent_path();
    std::error_code ec;
    if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
        throw util::UsageError("«" + shown + "» — не папка: укажите новую папку для сайта");
    const bool exists = fs::exists(dir, ec);
    if (exists && !is_empty_folder(dir))
        throw util::UsageError("папка «" + shown +
                               "» уже существует и не пуста: новый сайт создаётся только в новой или пустой папке");
    const fs::path root = find_resources().root;
    const std::vector<fs::path> content = shipped_content(root);

    const int year = options.year ? options.year : this_year();
    const std::string y = std::to_string(year);
    const config::SiteConfig defaults = config::default_config();
    const std::string municipality = options.municipality ? *options.municipality : defaults.municipality;

    // Written beside DIR, then renamed into place.
    const fs::path staging = dir.parent_path() / ("." + dir.filename().string() + ".monsite-new.tmp");
    if (fs::exists(staging, ec))
        throw util::UsageError("папка «" + staging.generic_string() +
                               "» осталась от прерванного monsite new: удалите её и повторите");
    ScaffoldReport report;
    report.dir = options.dir;
    report.workbook = "collection-" + y + ".xlsx";
    report.year = year;
    try {
        fs::create_directories(staging);
        auto add = [&](const std::string& relative, std::string_view bytes) {
            write_file(staging / relative, bytes);
            report.files.push_back(relative);
        };
        add("data/site.toml", scaffold_site_toml(config::builtin_site_toml(), options.municipality));
        add("data/indicators.toml", config::builtin_catalogue_toml());
        add("data/" + y + "/.gitkeep", "");
        for (const auto& f : content) add(f.generic_string(), read_bytes(root / f));
        add(".gitignore", gitignore);
        add("README.md", readme(municipality, year));

        // The settings just written must load, and give the built-in catalogue.
        const config::SiteConfig config = config::load_config(staging / "data" / "site.toml");
        if (config.catalogue.indicators.size() != defaults.catalogue.indicators.size())
            throw util::InternalError("записанный indicators.toml не совпадает со встроенным каталогом");
        render::CollectionWorkbook book;
        book.year = year;
        book.author = config.department;
        render::write_collection_workbook(staging / report.workbook, book, config.catalogue,
                                          config::builtin_texts(config::site_language(config)));
        report.files.push_back(report.workbook);

        if (!exists) {
            fs::create_directories(dir.parent_path());
            fs::rename(staging, dir);
        } else {  // an empty folder (maybe the current one) stays; its new entries are moved in
            std::vector<fs::path> entries;
            for (const auto& e : fs::directory_iterator(staging)) entries.push_back(e.path().filename());
            std::vector<fs::path> moved;
            try {
                for (const auto& name : entries) {
                    fs::rename(staging / name, dir / name);
                    moved.push_back(name);
                }
            } catch (...) {
                for (const auto& name : moved) fs::remove_all(dir / name, ec);
                throw;
            }
            fs::remove(staging, ec);
        }
    } catch (const util::Error&) {
        fs::remove_all(staging, ec);
        throw;
    } catch (const std::exception& e) {
        fs::remove_all(staging, ec);
        throw util::InternalError("новый сайт не записан в «" + shown + "»: " + e.what());
    }
    std::sort(report.files.begin(), report.files.end());
    return report;
}

}  // namespace monsite::site
