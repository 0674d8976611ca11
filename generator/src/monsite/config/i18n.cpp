#include "monsite/config/i18n.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include <toml++/toml.h>

#include "monsite/util/number_format.hpp"
#include "monsite/util/strings.hpp"

namespace monsite::config {
namespace {

using util::PluralCategory;
using util::SourceLocation;
using util::UsageError;

SourceLocation at(const std::string& source, const toml::source_region& region) {
    return {source, "", static_cast<std::uint32_t>(region.begin.line), 0, true};
}

bool plain_key(std::string_view key) {
    return !key.empty() && key.size() <= 100 && std::all_of(key.begin(), key.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
           });
}

std::string form_list(util::Language language) {
    std::string list;
    for (auto c : util::plural_categories(language)) list += (list.empty() ? "" : ", ") + std::string(util::to_string(c));
    return list;
}

std::string checked_text(const toml::node& node, const std::string& what, const std::string& source) {
    if (!node.is_string())
        throw UsageError(what + " должен быть строкой в кавычках", at(source, node.source()));
    std::string text(*node.value<std::string_view>());
    if (util::trim(text).empty()) throw UsageError(what + " пуст", at(source, node.source()));
    return text;
}

TextEntry parse_entry(std::string_view key, const toml::node& node, const std::string& source,
                      util::Language language) {
    TextEntry entry;
    entry.where = at(source, node.source());
    const std::string name = "текст «" + std::string(key) + "»";
    if (!plain_key(key))
        throw UsageError("ключ " + util::quote_for_message(key) +
                             " может содержать только латинские строчные буквы, цифры и _",
                         entry.where);
    if (!node.is_table()) {
        entry.text = checked_text(node, name, source);
        return entry;
    }
    const auto& table = *node.as_table();
    const auto needed = util::plural_categories(language);
    for (auto&& [form, value] : table) {
        auto category = util::parse_plural_category(form.str());
        if (!category || std::find(needed.begin(), needed.end(), *category) == needed.end())
            throw UsageError("у «" + std::string(key) + "» лишняя форма " + util::quote_for_message(form.str()) +
                                 ": для языка " + std::string(util::to_string(language)) + " нужны ровно " +
                                 form_list(language),
                             at(source, form.source()));
        entry.forms[*category] = checked_text(value, "форма " + std::string(form.str()) + " у «" + std::string(key) + "»",
                                              source);
    }
    for (auto c : needed)
        if (!entry.forms.contains(c))
            throw UsageError("у «" + std::string(key) + "» нет формы «" + std::string(util::to_string(c)) +
                                 "»: для языка " + std::string(util::to_string(language)) + " нужны ровно " +
                                 form_list(language),
                             entry.where);
    return entry;
}

toml::table parse_toml(std::string_view text, const std::string& source) {
    try {
        return toml::parse(text, source);
    } catch (const toml::parse_error& e) {
        throw UsageError("ошибка синтаксиса TOML: " + std::string(e.description()), at(source, e.source()));
    }
}

std::set<std::string> placeholder_set(const TextEntry& e) {
    std::set<std::string> names;
    if (!e.plural())
        for (auto& n : placeholders(e.text)) names.insert(n);
    for (const auto& [c, text] : e.forms)
        for (auto& n : placeholders(text)) names.insert(n);
    return names;
}

std::string replace_placeholders(std::string_view text,
                                 std::initializer_list<std::pair<std::string_view, std::string_view>> values) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        auto open = text.find('{', i);
        if (open == std::string_view::npos) break;
        auto close = text.find('}', open);
        if (close == std::string_view::npos) break;
        std::string_view name = text.substr(open + 1, close - open - 1);
        auto it = std::find_if(values.begin(), values.end(), [&](const auto& v) { return v.first == name; });
        out.append(text.substr(i, open - i));
        if (it != values.end()) out.append(it->second);
        else out.append(text.substr(open, close - open + 1));
        i = close + 1;
    }
    out.append(text.substr(std::min(i, text.size())));
    return out;
}

std::string read_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    if (!in && !in.eof()) throw util::InternalError("не удалось прочитать " + file.generic_string());
    return out.str();
}

}  // namespace

std::vector<std::string> placeholders(std::string_view text) {
    std::vector<std::string> names;
    for (std::size_t open = text.find('{'); open != std::string_view::npos; open = text.find('{', open + 1)) {
        auto close = text.find('}', open);
        if (close == std::string_view::npos) break;
        std::string_view name = text.substr(open + 1, close - open - 1);
        if (plain_key(name)) names.emplace_back(name);
    }
    return names;
}

const TextEntry* TextCatalogue::find(std::string_view key) const {
    auto it = entries_.find(key);
    return it == entries_.end() ? nullptr : &it->second;
}

