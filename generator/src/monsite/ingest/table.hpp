#pragma once
// A sheet as read from a file: sparse rows of typed cells with their positions.
// Compact on purpose (24 bytes a cell, text in one pool) so large workbooks fit.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "monsite/util/error.hpp"

namespace monsite::ingest {

enum class CellKind : std::uint8_t {
    text,     // any string; CSV cells are always text
    number,   // a numeric cell of a workbook
    boolean,  // a workbook boolean; number is 0 or 1
    error,    // a workbook error value such as #DIV/0!; text holds it
};

struct Cell {
    std::uint32_t column = 0;  // 1-based
    CellKind kind = CellKind::text;
    bool percent_format = false;  // number shown with a % format (0.25 means 25 %)
    double number = 0;
    std::uint32_t text_offset = 0;  // into Table::text_pool
    std::uint32_t text_size = 0;
};

struct Row {
    std::uint32_t index = 0;        // 1-based sheet row, or CSV line
    std::uint32_t first_cell = 0;   // into Table::cells
    std::uint32_t cell_count = 0;
};

// A block of merged cells (XLSX <mergeCell>), 1-based and inclusive.
struct MergedRange {
    std::uint32_t first_row = 0, first_column = 0, last_row = 0, last_column = 0;
};

// One sheet (or one CSV file). Rows ascend, cells within a row ascend by
// column, empty cells and empty rows are not stored.
class Table {
public:
    Table() = default;
    Table(std::string name, util::SourceLocation source) : name_(std::move(name)), source_(std::move(source)) {}

    const std::string& name() const { return name_; }
    // File and sheet; row and column are 0.
    const util::SourceLocation& source() const { return source_; }
    util::SourceLocation location(std::uint32_t row, std::uint32_t column) const { return source_.at(row, column); }

    const std::vector<Row>& rows() const { return rows_; }
    std::span<const Cell> cells(const Row& row) const {
        return {cells_.data() + row.first_cell, row.cell_count};
    }
    std::string_view text(const Cell& cell) const {
        return std::string_view(text_pool_).substr(cell.text_offset, cell.text_size);
    }
    std::size_t cell_count() const { return cells_.size(); }
    // Merged blocks as the file records them (XLSX only; CSV and ODS give none).
    // Only their top-left cell holds a value.
    const std::vector<MergedRange>& merges() const { return merges_; }

    // Building, for readers. Rows must be started in ascending order; cells of
    // a row may come in any order and are sorted by end_row(). A repeated
    // column in one row keeps the last value.
    void begin_row(std::uint32_t index);
    void add_text(std::uint32_t column, std::string_view text);
    void add_number(std::uint32_t column, double value, bool percent_format = false);
    void add_boolean(std::uint32_t column, bool value);
    void add_error(std::uint32_t column, std::string_view text);
    void end_row();
    // Records a merged block; beyond max_merges they are ignored (a merge only
    // helps to read a two-row header, it never carries data).
    void add_merge(MergedRange range);
    static constexpr std::size_t max_merges = 10000;

private:
    Cell& push(std::uint32_t column, CellKind kind);

    std::string name_;
    util::SourceLocation source_;
    std::vector<Row> rows_;
    std::vector<Cell> cells_;
    std::string text_pool_;
    std::vector<MergedRange> merges_;
    bool row_open_ = false;
};

// Every table of one file, in sheet order.
struct Workbook {
    std::string file;  // as shown to the user, e.g. "data/2025/школа_12.xlsx"
    std::vector<Table> tables;
    std::vector<std::string> skipped_sheets;  // sheets the filter rejected, in order
};

}  // namespace monsite::ingest
