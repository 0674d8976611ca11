#include "monsite/util/lookalike.hpp"

#include <vector>

#include "monsite/util/strings.hpp"

namespace monsite::util {
namespace {

// Code points of a UTF-8 text; a malformed byte is U+FFFD.
std::vector<char32_t> code_points(std::string_view text) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < text.size();) {
        auto b0 = static_cast<unsigned char>(text[i]);
        std::size_t len = b0 < 0x80 ? 1 : (b0 & 0xE0) == 0xC0 ? 2 : (b0 & 0xF0) == 0xE0 ? 3 : (b0 & 0xF8) == 0xF0 ? 4 : 0;
        char32_t cp = len == 1 ? b0 : len == 2 ? (b0 & 0x1Fu) : len == 3 ? (b0 & 0x0Fu) : (b0 & 0x07u);
        bool ok = len > 0 && i + len <= text.size();
        for (std::size_t k = 1; ok && k < len; ++k) {
            auto b = static_cast<unsigned char>(text[i + k]);
            ok = (b & 0xC0) == 0x80;
            cp = (cp << 6) | (b & 0x3Fu);
        }
        if (!ok) {
            out.push_back(0xFFFD);
            ++i;
            continue;
        }
        out.push_back(cp);
        i += len;
    }
    return out;
}

char32_t lower(char32_t cp) {
    if (cp >= 'A' && cp <= 'Z') return cp + 32;
    if (cp >= 0x410 && cp <= 0x42F) return cp + 32;  // А-Я
    if (cp >= 0x400 && cp <= 0x40F) return cp + 80;  // Ѐ-Џ, Ё, І
    return cp;
}

// The key character of a lower-cased code point (see the table in the header).
char32_t fold(char32_t cp) {
    switch (cp) {
        case U'о': case U'0': return U'o';
        case U'а': return U'a';
        case U'в': return U'b';
        case U'с': return U'c';
        case U'е': case U'ё': return U'e';
        case U'н': return U'h';
        case U'к': return U'k';
        case U'м': return U'm';
        case U'р': return U'p';
        case U'т': return U't';
        case U'х': return U'x';
        case U'у': return U'y';
        case U'з': return U'3';
        case U'ч': return U'4';
        case U'б': return U'6';
        case U'i': case U'l': case U'і': case U'|': return U'1';
        case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212: return U'-';
        case 0xA0: case 0x202F: case 0x2009: case 0x2007: return U' ';
        default: return cp;
    }
}

std::string character(char32_t cp) {
    std::string s;
    append_utf8(s, cp);
    return quote_for_message(s);
}

// "цифра «0»", "латинская буква «o»", "кириллическая буква «О»", "знак «–»".
std::string describe(char32_t cp) {
    if (cp >= '0' && cp <= '9') return "цифра " + character(cp);
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return "латинская буква " + character(cp);
    if (cp >= 0x400 && cp <= 0x4FF) return "кириллическая буква " + character(cp);
    if (cp == ' ') return "пробел";
    if (cp == 0xA0 || cp == 0x202F || cp == 0x2007) return "неразрывный пробел";
    if (cp == 0x2009) return "узкий пробел";
    return "знак " + character(cp);
}

}  // namespace

std::string lookalike_key(std::string_view code) {
    std::string key;
    for (char32_t cp : code_points(code)) append_utf8(key, fold(lower(cp)));
    return key;
}

std::string lookalike_difference(std::string_view found, std::string_view known) {
    auto a = code_points(found), b = code_points(known);
    if (a == b) return {};
    std::string places;
    std::size_t listed = 0;
    bool case_only = a.size() == b.size();
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
        if (a[i] == b[i] || lower(a[i]) == lower(b[i])) continue;
        case_only = false;
        if (++listed > 3) {
            places += "; …";
            break;
        }
        places += (places.empty() ? "" : "; ") + std::to_string(i + 1) + "-й знак — " + describe(a[i]) + ", а не " +
                  describe(b[i]);
    }
    if (case_only) return "различается только регистр букв (заглавные и строчные)";
    return places;
}

}  // namespace monsite::util
