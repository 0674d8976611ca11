#include "monsite/ingest/table.hpp"

#include <algorithm>

namespace monsite::ingest {

void Table::begin_row(std::uint32_t index) {
    if (row_open_) end_row();
    rows_.push_back({index, static_cast<std::uint32_t>(cells_.size()), 0});
    row_open_ = true;
}

Cell& Table::push(std::uint32_t column, CellKind kind) {
    if (!row_open_) throw util::InternalError("Table: cell added outside a row");
    Cell& cell = cells_.emplace_back();
    cell.column = column;
    cell.kind = kind;
    return cell;
}

void Table::add_text(std::uint32_t column, std::string_view text) {
    if (text.empty()) return;  // an empty cell is not stored
    Cell& cell = push(column, CellKind::text);
    cell.text_offset = static_cast<std::uint32_t>(text_pool_.size());
    cell.text_size = static_cast<std::uint32_t>(text.size());
    text_pool_.append(text);
}

void Table::add_merge(MergedRange range) {
    if (merges_.size() < max_merges) merges_.push_back(range);
}

void Table::add_number(std::uint32_t column, double value, bool percent_format) {
    Cell& cell = push(column, CellKind::number);
    cell.number = value;
    cell.percent_format = percent_format;
}

void Table::add_boolean(std::uint32_t column, bool value) {
    push(column, CellKind::boolean).number = value ? 1 : 0;
}

void Table::add_error(std::uint32_t column, std::string_view text) {
    add_text(column, text.empty() ? std::string_view("#ERROR") : text);
    cells_.back().kind = CellKind::error;
}

void Table::end_row() {
    if (!row_open_) return;
    row_open_ = false;
    Row& row = rows_.back();
    auto first = cells_.begin() + row.first_cell;
    if (!std::is_sorted(first, cells_.end(), [](const Cell& a, const Cell& b) { return a.column < b.column; }))
        std::stable_sort(first, cells_.end(), [](const Cell& a, const Cell& b) { return a.column < b.column; });
    // Keep the last of repeated columns.
    auto last = std::unique(std::make_reverse_iterator(cells_.end()), std::make_reverse_iterator(first),
                            [](const Cell& a, const Cell& b) { return a.column == b.column; });
    cells_.erase(first, last.base());
    row.cell_count = static_cast<std::uint32_t>(cells_.size() - row.first_cell);
    if (row.cell_count == 0) rows_.pop_back();
}

}  // namespace monsite::ingest
