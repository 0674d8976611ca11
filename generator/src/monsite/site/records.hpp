#pragma once
// Internal to the loader (load.cpp, year_builder.cpp): the rows of a contract
// table as read from one file, before a year's validation.

#include <map>
#include <string>
#include <vector>

#include "monsite/model/contract.hpp"
#include "monsite/site/columns.hpp"
#include "monsite/util/error.hpp"

namespace monsite::site {

// One field of one row, as read.
struct FieldValue {
    bool present = false;
    double number = 0;  // count, number, score, boolean (0/1)
    std::string text;   // text, enumeration (canonical), direction id, indicator id
    std::uint32_t column = 0;
};

// One data row of a contract table.
struct Record {
    util::SourceLocation where;  // file, sheet, row
    std::vector<FieldValue> values;

    util::SourceLocation cell(std::size_t field) const { return where.at(where.row, values[field].column); }
    const std::string& text(std::size_t field) const { return values[field].text; }
};

struct TableRecords {
    const model::TableSpec* spec = nullptr;
    bool usable = false;  // header complete: rows can be trusted
    std::vector<Record> records;
    TableColumns columns;
};

// A school code and the cell it was first given in.
struct Named {
    std::string id;
    util::SourceLocation where;
};

}  // namespace monsite::site
