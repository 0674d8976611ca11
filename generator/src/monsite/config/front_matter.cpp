#include "monsite/config/front_matter.hpp"

#include <toml++/toml.h>

namespace monsite::config {
namespace {

util::SourceLocation line_of(const std::string& source, std::size_t line) {
    return {source, "", static_cast<std::uint32_t>(line), 0, true};
}

}  // namespace

FrontMatterText split_front_matter_text(std::string_view text, const std::string& source, std::string_view of_what) {
    FrontMatterText split;
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    split.body = text;
    if (!(text.starts_with("+++\n") || text.starts_with("+++\r\n"))) return split;
    std::size_t start = text.find('\n') + 1;
    std::size_t end = start;
    std::size_t line_no = 2;
    for (;; ++line_no) {
        std::size_t next = text.find('\n', end);
        std::string_view line = text.substr(end, next == std::string_view::npos ? std::string_view::npos : next - end);
        if (line.ends_with('\r')) line.remove_suffix(1);
        if (line == "+++") break;
        if (next == std::string_view::npos)
            throw util::UsageError("блок параметров " + std::string(of_what) + " не закрыт строкой +++", line_of(source, 1));
        end = next + 1;
    }
    split.present = true;
    split.toml = text.substr(start, end - start);
    split.closing_line = line_no;
    std::size_t after = text.find('\n', end);
    split.body = after == std::string_view::npos ? std::string_view() : text.substr(after + 1);
    return split;
}

SplitPage split_front_matter(std::string_view text, const std::string& source) {
    FrontMatterText split = split_front_matter_text(text, source);
    SplitPage page{{}, split.body};
    if (!split.present) return page;
    std::string_view toml_text = split.toml;

    toml::table table;
    try {
        table = toml::parse(toml_text, source);
    } catch (const toml::parse_error& e) {
        throw util::UsageError("ошибка в параметрах страницы: " + std::string(e.description()),
                               line_of(source, e.source().begin.line + 1));
    }
    for (auto&& [key, node] : table) {
        std::size_t line = key.source().begin.line + 1;  // +1: the opening "+++"
        if (key == "title" || key == "description") {
            auto v = node.value<std::string>();
            if (!v) throw util::UsageError("«" + std::string(key.str()) + "» должен быть строкой", line_of(source, line));
            (key == "title" ? page.front.title : page.front.description) = *v;
        } else if (key == "weight") {
            auto v = node.value_exact<std::int64_t>();
            if (!v || *v < -100000 || *v > 100000)
                throw util::UsageError("«weight» должен быть целым числом", line_of(source, line));
            page.front.weight = static_cast<int>(*v);
        } else if (key == "draft") {
            auto v = node.value_exact<bool>();
            if (!v) throw util::UsageError("«draft» должен быть true или false", line_of(source, line));
            page.front.draft = *v;
        } else {
            throw util::UsageError("неизвестный параметр страницы «" + std::string(key.str()) +
                                       "»; допустимы title, description, weight, draft",
                                   line_of(source, line));
        }
    }
    return page;
}

}  // namespace monsite::config
