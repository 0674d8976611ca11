#include "monsite/ingest/headers.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>

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

namespace {

// Candidate keys: exact (normalize_key of header and id) and loose (for a
// caption joined to a sub-caption, where the comma between them is missing).
struct Keys {
    std::unordered_map<std::string, std::size_t> exact;
    std::unordered_map<std::string, std::size_t> loose;

    explicit Keys(std::span<const HeaderCandidate> candidates) {
        for (std::size_t i = 0; i < candidates.size(); ++i) {
            exact.emplace(util::normalize_key(candidates[i].header), i);
            exact.emplace(util::normalize_key(candidates[i].id), i);
            loose.emplace(util::loose_key(candidates[i].header), i);
        }
    }
    // No header comes near this length; longer texts are not normalized at all.
    static constexpr std::size_t max_text = 1000;

    std::optional<std::size_t> find_exact(std::string_view text) const {
        if (text.size() > max_text) return std::nullopt;
        auto it = exact.find(util::normalize_key(text));
        return it == exact.end() ? std::nullopt : std::optional<std::size_t>(it->second);
    }
    std::optional<std::size_t> find_joined(std::string_view caption, std::string_view text) const {
        if (caption.size() + text.size() > max_text) return std::nullopt;
        auto it = loose.find(util::loose_key(std::string(caption) + " " + std::string(text)));
        return it == loose.end() ? std::nullopt : std::optional<std::size_t>(it->second);
    }
};

const Cell* find_cell(const Table& table, const Row& row, std::uint32_t column) {
    auto cells = table.cells(row);
    auto it = std::lower_bound(cells.begin(), cells.end(), column,
                               [](const Cell& c, std::uint32_t col) { return c.column < col; });
    return it != cells.end() && it->column == column ? &*it : nullptr;
}

// Matches one layout: `lower` alone, or `upper` (group captions) above it.
// Without `details` only columns are filled (enough to score the layout).
HeaderMatch evaluate(const Table& table, const Row* upper, const Row& lower,
                     std::span<const HeaderCandidate> candidates, const Keys& keys, bool details) {
    HeaderMatch m;
    m.columns.assign(candidates.size(), 0);
    m.header_row = &lower;
    m.group_row = upper;

    auto lower_cells = table.cells(lower);
    std::span<const Cell> upper_cells;
    std::vector<MergedRange> merges;  // starting on the upper row, by first column
    if (upper) {
        upper_cells = table.cells(*upper);
        for (const auto& r : table.merges())
            if (r.first_row == upper->index && r.last_column > r.first_column) merges.push_back(r);
        std::sort(merges.begin(), merges.end(),
                  [](const MergedRange& a, const MergedRange& b) { return a.first_column < b.first_column; });
    }
    const bool carry = upper && table.merges().empty();

    auto assign = [&](std::size_t found, std::uint32_t column, std::uint32_t row) {
        if (m.columns[found] == 0) m.columns[found] = column;
        else if (details) m.duplicates.push_back({found, column, m.columns[found], row});
    };

    std::size_t li = 0, ui = 0, mi = 0;
    std::string carried;  // the last non-empty caption of the upper row
    while (li < lower_cells.size() || ui < upper_cells.size()) {
        std::uint32_t column = std::min(li < lower_cells.size() ? lower_cells[li].column : UINT32_MAX,
                                        ui < upper_cells.size() ? upper_cells[ui].column : UINT32_MAX);
        std::string below, above;
        if (li < lower_cells.size() && lower_cells[li].column == column) below = cell_text(table, lower_cells[li++]);
        if (ui < upper_cells.size() && upper_cells[ui].column == column) above = cell_text(table, upper_cells[ui++]);
        if (!above.empty()) carried = above;
        if (below.empty() && above.empty()) continue;

        // The caption over this column: its own upper cell, the merged block covering it, or the carried one.
        std::string caption = above;
        if (upper && caption.empty()) {
            while (mi < merges.size() && merges[mi].last_column < column) ++mi;
            if (mi < merges.size() && merges[mi].first_column <= column) {
                if (const Cell* top = find_cell(table, *upper, merges[mi].first_column)) caption = cell_text(table, *top);
            } else if (carry) {
                caption = carried;
            }
        }

        if (!below.empty()) {
            if (details && is_personal_data_header(below)) {
                m.personal.push_back({column, below, lower.index, {}});
                continue;
            }
            if (auto found = keys.find_exact(below)) { assign(*found, column, lower.index); continue; }
            if (!caption.empty())
                if (auto found = keys.find_joined(caption, below)) { assign(*found, column, lower.index); continue; }
            if (!above.empty())
                if (auto found = keys.find_exact(above)) { assign(*found, column, upper->index); continue; }
            if (details) m.unknown.push_back({column, below, lower.index, caption});
            continue;
        }
        // An empty lower cell: the header is the upper one (merged down over both rows).
        if (details && is_personal_data_header(above)) {
            m.personal.push_back({column, above, upper->index, {}});
            continue;
        }
        if (auto found = keys.find_exact(above)) assign(*found, column, upper->index);
        else if (details) m.unknown.push_back({column, above, upper->index, {}});
    }
    return m;
}

struct Score {
    std::size_t matched = 0;
    bool key = false;
    bool qualifies() const { return key || matched >= 2; }
};

Score score_of(const HeaderMatch& m, std::span<const HeaderCandidate> candidates) {
    Score s;
    for (std::size_t i = 0; i < candidates.size(); ++i)
        if (m.columns[i]) {
            ++s.matched;
            s.key = s.key || candidates[i].key;
        }
    return s;
}

std::vector<std::string_view> split_words(std::string_view key) {
    std::vector<std::string_view> words;
    for (std::size_t start = 0; start < key.size();) {
        std::size_t end = key.find(' ', start);
        if (end == std::string_view::npos) end = key.size();
        if (end > start) words.push_back(key.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

}  // namespace

HeaderMatch match_headers(const Table& table, std::span<const HeaderCandidate> candidates) {
    const auto& rows = table.rows();
    if (rows.empty()) {
        HeaderMatch empty;
        empty.columns.assign(candidates.size(), 0);
        return empty;
    }
    const Keys keys(candidates);
    const std::size_t limit = std::min(rows.size(), header_search_rows);
    std::vector<Score> single(limit);
    for (std::size_t i = 0; i < limit; ++i)
        single[i] = score_of(evaluate(table, nullptr, rows[i], candidates, keys, false), candidates);

    // The best layout: most matches, the earliest on a tie; two rows only when they beat each row alone.
    std::optional<std::size_t> best_row;
    bool best_pair = false;
    std::size_t best_score = 0;
    for (std::size_t i = 0; i < limit; ++i) {
        if (single[i].qualifies() && single[i].matched > best_score) {
            best_row = i;
            best_pair = false;
            best_score = single[i].matched;
        }
        if (i + 1 >= limit || rows[i + 1].index != rows[i].index + 1) continue;
        Score pair = score_of(evaluate(table, &rows[i], rows[i + 1], candidates, keys, false), candidates);
        if (pair.qualifies() && pair.matched > std::max(single[i].matched, single[i + 1].matched) &&
            pair.matched > best_score) {
            best_row = i;
            best_pair = true;
            best_score = pair.matched;
        }
    }
    if (!best_row) {
        HeaderMatch first = evaluate(table, nullptr, rows[0], candidates, keys, true);
        first.data_begin = 1;
        return first;
    }
    const std::size_t lower = *best_row + (best_pair ? 1 : 0);
    HeaderMatch match =
        evaluate(table, best_pair ? &rows[*best_row] : nullptr, rows[lower], candidates, keys, true);
    match.found = true;
    match.data_begin = lower + 1;
    return match;
}

namespace {

// header_slip on loose keys.
std::optional<std::size_t> slip_rank(const std::string& a, const std::string& b) {
    if (a.empty() || b.empty()) return std::nullopt;
    if (a == b) return 0;
    const std::size_t length = std::max(util::utf8_length(a), util::utf8_length(b));
    const std::size_t limit = length <= 4 ? 1 : std::max<std::size_t>(2, length * 15 / 100);
    if (std::size_t d = util::edit_distance(a, b, limit); d <= limit) return d;
    // One word more or less, the rest in the same order.
    auto x = split_words(a), y = split_words(b);
    if (x.size() < y.size()) std::swap(x, y);
    if (x.size() != y.size() + 1 || y.size() < 2) return std::nullopt;
    for (std::size_t skip = 0; skip < x.size(); ++skip) {
        bool same = true;
        for (std::size_t i = 0, j = 0; i < x.size() && same; ++i) {
            if (i == skip) continue;
            same = x[i] == y[j++];
        }
        if (same) return 100;  // after every near spelling
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::size_t> header_slip(std::string_view written, std::string_view known) {
    if (written.size() > Keys::max_text || known.size() > Keys::max_text) return std::nullopt;
    return slip_rank(util::loose_key(written), util::loose_key(known));
}

std::optional<std::size_t> similar_header(std::string_view written, std::span<const HeaderCandidate> candidates,
                                          const std::vector<bool>& taken) {
    if (written.size() > Keys::max_text) return std::nullopt;
    const std::string key = util::loose_key(written);
    std::optional<std::size_t> best;
    std::size_t best_rank = SIZE_MAX;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        if (i < taken.size() && taken[i]) continue;
        for (auto known : {candidates[i].header, candidates[i].id})
            if (auto rank = slip_rank(key, util::loose_key(known)); rank && *rank < best_rank) {
                best_rank = *rank;
                best = i;
            }
    }
    return best;
}

}  // namespace monsite::ingest
