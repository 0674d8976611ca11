#pragma once
// Internal to the loader (load.cpp, year_builder.cpp): the rows of a contract
// table as read from one file, before a year's validation.

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "monsite/model/contract.hpp"
#include "monsite/site/columns.hpp"
#include "monsite/util/error.hpp"

namespace monsite::site {

// One field of one row, as read (members ordered to pack: a national
// dataset holds tens of millions of them while it is read).
struct FieldValue {
    double number = 0;  // count, number, score, boolean (0/1)
    std::string text;   // text, enumeration (canonical), direction id, indicator id
    std::uint32_t column = 0;
    bool present = false;
};

// One data row of a contract table. The file and sheet are shared by every row
// of the table (owned together), not copied into each.
struct Record {
    std::shared_ptr<const util::SourceLocation> source;  // file and sheet; row and column 0
    std::uint32_t row = 0;
    std::vector<FieldValue> values;

    util::SourceLocation where() const { return source->at(row, 0); }  // file, sheet, row
    util::SourceLocation cell(std::size_t field) const { return source->at(row, values[field].column); }
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
