#pragma once
// UTF-8 text helpers used across stages. All functions take and return UTF-8.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace monsite::util {

// True when the bytes are well-formed UTF-8 (no overlongs, no surrogates).
bool is_valid_utf8(std::string_view text);

// Decodes Windows-1251 bytes to UTF-8.
std::string cp1251_to_utf8(std::string_view bytes);

// Appends one code point as UTF-8.
void append_utf8(std::string& out, char32_t code_point);

// Removes leading and trailing white space, including no-break spaces
// (U+00A0, U+202F, U+2007) and BOMs.
std::string_view trim(std::string_view text);

// Lower-cases ASCII and Cyrillic letters; other characters are kept.
std::string to_lower(std::string_view text);

// The key used to match headers and sheet names: lower case, "ё" as "е",
// runs of white space as one space, no surrounding white space and no
// trailing punctuation (".,:;!?*%…").
std::string normalize_key(std::string_view text);

// normalize_key, then every character that is neither a letter nor a digit
// (hyphens, dashes, commas, quotes, brackets, ...) read as a space: for
// telling a slip from a new text, "Педагоги-наставники" and "педагоги
// наставники" give the same loose key. Never used to accept a header.
std::string loose_key(std::string_view text);

// Levenshtein distance (insertions, deletions, substitutions), counted in
// code points; an invalid byte counts as one. Gives up above `limit`,
// returning limit + 1.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit = SIZE_MAX - 1);

// The index of the option nearest to `text` by edit_distance, if it is at
// most `max_distance` edits away (ties: the first); for "did you mean" hints.
std::optional<std::size_t> closest(std::string_view text, std::span<const std::string_view> options,
                                   std::size_t max_distance);

// Text shown inside «» in messages: cut to a readable length, control
// characters replaced, so a hostile cell cannot flood or garble the output.
std::string quote_for_message(std::string_view text, std::size_t max_chars = 60);

// Number of code points (invalid bytes count as one each).
std::size_t utf8_length(std::string_view text);

}  // namespace monsite::util
