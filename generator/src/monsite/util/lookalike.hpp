#pragma once
// Codes that look alike: two codes are look-alikes when they are equal after
// folding case and the characters that share a shape across Cyrillic, Latin
// and digits. Used to suggest the code that was meant («65О025» for «650025»).
//
// The table (after lower-casing ASCII and Cyrillic letters), each class one key character:
//   o: Latin o, Cyrillic о, digit 0      a: a, а        b: b, в (В)      c: c, с
//   e: e, е, ё                           h: h, н (Н)    k: k, к          m: m, м
//   p: p, р                              t: t, т        x: x, х          y: y, у
//   3: digit 3, з (З)                    4: digit 4, ч (Ч)               6: digit 6, б
//   1: digit 1, Latin i and l, Ukrainian і, the vertical bar |
//   -: hyphen-minus and the Unicode hyphens and dashes (‐ ‑ ‒ – — −)
//   space: plain, no-break (U+00A0), narrow no-break (U+202F), thin (U+2009), figure (U+2007)
// Every other character is kept (lower-cased), so each code point of a code
// gives exactly one of its key.

#include <string>
#include <string_view>

namespace monsite::util {

// The folded form of a code; look-alike codes have equal keys.
std::string lookalike_key(std::string_view code);

// How `found` differs from `known` (two codes with equal keys), in words:
// "3-й знак — кириллическая буква «О», а не цифра «0»" (up to three places,
// joined by "; "), or "различается только регистр букв (заглавные и строчные)".
// Empty when the codes are equal.
std::string lookalike_difference(std::string_view found, std::string_view known);

}  // namespace monsite::util
