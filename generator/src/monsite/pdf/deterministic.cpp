#include "monsite/pdf/deterministic.hpp"

#include <string_view>
#include <unordered_map>

namespace monsite::pdf {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Overwrites the digits of each "/Key (D:...)" date in place.
void fix_dates(std::string& pdf, std::string_view key) {
    static constexpr std::string_view fixed = "20000101000000";
    for (std::size_t at = pdf.find(key); at != std::string::npos; at = pdf.find(key, at + 1)) {
        std::size_t p = at + key.size();
        while (p < pdf.size() && pdf[p] == ' ') ++p;
        if (pdf.compare(p, 3, "(D:") != 0) continue;
        p += 3;
        for (std::size_t i = 0; i < fixed.size() && p + i < pdf.size() && is_digit(pdf[p + i]); ++i)
            pdf[p + i] = fixed[i];
    }
}

// "(nodeDDDDDDDD)" -> the same width, numbered 1, 2, ... by first appearance.
void renumber_nodes(std::string& pdf) {
    static constexpr std::string_view prefix = "(node";
    std::unordered_map<std::string, std::string> renamed;
    for (std::size_t at = pdf.find(prefix); at != std::string::npos; at = pdf.find(prefix, at + 1)) {
        const std::size_t first = at + prefix.size();
        std::size_t end = first;
        while (end < pdf.size() && is_digit(pdf[end])) ++end;
        if (end == first || end >= pdf.size() || pdf[end] != ')') continue;
        const std::string digits = pdf.substr(first, end - first);
        auto it = renamed.find(digits);
        if (it == renamed.end()) {
            std::string number = std::to_string(renamed.size() + 1);
            if (number.size() > digits.size()) return;  // cannot happen: fewer ids than numbers of that width
            number.insert(0, digits.size() - number.size(), '0');
            it = renamed.emplace(digits, std::move(number)).first;
        }
        pdf.replace(first, digits.size(), it->second);
    }
}

}  // namespace

void make_deterministic(std::string& pdf) {
    fix_dates(pdf, "/CreationDate");
    fix_dates(pdf, "/ModDate");
    renumber_nodes(pdf);
}

}  // namespace monsite::pdf
