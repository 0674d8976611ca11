#pragma once
// Diagnostics with source positions, and the exceptions that end a run.

#include <cstdint>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace monsite::util {

// Where a value came from: a file, optionally a sheet, and a cell
// (row and column, 1-based; 0 means "not known"). For CSV files the row
// is the physical line on which the record starts.
struct SourceLocation {
    std::string file;
    std::string sheet;
    std::uint32_t row = 0;
    std::uint32_t column = 0;
    bool line_based = false;  // CSV: "строка N" instead of "Sheet!C17"

    // "file: Sheet!C17", "file: Sheet, строка 17", "file: строка 17, столбец 3", "file".
    std::string to_string() const;
    SourceLocation at(std::uint32_t r, std::uint32_t c) const;
};

enum class Severity { warning, error };

struct Diagnostic {
    Severity severity = Severity::error;
    SourceLocation where;
    std::string message;
    // What the cell holds, shown after the place: "Кадры!C17 («Вакансии», школа sch12): ..."; may be empty.
    std::string context;
    bool strict = false;  // a warning turned into an error by the strict mode (--strict, strict = true)

    // "<where>: <message>" for errors, "<where>: предупреждение: <message>" for warnings,
    // "<where>: ошибка (строгий режим): <message>" for a warning the strict mode made an error;
    // "<where> (<context>): ..." when there is a context.
    std::string to_string() const;
};

// Collects every error and warning of a run, in the order found.
class Diagnostics {
public:
    void error(SourceLocation where, std::string message);
    void warning(SourceLocation where, std::string message);
    void add(Diagnostic d);

    const std::vector<Diagnostic>& all() const { return items_; }
    std::size_t error_count() const { return errors_; }
    std::size_t warning_count() const { return items_.size() - errors_; }
    bool has_errors() const { return errors_ > 0; }
    // True if an error was already reported at exactly this cell.
    bool has_error_at(const SourceLocation& where) const;
    // The strict mode: every warning so far becomes an error (marked as such when printed).
    // Returns how many were turned.
    std::size_t warnings_to_errors();
    // Errors that were warnings before warnings_to_errors().
    std::size_t strict_count() const { return strict_; }

private:
    std::vector<Diagnostic> items_;
    std::size_t errors_ = 0;
    std::size_t strict_ = 0;
    std::set<std::string> error_cells_;
};

// Process exit statuses, documented in the README.
enum class ExitStatus : int { ok = 0, usage = 1, invalid_data = 2, internal = 3 };

// An error that ends the current unit of work. Each stage may prepend context
// ("чтение data/2025/x.xlsx") as the exception travels up.
class Error : public std::runtime_error {
public:
    Error(ExitStatus status, SourceLocation where, const std::string& message);
    ExitStatus status() const { return status_; }
    const SourceLocation& where() const { return where_; }
    const std::string& message() const { return message_; }
    const std::vector<std::string>& context() const { return context_; }
    void add_context(std::string text) { context_.push_back(std::move(text)); }
    Diagnostic to_diagnostic() const;

private:
    ExitStatus status_;
    SourceLocation where_;
    std::string message_;
    std::vector<std::string> context_;
};

// The spreadsheet is wrong (exit status 2).
struct DataError : Error {
    DataError(SourceLocation where, const std::string& message)
        : Error(ExitStatus::invalid_data, std::move(where), message) {}
};
// Command line or configuration is wrong (exit status 1).
struct UsageError : Error {
    explicit UsageError(const std::string& message, SourceLocation where = {})
        : Error(ExitStatus::usage, std::move(where), message) {}
};
// I/O failure or a bug (exit status 3).
struct InternalError : Error {
    explicit InternalError(const std::string& message, SourceLocation where = {})
        : Error(ExitStatus::internal, std::move(where), message) {}
};

// Column number to letters: 1 -> "A", 27 -> "AA", 16384 -> "XFD".
std::string column_letters(std::uint32_t column);
// "C17" from row 17, column 3.
std::string cell_address(std::uint32_t row, std::uint32_t column);
// (Reading "C17" back is ingest::xlsx::parse_cell_ref, the XLSX reader's own parser.)

inline constexpr std::uint32_t max_sheet_rows = 1048576;
inline constexpr std::uint32_t max_sheet_columns = 16384;

}  // namespace monsite::util
