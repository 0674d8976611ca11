#include "monsite/util/slug.hpp"

#include <cstdint>
#include <map>

#include "monsite/util/strings.hpp"

namespace monsite::util {
namespace {

std::string hex_hash(std::string_view text) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : text) {
        h ^= c;
        h *= 1099511628211ull;
    }
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < 8; ++i) out += digits[(h >> (i * 4)) & 0xF];
    return out;
}

// Names Windows keeps for devices (CON, NUL, COM1, …), in any case: a published
// folder named so cannot be copied to or served from Windows.
bool windows_device_name(std::string_view text) {
    std::string lower = to_lower(text);
    if (lower == "con" || lower == "prn" || lower == "aux" || lower == "nul") return true;
    return lower.size() == 4 && (lower.starts_with("com") || lower.starts_with("lpt")) && lower[3] >= '0' &&
           lower[3] <= '9';
}

}  // namespace

std::string translit(std::string_view text) {
    static const std::map<std::string, std::string> table = {
        {"а", "a"}, {"б", "b"}, {"в", "v"}, {"г", "g"}, {"д", "d"}, {"е", "e"}, {"ё", "e"}, {"ж", "zh"},
        {"з", "z"}, {"и", "i"}, {"й", "y"}, {"к", "k"}, {"л", "l"}, {"м", "m"}, {"н", "n"}, {"о", "o"},
        {"п", "p"}, {"р", "r"}, {"с", "s"}, {"т", "t"}, {"у", "u"}, {"ф", "f"}, {"х", "h"}, {"ц", "ts"},
        {"ч", "ch"}, {"ш", "sh"}, {"щ", "sch"}, {"ъ", ""}, {"ы", "y"}, {"ь", ""}, {"э", "e"}, {"ю", "yu"},
        {"я", "ya"}};
    std::string lower = to_lower(text), out;
    for (std::size_t i = 0; i < lower.size();) {
        unsigned char c = static_cast<unsigned char>(lower[i]);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out += static_cast<char>(c);
            ++i;
            continue;
        }
        if (c >= 0xC0 && i + 1 < lower.size()) {
            auto it = table.find(lower.substr(i, 2));
            if (it != table.end()) {
                out += it->second;
                i += 2;
                continue;
            }
        }
        if (!out.empty() && out.back() != '-') out += '-';
        i += (c < 0x80) ? 1 : (c < 0xE0 ? 2 : (c < 0xF0 ? 3 : 4));
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

std::string slug(std::string_view text) {
    // Lower-case only: on a case-insensitive disk (Windows, macOS) "Sch1" and
    // "sch1" would be one folder, one school's page overwriting the other's.
    bool safe = !text.empty() && text.size() <= 64 && text != "." && text != ".." && !windows_device_name(text);
    for (char c : text)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) safe = false;
    if (safe) return std::string(text);
    std::string t = translit(text);
    if (t.size() > 48) t.resize(48);
    while (!t.empty() && t.back() == '-') t.pop_back();
    return (t.empty() ? std::string("x") : t) + "-" + hex_hash(text);
}

}  // namespace monsite::util
