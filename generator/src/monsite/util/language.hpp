#pragma once
// The interface languages monsite knows texts, plural rules and number forms for.

#include <optional>
#include <string_view>

namespace monsite::util {

enum class Language { ru, en };

// "ru" -> Language::ru, "en" -> Language::en; anything else: nullopt.
constexpr std::optional<Language> parse_language(std::string_view code) {
    if (code == "ru") return Language::ru;
    if (code == "en") return Language::en;
    return std::nullopt;
}

constexpr std::string_view to_string(Language language) { return language == Language::ru ? "ru" : "en"; }

}  // namespace monsite::util
