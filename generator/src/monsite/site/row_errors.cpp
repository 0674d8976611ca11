#include "monsite/site/row_errors.hpp"

namespace monsite::site {
namespace {

// How many of the folded cells a line names.
constexpr std::size_t cells_named = 5;

std::string plural(std::size_t n, const char* one, const char* few, const char* many) {
    std::size_t mod100 = n % 100, mod10 = n % 10;
    if (mod100 >= 11 && mod100 <= 14) return many;
    if (mod10 == 1) return one;
    if (mod10 >= 2 && mod10 <= 4) return few;
    return many;
}

// A folded cell, named within the table of the line: "D17" (a sheet), "17:4" or "17" (a CSV file).
std::string short_place(const util::SourceLocation& where, FoldUnit unit) {
    if (!where.line_based) return util::cell_address(where.row, where.column);
    if (unit == FoldUnit::rows) return std::to_string(where.row);
    return std::to_string(where.row) + ":" + std::to_string(where.column);
}

std::string folded_suffix(std::size_t more, FoldUnit unit, const std::vector<util::SourceLocation>& shown) {
    std::string n = std::to_string(more);
    std::string text = "; и ещё " + n + " " +
                       (unit == FoldUnit::cells ? plural(more, "ячейка", "ячейки", "ячеек") + " того же вида"
                                                : plural(more, "строка", "строки", "строк") + " с этим кодом") +
                       ": ";
    bool csv = !shown.empty() && shown.front().line_based;
    if (csv) text += unit == FoldUnit::cells ? "(строка:столбец) " : (more == 1 ? "строка " : "строки ");
    for (std::size_t i = 0; i < shown.size(); ++i) text += (i ? ", " : "") + short_place(shown[i], unit);
    if (more > shown.size()) text += ", …";
    return text;
}

}  // namespace

std::string fold_key(std::string_view school, std::string_view kind) {
    if (school.empty()) return {};
    std::string key(kind);
    key += '\x1f';
    key += school;
    return key;
}

void RowErrors::add(RowError error) {
    auto& table = tables_[{error.where.file, error.where.sheet}];
    if (!error.fold_key.empty()) {
        if (auto it = table.folds.find(error.fold_key); it != table.folds.end()) {
            Line& line = lines_[it->second];
            ++line.more;
            if (line.shown.size() < cells_named) line.shown.push_back(std::move(error.where));
            return;
        }
    }
    if (table.lines == 0) table.where = util::SourceLocation{error.where.file, error.where.sheet, 0, 0, error.where.line_based};
    if (table.lines >= max_row_errors_per_table) {
        ++table.dropped;
        return;
    }
    ++table.lines;
    if (!error.fold_key.empty()) table.folds.emplace(std::move(error.fold_key), lines_.size());
    lines_.push_back({{util::Severity::error, std::move(error.where), std::move(error.message), std::move(error.context)},
                      error.unit, 0, {}});
}

void RowErrors::flush() {
    for (auto& line : lines_) {
        if (line.more) line.diagnostic.message += folded_suffix(line.more, line.unit, line.shown);
        diags_.add(std::move(line.diagnostic));
    }
    lines_.clear();
    for (auto& [key, table] : tables_)
        if (table.dropped)
            diags_.error(table.where, "и ещё " + std::to_string(table.dropped) +
                                          " таких ошибок в этой таблице (показаны первые " +
                                          std::to_string(max_row_errors_per_table) + ")");
    tables_.clear();
}

}  // namespace monsite::site
