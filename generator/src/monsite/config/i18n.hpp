#pragma once
// The interface text catalogue (i18n/<lang>.toml): every word the site writes,
// by key, with plural forms for counts. The built-in catalogue of a language is
// compiled in from the repository's i18n/ folder; a site may change any text in
// its own i18n/<lang>.toml beside data/, key by key. A TextCatalogue owns its
// texts; views copy what they need.

#include <filesystem>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "monsite/util/error.hpp"
#include "monsite/util/language.hpp"
#include "monsite/util/plural.hpp"

namespace monsite::config {

// One key: a plain text, or the forms of a counted word ({count} in each).
struct TextEntry {
    std::string text;                                   // a plain text; empty for a plural entry
    std::map<util::PluralCategory, std::string> forms;  // a plural entry: exactly the language's categories
    util::SourceLocation where;                         // the file and line that set it last
    bool plural() const { return !forms.empty(); }
};

class TextCatalogue {
public:
    explicit TextCatalogue(util::Language language = util::Language::ru) : language_(language) {}

    util::Language language() const { return language_; }
    const std::map<std::string, TextEntry, std::less<>>& entries() const { return entries_; }
    const TextEntry* find(std::string_view key) const;

    // The plain text of `key`. A key that is missing or plural is a bug in the
    // generator or a theme: util::InternalError naming the key.
    const std::string& text(std::string_view key) const;
    // text(key) with each {name} replaced by its value ("{year}" -> "2025");
    // placeholders without a value stay as they are.
    std::string fill(std::string_view key,
                     std::initializer_list<std::pair<std::string_view, std::string_view>> values) const;
    // The form of a plural entry for n, {count} replaced by n written the
    // language's way: plural("school_count", 24) -> "24 школы". InternalError
    // for a missing or plain key.
    std::string plural(std::string_view key, long long n) const;
    // The same for a decimal as the calculations give it ("12.50"), written with
    // trailing zeros dropped: plural_decimal("value_years", "12.50") -> "12,5 года".
    std::string plural_decimal(std::string_view key, std::string_view fixed) const;

    // Adds or replaces a key (used by the loaders below).
    void set(std::string key, TextEntry entry);

private:
    const TextEntry& entry(std::string_view key, bool plural) const;

    util::Language language_;
    std::map<std::string, TextEntry, std::less<>> entries_;
};

// The {name} placeholders of a text, in order of appearance ("{count}", "{year}" -> count, year).
std::vector<std::string> placeholders(std::string_view text);

// Parses a whole catalogue. Throws util::UsageError naming `source` and the
// line for TOML errors, a key that is not latin lower case, digits and _, an
// empty text, a value that is neither a text nor a table of plural forms, and a
// plural entry without exactly the language's forms (ru: one, few, many,
// other; en: one, other).
TextCatalogue parse_texts(std::string_view toml_text, const std::string& source, util::Language language);

// Applies a site's catalogue over `base`, key by key. On top of parse_texts'
// checks: a key `base` lacks is an error with the nearest key as a hint; a
// plain text cannot replace a plural entry or the other way round; a {name}
// the built-in text does not have is an error (nothing would fill it).
void override_texts(TextCatalogue& base, std::string_view toml_text, const std::string& source);

// The compiled-in catalogue of i18n/<lang>.toml.
std::string_view builtin_texts_toml(util::Language language);
TextCatalogue builtin_texts(util::Language language);

// Where a site keeps its own texts: <site root>/i18n/<lang>.toml.
std::filesystem::path site_texts_file(const std::filesystem::path& site_root, util::Language language);

// The built-in catalogue, then the site's i18n/<lang>.toml over it if there is
// one (site_root as site::site_root gives it). Throws util::UsageError.
TextCatalogue load_texts(util::Language language, const std::filesystem::path& site_root);

}  // namespace monsite::config
