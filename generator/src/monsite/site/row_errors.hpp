#pragma once
// Errors found in the rows of the tables, reported within bounds: repeated
// errors of one kind for one school are folded into one line, and at most
// 1,000 lines are shown per table (sheet or CSV file); the rest are counted.

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "monsite/util/error.hpp"

namespace monsite::site {

inline constexpr std::size_t max_row_errors_per_table = 1000;

// How the errors folded into a line are counted in it.
enum class FoldUnit {
    cells,  // "и ещё 4 ячейки того же вида: D17, E17, F17, G17"
    rows,   // "и ещё 54 строки с этим кодом: B3, B4, B5, B6, B7, …"
};

struct RowError {
    util::SourceLocation where;  // the cell
    std::string context;         // shown after the cell, e.g. "«Вакансии», школа sch12"; may be empty
    std::string message;
    // Errors of one table with the same non-empty key share one line: the first
    // one found, followed by the count and the first cells of the others.
    std::string fold_key;
    FoldUnit unit = FoldUnit::cells;
};

// The fold key of an error of `kind` in a row of school `school`; empty (no
// folding) when the row has no school code.
std::string fold_key(std::string_view school, std::string_view kind);

// Collects row errors and writes them to the diagnostics on flush(), in the
// order their first error was found. Memory is bounded by the cap, whatever
// the number of errors.
class RowErrors {
public:
    explicit RowErrors(util::Diagnostics& diags) : diags_(diags) {}
    void add(RowError error);
    void error(util::SourceLocation where, std::string message) {
        add({std::move(where), {}, std::move(message), {}, FoldUnit::cells});
    }
    // Writes every line, then one line per table that had more than the cap.
    void flush();

private:
    struct Line {
        util::Diagnostic diagnostic;
        FoldUnit unit = FoldUnit::cells;
        std::size_t more = 0;                       // errors folded into this line
        std::vector<util::SourceLocation> shown;    // the first of them
    };
    struct TableState {
        std::size_t lines = 0;
        std::size_t dropped = 0;
        util::SourceLocation where;  // the table, for the overflow line
        std::map<std::string, std::size_t> folds;  // fold key -> index into lines_
    };
    util::Diagnostics& diags_;
    std::vector<Line> lines_;
    std::map<std::pair<std::string, std::string>, TableState> tables_;
};

}  // namespace monsite::site
