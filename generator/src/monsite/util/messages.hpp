#pragma once
// The Russian texts of errors the render stage raises, and the origins it gives
// published files for messages. CLI and error messages stay Russian whatever the
// site's language (the site's words are in i18n/<lang>.toml); keeping them here
// keeps render/ free of Russian text.

#include <string>
#include <string_view>

namespace monsite::util::messages {

inline std::string q(std::string_view s) { return "«" + std::string(s) + "»"; }

// template.cpp
inline constexpr const char* template_cycle = "шаблоны темы включают друг друга по кругу ({{> ...}})";
inline std::string template_label(std::string_view name) { return "шаблон " + q(name); }
inline std::string unknown_partial(std::string_view name) {
    return "неизвестный шаблон {{> " + std::string(name) + "}}: в теме нет файла " + q(std::string(name) + ".mustache") +
           " (ни в своей теме, ни в теме default)";
}
inline std::string template_error(std::string_view name, std::string_view error) {
    return "шаблон " + q(name) + " содержит ошибку: " + std::string(error);
}
inline std::string no_template_folder(std::string_view searched) {
    return "не найдена папка шаблонов темы (искали: " + std::string(searched) + ")";
}
inline std::string no_template(std::string_view name) { return "нет шаблона " + q(name) + " в теме"; }
inline std::string template_render_error(std::string_view name, std::string_view error) {
    return "шаблон " + q(name) + ": " + std::string(error);
}

// markdown.cpp
inline constexpr const char* cmark_parser = "cmark: не удалось создать парсер";

// xlsx_writer.cpp
inline std::string xlsx_no_book(std::string_view path) { return "не удалось создать книгу " + std::string(path); }
inline std::string xlsx_no_sheet(std::string_view name) { return "не удалось добавить лист " + q(name); }
inline std::string xlsx_write_failed(std::string_view path, std::string_view error) {
    return "не удалось записать " + std::string(path) + ": " + std::string(error);
}

// Origins of generated files, named in messages about them.
inline constexpr const char* sitemap_origin = "карта сайта (sitemap.xml)";
inline std::string page_origin(std::string_view template_name) {
    return "страница генератора (шаблон " + std::string(template_name) + ")";
}
inline std::string school_data_origin(std::string_view school_id) {
    return "открытые данные школы " + std::string(school_id);
}

}  // namespace monsite::util::messages
