#pragma once
// The generated records as the tables of the data contract (model/contract),
// with the contract's own column headers, ready for any writer.

#include <optional>
#include <string>
#include <vector>

#include "monsite/model/contract.hpp"
#include "records.hpp"

namespace example {

struct Cell {
    enum Kind { kEmpty, kStr, kNum, kBool, kPct } kind = kEmpty;
    std::string s;
    double n = 0;   // kNum; kPct: the fraction (0.73 shows as 73 %)
    bool b = false;
};
Cell empty();
Cell str(std::string v);
Cell num(double v);

struct Table {
    std::string name;  // sheet name or CSV stem
    std::vector<std::string> headers;
    std::vector<std::vector<Cell>> rows;
};

// ОО, Кадры and Развитие: one row per school-year, in the given order.
Table register_table(const std::vector<SchoolYear>& ys);
Table staff_table(const std::vector<SchoolYear>& ys);
Table dev_table(const std::vector<SchoolYear>& ys);
// Педагоги: assigns every teacher's code (T25-00001…) in school order.
Table teacher_table(std::vector<SchoolYear>& ys);
// A contract table whose cells are all text, one string per column ("" is an
// empty cell); throws std::logic_error when a row's width differs from the contract.
Table text_table(monsite::model::TableId id, const std::vector<std::vector<std::string>>& rows);

// "1 140" with a no-break space, as Excel's "# ##0" format shows it.
std::string grouped_thousands(long v);
// Display text as LibreOffice or Excel with Russian settings show it (decimal comma).
std::string display_number(double v);

}  // namespace example
