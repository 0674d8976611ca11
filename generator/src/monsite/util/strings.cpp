#include "monsite/util/strings.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace monsite::util {
namespace {

// Decodes one code point at text[i]; returns its length, or 0 if malformed.
std::size_t decode_utf8(std::string_view text, std::size_t i, char32_t& cp) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char b0 = byte(i);
    if (b0 < 0x80) { cp = b0; return 1; }
    std::size_t len = 0;
    char32_t min = 0;
    if ((b0 & 0xE0) == 0xC0) { len = 2; cp = b0 & 0x1F; min = 0x80; }
    else if ((b0 & 0xF0) == 0xE0) { len = 3; cp = b0 & 0x0F; min = 0x800; }
    else if ((b0 & 0xF8) == 0xF0) { len = 4; cp = b0 & 0x07; min = 0x10000; }
    else return 0;
    if (i + len > text.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        unsigned char b = byte(i + k);
        if ((b & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

bool is_space_cp(char32_t cp) {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' ||
           cp == 0xA0 || cp == 0x202F || cp == 0x2007 || cp == 0xFEFF || cp == 0x2009;
}

char32_t lower_cp(char32_t cp) {
    if (cp >= 'A' && cp <= 'Z') return cp + 32;
    if (cp >= 0x410 && cp <= 0x42F) return cp + 32;  // А-Я
    if (cp >= 0x400 && cp <= 0x40F) return cp + 80;  // Ѐ-Џ, Ё
    return cp;
}

}  // namespace

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool is_valid_utf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp;
        std::size_t len = decode_utf8(text, i, cp);
        if (len == 0) return false;
        i += len;
    }
    return true;
}

std::string cp1251_to_utf8(std::string_view bytes) {
    // Code points of 0x80..0xBF; 0xC0..0xFF map to U+0410..U+044F.
    static constexpr std::array<char16_t, 64> high = {
        0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021, 0x20AC, 0x2030, 0x0409,
        0x2039, 0x040A, 0x040C, 0x040B, 0x040F, 0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0xFFFD, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F, 0x00A0,
        0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7, 0x0401, 0x00A9, 0x0404, 0x00AB,
        0x00AC, 0x00AD, 0x00AE, 0x0407, 0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6,
        0x00B7, 0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457};
    std::string out;
    out.reserve(bytes.size() * 2);
    for (char ch : bytes) {
        auto b = static_cast<unsigned char>(ch);
        if (b < 0x80) out += ch;
        else if (b >= 0xC0) append_utf8(out, 0x0410 + (b - 0xC0));
        else append_utf8(out, high[b - 0x80]);
    }
    return out;
}

std::string_view trim(std::string_view text) {
    std::size_t begin = 0;
    while (begin < text.size()) {
        char32_t cp;
        std::size_t len = decode_utf8(text, begin, cp);
        if (len == 0 || !is_space_cp(cp)) break;
        begin += len;
    }
    std::size_t end = text.size();
    while (end > begin) {
        std::size_t start = end - 1;
        while (start > begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
        char32_t cp;
        std::size_t len = decode_utf8(text, start, cp);
        if (len != end - start || !is_space_cp(cp)) break;
        end = start;
    }
    return text.substr(begin, end - begin);
}

std::string to_lower(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp;
        std::size_t len = decode_utf8(text, i, cp);
        if (len == 0) { out += text[i++]; continue; }
        append_utf8(out, lower_cp(cp));
        i += len;
    }
    return out;
}

std::string normalize_key(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp;
        std::size_t len = decode_utf8(text, i, cp);
        if (len == 0) { cp = 0xFFFD; len = 1; }
        i += len;
        if (is_space_cp(cp)) { pending_space = !out.empty(); continue; }
        if (pending_space) { out += ' '; pending_space = false; }
        cp = lower_cp(cp);
        if (cp == 0x451) cp = 0x435;  // ё -> е
        append_utf8(out, cp);
    }
    // Trailing punctuation, including "%" and "…": "Результат диагностики, %" matches "Результат диагностики".
    for (bool again = true; again && !out.empty();) {
        again = false;
        if (out.ends_with("\u2026")) {
            out.resize(out.size() - 3);
            again = true;
        } else if (std::string_view(".,:;!?*%").find(out.back()) != std::string_view::npos) {
            out.pop_back();
            again = true;
        }
        while (!out.empty() && out.back() == ' ') out.pop_back();
    }
    return out;
}

std::string quote_for_message(std::string_view text, std::size_t max_chars) {
    std::string out = "«";
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp;
        std::size_t len = decode_utf8(text, i, cp);
        if (len == 0) { cp = 0xFFFD; len = 1; }
        i += len;
        if (count == max_chars) { out += "…"; break; }
        if (cp < 0x20 || cp == 0x7F) cp = ' ';
        append_utf8(out, cp);
        ++count;
    }
    return out + "»";
}

std::size_t utf8_length(std::string_view text) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < text.size(); ++n) {
        char32_t cp;
        std::size_t len = decode_utf8(text, i, cp);
        i += len ? len : 1;
    }
    return n;
}

namespace {

// Punctuation that loose_key reads as a space: ASCII other than letters and
// digits, guillemets, dashes, typographic quotes, the ellipsis.
bool is_loose_separator(char32_t cp) {
    if (cp < 0x80) return !((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'));
    return cp == 0xAB || cp == 0xBB || (cp >= 0x2010 && cp <= 0x2015) || (cp >= 0x2018 && cp <= 0x201F) ||
           cp == 0x2026 || cp == 0x2212 || cp == 0xA0 || cp == 0x202F || cp == 0x2007;
}

std::vector<char32_t> code_points(std::string_view text) {
    std::vector<char32_t> out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp;
        std::size_t len = decode_utf8(text, i, cp);
        if (len == 0) { cp = 0xFFFD; len = 1; }
        i += len;
        out.push_back(cp);
    }
    return out;
}

}  // namespace

std::string loose_key(std::string_view text) {
    std::string key = normalize_key(text);
    std::string out;
    out.reserve(key.size());
    bool pending_space = false;
    for (char32_t cp : code_points(key)) {
        if (is_loose_separator(cp)) { pending_space = !out.empty(); continue; }
        if (pending_space) { out += ' '; pending_space = false; }
        append_utf8(out, cp);
    }
    return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
    std::vector<char32_t> x = code_points(a), y = code_points(b);
    if (x.size() < y.size()) std::swap(x, y);
    if (x.size() - y.size() > limit) return limit + 1;
    std::vector<std::size_t> row(y.size() + 1);
    for (std::size_t j = 0; j <= y.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= x.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        std::size_t row_min = row[0];
        for (std::size_t j = 1; j <= y.size(); ++j) {
            std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
            diagonal = up;
            row_min = std::min(row_min, row[j]);
        }
        if (row_min > limit) return limit + 1;  // every path is already too long
    }
    return std::min(row[y.size()], limit + 1);
}

std::optional<std::size_t> closest(std::string_view text, std::span<const std::string_view> options,
                                   std::size_t max_distance) {
    std::optional<std::size_t> best;
    std::size_t best_distance = max_distance + 1;
    for (std::size_t i = 0; i < options.size(); ++i) {
        std::size_t d = edit_distance(text, options[i], max_distance);
        if (d < best_distance) {
            best_distance = d;
            best = i;
        }
    }
    return best;
}

}  // namespace monsite::util
