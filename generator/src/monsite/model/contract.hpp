#pragma once
// The data contract (shared/spec/data-contract.md, sections 2 and 3) as plain data.

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace monsite::model {

enum class FieldType {
    text,
    count,        // whole number >= 0
    number,       // any real number
    score,        // number 0..100 (diag_score)
    boolean,
    enumeration,  // one of FieldSpec::choices
    direction,    // a direction id or its Russian name
    indicator,    // an indicator id
};

struct FieldSpec {
    std::string_view id;
    std::string_view header;
    FieldType type;
    bool required;  // the column must exist and every row must have a value
    std::span<const std::string_view> choices = {};
};

enum class TableId { schools, staff, development, teachers, measures };

struct TableSpec {
    TableId id;
    std::string_view name;  // sheet name or CSV stem, e.g. "Кадры"
    bool required;          // every year must have it
    std::span<const FieldSpec> fields;
};

struct Direction {
    std::string_view id;
    std::string_view name;
};

std::span<const TableSpec> contract_tables();
const TableSpec& table_spec(TableId id);

// Where each field of one table sits in a row (the order of TableSpec::fields),
// by field id, computed once from the table's spec. Asking for an id the table
// does not have is a programming error: it throws std::logic_error naming both.
class FieldIndex {
public:
    explicit FieldIndex(const TableSpec& spec);
    std::size_t operator()(std::string_view field_id) const;

private:
    const TableSpec* spec_;
    std::vector<std::pair<std::string_view, std::size_t>> positions_;  // sorted by id
};
// The index of each contract table, built on first use.
const FieldIndex& field_index(TableId id);
// By sheet name, compared after util::normalize_key.
const TableSpec* find_table(std::string_view sheet_name);
std::span<const Direction> directions();
// By id or Russian name (normalized); nullptr if unknown.
const Direction* find_direction(std::string_view id_or_name);

// The words a template offers for a boolean column, yes first: "да", "нет"
// (ingest also reads yes/no, 1/0, +/-).
std::span<const std::string_view> boolean_words();

// Indicator ids of the default catalogue (section 5), in catalogue order.
std::span<const std::string_view> default_indicator_ids();

// Numeric fields of one school in one year (from ОО, Кадры and Развитие),
// indexed 0..school_field_count()-1; booleans are stored as 0/1.
std::span<const FieldSpec* const> school_fields();
std::optional<std::size_t> school_field_index(std::string_view field_id);

}  // namespace monsite::model
