#include "monsite/ingest/headers.hpp"

#include <array>

#include "monsite/ingest/values.hpp"
#include "monsite/util/strings.hpp"

namespace monsite::ingest {
namespace {

// Split a normalized key into words of letters and digits.
std::vector<std::string_view> words_of(std::string_view key) {
    std::vector<std::string_view> words;
    std::size_t start = std::string_view::npos;
    for (std::size_t i = 0; i <= key.size(); ++i) {
        bool separator = i == key.size() || key[i] == ' ' || key[i] == ',' || key[i] == '.' || key[i] == '(' ||
                         key[i] == ')' || key[i] == '/' || key[i] == ';' || key[i] == ':' || key[i] == '"';
        if (separator) {
            if (start != std::string_view::npos) words.push_back(key.substr(start, i - start));
            start = std::string_view::npos;
        } else if (start == std::string_view::npos) {
            start = i;
        }
    }
    return words;
}

}  // namespace

bool is_personal_data_header(std::string_view header) {
    std::string key = util::normalize_key(header);
    static constexpr std::array<std::string_view, 11> word_marks = {
        "фио", "фамилия", "имя", "отчество", "снилс", "паспорт", "паспортные", "телефон", "тел", "e-mail", "email"};
    static constexpr std::array<std::string_view, 5> phrase_marks = {
        "электронная почта", "дата рождения", "адрес проживания", "место жительства", "номер телефона"};
    for (auto w : words_of(key))
        for (auto mark : word_marks)
            if (w == mark) return true;
    for (auto phrase : phrase_marks)
        if (key.find(phrase) != std::string::npos) return true;
    return false;
}

HeaderMatch match_headers(const Table& table, std::span<const HeaderCandidate> candidates) {
    HeaderMatch match;
    match.columns.assign(candidates.size(), 0);
    if (table.rows().empty()) return match;
    match.header_row = &table.rows().front();

    std::vector<std::string> keys;
    keys.reserve(candidates.size() * 2);
    for (const auto& c : candidates) {
        keys.push_back(util::normalize_key(c.header));
        keys.push_back(util::normalize_key(c.id));
    }
    for (const Cell& cell : table.cells(*match.header_row)) {
        std::string text = cell_text(table, cell);
        if (text.empty()) continue;
        if (is_personal_data_header(text)) {
            match.personal.push_back({cell.column, text});
            continue;
        }
        std::string key = util::normalize_key(text);
        std::size_t found = candidates.size();
        for (std::size_t i = 0; i < candidates.size(); ++i)
            if (key == keys[2 * i] || key == keys[2 * i + 1]) { found = i; break; }
        if (found == candidates.size()) {
            match.unknown.push_back({cell.column, text});
        } else if (match.columns[found] != 0) {
            match.duplicates.push_back({found, cell.column, match.columns[found]});
        } else {
            match.columns[found] = cell.column;
        }
    }
    return match;
}

}  // namespace monsite::ingest
