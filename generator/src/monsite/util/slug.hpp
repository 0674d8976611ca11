#pragma once
// File-name-safe identifiers for school codes and cluster names, used for
// page folders and download names.

#include <string>
#include <string_view>

namespace monsite::util {

// A file-name-safe, stable identifier for a school code or a cluster name:
// safe codes stay as they are; anything else is transliterated, and a hash is
// added when that alone would not be safe or unique.
std::string slug(std::string_view text);

// Lower-case Latin transliteration of Russian text: letters and digits kept,
// every other run of characters becomes one '-', none at the ends.
std::string translit(std::string_view text);

}  // namespace monsite::util