const TextEntry& TextCatalogue::entry(std::string_view key, bool plural) const {
    const TextEntry* e = find(key);
    if (!e) throw util::InternalError("в каталоге текстов нет ключа «" + std::string(key) + "»");
    if (e->plural() != plural)
        throw util::InternalError("текст «" + std::string(key) + "» " +
                                  (plural ? "не имеет форм для чисел" : "задан формами для чисел"));
    return *e;
}

const std::string& TextCatalogue::text(std::string_view key) const { return entry(key, false).text; }

std::string TextCatalogue::fill(std::string_view key,
                                std::initializer_list<std::pair<std::string_view, std::string_view>> values) const {
    return replace_placeholders(text(key), values);
}

std::string TextCatalogue::plural(std::string_view key, long long n) const {
    const TextEntry& e = entry(key, true);
    const std::string& form = e.forms.at(util::plural_category(language_, n));
    return replace_placeholders(form, {{"count", util::format_integer(n, language_)}});
}

std::string TextCatalogue::plural_decimal(std::string_view key, std::string_view fixed) const {
    const TextEntry& e = entry(key, true);
    util::ShownNumber shown = util::shown_number(fixed, true);
    const std::string& form = e.forms.at(util::plural_category(language_, shown.whole, shown.fraction));
    return replace_placeholders(form, {{"count", util::format_decimal(fixed, language_, true)}});
}

void TextCatalogue::set(std::string key, TextEntry entry) { entries_[std::move(key)] = std::move(entry); }

TextCatalogue parse_texts(std::string_view toml_text, const std::string& source, util::Language language) {
    toml::table table = parse_toml(toml_text, source);
    TextCatalogue catalogue(language);
    for (auto&& [key, node] : table) catalogue.set(std::string(key.str()), parse_entry(key.str(), node, source, language));
    return catalogue;
}

void override_texts(TextCatalogue& base, std::string_view toml_text, const std::string& source) {
    toml::table table = parse_toml(toml_text, source);
    std::vector<std::string_view> known;
    for (const auto& [key, e] : base.entries()) known.push_back(key);
    for (auto&& [key, node] : table) {
        const TextEntry* builtin = base.find(key.str());
        if (!builtin) {
            std::string hint;
            if (auto near = util::closest(key.str(), known, std::max<std::size_t>(2, key.str().size() / 4)))
                hint = "; возможно, имелось в виду «" + std::string(known[*near]) + "»";
            throw UsageError("неизвестный ключ текста " + util::quote_for_message(key.str()) + hint,
                             at(source, key.source()));
        }
        TextEntry entry = parse_entry(key.str(), node, source, base.language());
        if (entry.plural() != builtin->plural())
            throw UsageError(builtin->plural()
                                 ? "«" + std::string(key.str()) + "» задаётся формами для чисел: [" +
                                       std::string(key.str()) + "] и строки " + form_list(base.language())
                                 : "«" + std::string(key.str()) + "» — простой текст: " + std::string(key.str()) +
                                       " = \"...\", без форм для чисел",
                             entry.where);
        const std::set<std::string> allowed = placeholder_set(*builtin);
        for (const auto& name : placeholder_set(entry))
            if (!allowed.contains(name)) {
                std::string list;
                for (const auto& a : allowed) list += (list.empty() ? "{" : ", {") + a + "}";
                throw UsageError("в тексте «" + std::string(key.str()) + "» неизвестная подстановка {" + name + "}" +
                                     (list.empty() ? ": у этого текста подстановок нет" : ": допустимы " + list),
                                 entry.where);
            }
        base.set(std::string(key.str()), std::move(entry));
    }
}

TextCatalogue builtin_texts(util::Language language) {
    return parse_texts(builtin_texts_toml(language),
                       "i18n/" + std::string(util::to_string(language)) + ".toml (встроенный)", language);
}

std::filesystem::path site_texts_file(const std::filesystem::path& site_root, util::Language language) {
    return site_root / "i18n" / (std::string(util::to_string(language)) + ".toml");
}

TextCatalogue load_texts(util::Language language, const std::filesystem::path& site_root) {
    TextCatalogue catalogue = builtin_texts(language);
    const std::filesystem::path file = site_texts_file(site_root, language);
    std::error_code ec;
    if (std::filesystem::is_regular_file(file, ec)) {
        std::string text = read_file(file);
        if (!util::is_valid_utf8(text))
            throw UsageError("файл не в кодировке UTF-8; сохраните его как UTF-8", {file.generic_string()});
        override_texts(catalogue, text, file.generic_string());
    }
    return catalogue;
}

}  // namespace monsite::config
