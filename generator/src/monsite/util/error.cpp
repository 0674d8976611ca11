#include "monsite/util/error.hpp"

namespace monsite::util {

std::string SourceLocation::to_string() const {
    std::string out = file;
    auto sep = [&] { out += out.empty() ? "" : ": "; };
    if (line_based) {
        if (row) {
            sep();
            out += "строка " + std::to_string(row);
            if (column) out += ", столбец " + std::to_string(column);
        }
        return out;
    }
    if (!sheet.empty()) {
        sep();
        out += sheet;
        if (row && column) out += "!" + cell_address(row, column);
        else if (row) out += ", строка " + std::to_string(row);
        else if (column) out += ", столбец " + column_letters(column);
    } else if (row) {
        sep();
        out += column ? cell_address(row, column) : "строка " + std::to_string(row);
    }
    return out;
}

SourceLocation SourceLocation::at(std::uint32_t r, std::uint32_t c) const {
    SourceLocation copy = *this;
    copy.row = r;
    copy.column = c;
    return copy;
}

std::string Diagnostic::to_string() const {
    std::string place = where.to_string();
    if (!context.empty()) {
        place += place.empty() ? "(" : " (";
        place += context;
        place += ')';
    }
    std::string prefix = place.empty() ? "" : place + ": ";
    if (severity == Severity::warning) prefix += "предупреждение: ";
    else if (strict) prefix += "ошибка (строгий режим): ";
    return prefix + message;
}

namespace {
std::string cell_key(const SourceLocation& w) {
    return w.file + '\0' + w.sheet + '\0' + std::to_string(w.row) + ':' + std::to_string(w.column);
}
}  // namespace

bool Diagnostics::has_error_at(const SourceLocation& where) const { return error_cells_.count(cell_key(where)) > 0; }

void Diagnostics::error(SourceLocation where, std::string message) {
    add({Severity::error, std::move(where), std::move(message), {}});
}

void Diagnostics::warning(SourceLocation where, std::string message) {
    add({Severity::warning, std::move(where), std::move(message), {}});
}

void Diagnostics::add(Diagnostic d) {
    if (d.severity == Severity::error) {
        if (d.where.row && d.where.column) error_cells_.insert(cell_key(d.where));
        ++errors_;
    }
    items_.push_back(std::move(d));
}

std::size_t Diagnostics::warnings_to_errors() {
    std::size_t turned = 0;
    for (auto& d : items_) {
        if (d.severity != Severity::warning) continue;
        d.severity = Severity::error;
        d.strict = true;
        if (d.where.row && d.where.column) error_cells_.insert(cell_key(d.where));
        ++turned;
    }
    errors_ += turned;
    strict_ += turned;
    return turned;
}

Error::Error(ExitStatus status, SourceLocation where, const std::string& message)
    : std::runtime_error(message), status_(status), where_(std::move(where)), message_(message) {}

Diagnostic Error::to_diagnostic() const {
    std::string text = message_;
    for (const auto& c : context_) text = c + ": " + text;
    return {Severity::error, where_, text, {}};
}

std::string column_letters(std::uint32_t column) {
    std::string letters;
    while (column > 0) {
        --column;
        letters.insert(letters.begin(), static_cast<char>('A' + column % 26));
        column /= 26;
    }
    return letters;
}

std::string cell_address(std::uint32_t row, std::uint32_t column) {
    return column_letters(column) + std::to_string(row);
}

}  // namespace monsite::util
