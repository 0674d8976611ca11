#include "monsite/ingest/ods_reader.hpp"

#include <charconv>
#include <cmath>
#include <string_view>
#include <vector>

#include "monsite/ingest/xml_parser.hpp"
#include "monsite/ingest/zip_archive.hpp"
#include "monsite/util/strings.hpp"

namespace monsite::ingest {

namespace {

constexpr std::string_view ods_mimetype = "application/vnd.oasis.opendocument.spreadsheet";
constexpr std::string_view ns_office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
constexpr std::string_view ns_table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
constexpr std::string_view ns_text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
constexpr std::string_view ns_calcext = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0";

// A repeat count attribute; malformed or zero counts as 1. Capped so sums stay far from overflow.
std::uint64_t parse_repeat(std::string_view value) {
    std::uint64_t n = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc() || end != value.data() + value.size() || n == 0) return 1;
    return n < (1ull << 32) ? n : (1ull << 32);
}

bool parse_double(std::string_view text, double& out) {
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size() && std::isfinite(out);
}

std::size_t count_code_points(std::string_view text) {
    std::size_t n = 0;
    for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

enum class Role : std::uint8_t {
    document,     // office:document-content
    body,         // office:body
    spreadsheet,  // office:spreadsheet
    sheet,        // table:table being read
    row_group,    // table:table-row-group, table:table-header-rows, table:table-rows
    row,          // table:table-row
    cell,         // table:table-cell, table:covered-table-cell
    cell_group,   // text:list and its items inside a cell
    paragraph,    // text:p, text:h
    span,         // any other text:* inside a paragraph (span, a, fields)
    leaf,         // text:s, text:tab, text:line-break
};

enum class ValueType : std::uint8_t { none, number, percentage, boolean, date, time, string };

// One non-empty cell of the current row, before the row repeat is known to be safe.
struct PendingCell {
    std::uint32_t column = 0;
    std::uint32_t count = 0;  // columns it covers (number-columns-repeated)
    CellKind kind = CellKind::text;
    bool percent = false;
    double number = 0;
    std::uint32_t text_offset = 0;  // into row_text_
    std::uint32_t text_size = 0;
};

class ContentHandler final : public XmlHandler {
public:
    ContentHandler(Workbook& workbook, const ReadLimits& limits, const SheetFilter& want_sheet,
                   util::Diagnostics& diags)
        : book_(workbook), limits_(limits), want_sheet_(want_sheet), diags_(diags) {
        stack_.reserve(limits.max_xml_depth + 1);
        pending_.reserve(64);
    }

    bool saw_spreadsheet() const { return saw_spreadsheet_; }

    void start_element(std::string_view ns, std::string_view name,
                       std::span<const XmlAttribute> attributes) override {
        if (skip_ > 0) {
            ++skip_;
            return;
        }
        if (stack_.empty()) {
            if (ns == ns_office && name == "document-content") return push(Role::document);
            return skip();
        }
        switch (stack_.back()) {
            case Role::document:
                if (ns == ns_office && name == "body") return push(Role::body);
                return skip();
            case Role::body:
                if (ns == ns_office && name == "spreadsheet") {
                    saw_spreadsheet_ = true;
                    return push(Role::spreadsheet);
                }
                return skip();
            case Role::spreadsheet:
                if (ns == ns_table && name == "table") return start_sheet(attributes);
                return skip();
            case Role::sheet:
            case Role::row_group:
                if (ns == ns_table) {
                    if (name == "table-row") return start_row(attributes);
                    if (name == "table-row-group" || name == "table-header-rows" || name == "table-rows")
                        return push(Role::row_group);
                }
                return skip();
            case Role::row:
                if (ns == ns_table && (name == "table-cell" || name == "covered-table-cell"))
                    return start_cell(attributes);
                return skip();
            case Role::cell:
            case Role::cell_group:
                if (ns == ns_text) {
                    if (name == "p" || name == "h") return start_paragraph();
                    if (name == "list" || name == "list-item" || name == "list-header")
                        return push(Role::cell_group);
                }
                return skip();  // annotations, drawings, sub-tables
            case Role::paragraph:
            case Role::span:
                if (ns != ns_text) return skip();  // drawings, annotations
                if (name == "s") {
                    std::uint64_t n = 1;
                    for (const auto& a : attributes)
                        if (a.name == "c" && a.ns == ns_text) n = parse_repeat(a.value);
                    append_spaces(n);
                    return push(Role::leaf);
                }
                if (name == "tab") {
                    append_spaces(1, '\t');
                    return push(Role::leaf);
                }
                if (name == "line-break") {
                    append_spaces(1, '\n');
                    return push(Role::leaf);
                }
                if (name == "note" || name == "ruby-text") return skip();
                return push(Role::span);
            case Role::leaf:
                return skip();
        }
    }

    void end_element(std::string_view, std::string_view) override {
        if (skip_ > 0) {
            --skip_;
            return;
        }
        Role role = stack_.back();
        stack_.pop_back();
        switch (role) {
            case Role::sheet: table_ = nullptr; break;
            case Role::row: end_row(); break;
            case Role::cell: end_cell(); break;
            default: break;
        }
    }

    void characters(std::string_view text) override {
        if (skip_ > 0 || stack_.empty() || !collect_) return;
        Role role = stack_.back();
        if (role != Role::paragraph && role != Role::span) return;
        // ODF white space rules: runs of space, tab, CR, LF are one space; none at paragraph start.
        std::size_t i = 0;
        while (i < text.size()) {
            std::size_t j = i;
            while (j < text.size() && !is_xml_space(text[j])) ++j;
            if (j > i) {
                append_text(text.substr(i, j - i));
                last_raw_space_ = false;
                paragraph_start_ = false;
            }
            if (j < text.size()) {
                if (!last_raw_space_ && !paragraph_start_) append_text(" ");
                last_raw_space_ = true;
                ++j;
            }
            i = j;
        }
    }

private:
    static bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

    void push(Role role) { stack_.push_back(role); }
    void skip() { skip_ = 1; }

    util::SourceLocation cell_location(std::uint64_t row, std::uint64_t column) const {
        bool inside = row <= util::max_sheet_rows && column <= util::max_sheet_columns;
        return sheet_location_.at(inside ? static_cast<std::uint32_t>(row) : 0,
                                  inside ? static_cast<std::uint32_t>(column) : 0);
    }

    void start_sheet(std::span<const XmlAttribute> attributes) {
        std::string_view name;
        for (const auto& a : attributes)
            if (a.name == "name" && a.ns == ns_table) name = a.value;
        if (want_sheet_ && !want_sheet_(name)) {
            book_.skipped_sheets.emplace_back(name);
            return skip();
        }
        sheet_location_ = util::SourceLocation{book_.file, std::string(name)};
        table_ = &book_.tables.emplace_back(std::string(name), sheet_location_);
        row_pos_ = 1;
        push(Role::sheet);
    }

    void start_row(std::span<const XmlAttribute> attributes) {
        row_repeat_ = 1;
        for (const auto& a : attributes)
            if (a.name == "number-rows-repeated" && a.ns == ns_table) row_repeat_ = parse_repeat(a.value);
        col_pos_ = 1;
        pending_.clear();
        row_text_.clear();
        row_cells_ = 0;
        push(Role::row);
    }

    void start_cell(std::span<const XmlAttribute> attributes) {
        col_repeat_ = 1;
        type_ = ValueType::none;
        has_formula_ = false;
        is_error_ = false;
        reported_ = false;
        std::string_view value;
        bool has_value = false, has_boolean = false, has_date = false, has_time = false, has_string = false;
        std::string_view boolean_value, date_value, time_value, string_value;
        for (const auto& a : attributes) {
            if (a.ns == ns_office) {
                if (a.name == "value-type") type_ = value_type(a.value);
                else if (a.name == "value") { value = a.value; has_value = true; }
                else if (a.name == "boolean-value") { boolean_value = a.value; has_boolean = true; }
                else if (a.name == "date-value") { date_value = a.value; has_date = true; }
                else if (a.name == "time-value") { time_value = a.value; has_time = true; }
                else if (a.name == "string-value") { string_value = a.value; has_string = true; }
            } else if (a.ns == ns_table) {
                if (a.name == "number-columns-repeated") col_repeat_ = parse_repeat(a.value);
                else if (a.name == "formula") has_formula_ = true;
            } else if (a.ns == ns_calcext && a.name == "value-type") {
                is_error_ = a.value == "error";
            }
        }
        text_.clear();
        chars_ = 0;
        overflow_ = false;
        paragraphs_ = 0;
        // Text from the paragraphs is needed only where no attribute holds the value.
        collect_ = true;
        value_ok_ = false;
        if (is_error_) {
            // LibreOffice writes the error text (#DIV/0!) as the paragraph.
        } else if ((type_ == ValueType::number || type_ == ValueType::percentage) && has_value) {
            value_ok_ = parse_double(value, number_);
            if (!value_ok_) bad_value_.assign(value);
            collect_ = false;
        } else if (type_ == ValueType::boolean && has_boolean) {
            value_ok_ = boolean_value == "true" || boolean_value == "false";
            number_ = boolean_value == "true" ? 1 : 0;
            if (!value_ok_) bad_value_.assign(boolean_value);
            collect_ = false;
        } else if (type_ == ValueType::date && has_date) {
            append_text(date_value);
            collect_ = false;
        } else if (type_ == ValueType::time && has_time) {
            append_text(time_value);
            collect_ = false;
        } else if (type_ == ValueType::string && has_string) {
            append_text(string_value);
            collect_ = false;
        }
        push(Role::cell);
    }

    static ValueType value_type(std::string_view v) {
        if (v == "float" || v == "currency") return ValueType::number;
        if (v == "percentage") return ValueType::percentage;
        if (v == "boolean") return ValueType::boolean;
        if (v == "date") return ValueType::date;
        if (v == "time") return ValueType::time;
        if (v == "string") return ValueType::string;
        return ValueType::none;
    }

    void start_paragraph() {
        if (collect_ && paragraphs_ > 0) append_spaces(1, '\n');
        ++paragraphs_;
        paragraph_start_ = true;
        last_raw_space_ = false;
        push(Role::paragraph);
    }

    void append_text(std::string_view text) {
        if (overflow_) return;
        std::size_t n = count_code_points(text);
        if (chars_ + n > limits_.max_cell_chars) {
            overflow_ = true;
            return;
        }
        chars_ += n;
        text_.append(text);
    }

    void append_spaces(std::uint64_t n, char c = ' ') {
        if (!collect_ || overflow_) return;
        if (chars_ + n > limits_.max_cell_chars) {
            overflow_ = true;
            return;
        }
        chars_ += static_cast<std::size_t>(n);
        text_.append(static_cast<std::size_t>(n), c);
        paragraph_start_ = false;
        last_raw_space_ = false;
    }

    void end_cell() {
        std::uint64_t column = col_pos_;
        std::uint64_t count = col_repeat_;
        col_pos_ += count;

        PendingCell cell;
        bool filled = false;
        if (overflow_) {
            reported_ = true;
            diags_.error(cell_location(row_pos_, column),
                         "в ячейке больше " + std::to_string(limits_.max_cell_chars) +
                             " символов; такой текст не читается");
        } else if (is_error_) {
            cell.kind = CellKind::error;
            filled = true;
        } else if (type_ == ValueType::number || type_ == ValueType::percentage || type_ == ValueType::boolean) {
            if (!collect_) {
                if (value_ok_) {
                    cell.kind = type_ == ValueType::boolean ? CellKind::boolean : CellKind::number;
                    cell.number = number_;
                    cell.percent = type_ == ValueType::percentage;
                    filled = true;
                } else {
                    reported_ = true;
                    diags_.error(cell_location(row_pos_, column),
                                 "значение ячейки " + util::quote_for_message(bad_value_) +
                                     " не читается; файл повреждён, сохраните его в LibreOffice заново");
                }
            } else if (!text_.empty()) {
                filled = true;  // typed cell without its value attribute: keep the shown text
            }
        } else {
            filled = !text_.empty();
        }

        // A string result may be empty (=""); any other formula cell needs its cached value.
        if (!filled && !reported_ && has_formula_ && type_ != ValueType::string) {
            diags_.error(cell_location(row_pos_, column),
                         "формула без сохранённого значения; откройте файл в LibreOffice или Excel, "
                         "пересчитайте (Ctrl+Shift+F9) и сохраните");
        }
        if (!filled) return;

        if (column + count - 1 > util::max_sheet_columns)
            throw util::DataError(cell_location(row_pos_, 0),
                                  "на листе «" + sheet_location_.sheet + "» есть непустая ячейка правее столбца " +
                                      util::column_letters(util::max_sheet_columns) +
                                      " (16384); удалите лишние данные и сохраните файл");
        cell.column = static_cast<std::uint32_t>(column);
        cell.count = static_cast<std::uint32_t>(count);
        if (cell.kind == CellKind::text || cell.kind == CellKind::error) {
            cell.text_offset = static_cast<std::uint32_t>(row_text_.size());
            cell.text_size = static_cast<std::uint32_t>(text_.size());
            row_text_.append(text_);
            row_text_bytes_ += text_.size() * count;
        }
        row_cells_ += count;
        pending_.push_back(cell);
        check_budget(total_cells_ + row_cells_, total_text_bytes_ + row_text_bytes_);
    }

    // Repeats multiply cells; limits.max_cells and max_text_bytes bound what one file may expand to.
    void check_budget(std::uint64_t cells, std::uint64_t bytes) const {
        if (cells > limits_.max_cells || bytes > limits_.max_text_bytes)
            throw util::DataError(util::SourceLocation{book_.file},
                                  "в файле больше " + std::to_string(limits_.max_cells) + " непустых ячеек или " +
                                      std::to_string(limits_.max_text_bytes >> 20) +
                                      " МиБ текста (с учётом повторяющихся строк и столбцов); файл отклонён как "
                                      "слишком большой");
    }

    void end_row() {
        std::uint64_t first = row_pos_;
        std::uint64_t repeat = row_repeat_;
        row_pos_ += repeat;
        if (pending_.empty()) return;  // empty rows cost nothing, however many
        if (first + repeat - 1 > util::max_sheet_rows)
            throw util::DataError(sheet_location_,
                                  "на листе «" + sheet_location_.sheet + "» есть непустые ячейки ниже строки " +
                                      std::to_string(util::max_sheet_rows) +
                                      "; удалите лишние данные и сохраните файл");
        std::uint64_t cells = row_cells_ * repeat;
        std::uint64_t bytes = row_text_bytes_ * repeat;
        check_budget(total_cells_ + cells, total_text_bytes_ + bytes);
        total_cells_ += cells;
        total_text_bytes_ += bytes;
        std::string_view pool = row_text_;
        for (std::uint64_t r = 0; r < repeat; ++r) {
            table_->begin_row(static_cast<std::uint32_t>(first + r));
            for (const PendingCell& c : pending_) {
                for (std::uint32_t k = 0; k < c.count; ++k) {
                    std::uint32_t column = c.column + k;
                    switch (c.kind) {
                        case CellKind::text: table_->add_text(column, pool.substr(c.text_offset, c.text_size)); break;
                        case CellKind::number: table_->add_number(column, c.number, c.percent); break;
                        case CellKind::boolean: table_->add_boolean(column, c.number != 0); break;
                        case CellKind::error: table_->add_error(column, pool.substr(c.text_offset, c.text_size)); break;
                    }
                }
            }
            table_->end_row();
        }
        row_cells_ = 0;
        row_text_bytes_ = 0;
    }

    Workbook& book_;
    const ReadLimits& limits_;
    const SheetFilter& want_sheet_;
    util::Diagnostics& diags_;

    std::vector<Role> stack_;
    std::uint32_t skip_ = 0;  // depth inside an ignored subtree
    bool saw_spreadsheet_ = false;

    Table* table_ = nullptr;
    util::SourceLocation sheet_location_;
    std::uint64_t row_pos_ = 1;     // 1-based row of the current table:table-row
    std::uint64_t row_repeat_ = 1;
    std::uint64_t col_pos_ = 1;     // 1-based column of the current cell
    std::uint64_t col_repeat_ = 1;
    std::vector<PendingCell> pending_;
    std::string row_text_;          // text of the pending cells
    std::uint64_t row_cells_ = 0;   // cells the current row expands to, once
    std::uint64_t row_text_bytes_ = 0;
    std::uint64_t total_cells_ = 0;
    std::uint64_t total_text_bytes_ = 0;

    // The current cell.
    ValueType type_ = ValueType::none;
    bool has_formula_ = false;
    bool is_error_ = false;
    bool collect_ = false;  // paragraph text is the value
    bool value_ok_ = false;
    double number_ = 0;
    bool reported_ = false;  // a diagnostic was already given for this cell
    std::string bad_value_;  // an unreadable value attribute, for the message
    std::string text_;
    std::size_t chars_ = 0;
    bool overflow_ = false;
    std::uint32_t paragraphs_ = 0;
    bool paragraph_start_ = false;
    bool last_raw_space_ = false;
};

void check_mimetype(ZipArchive& zip) {
    const util::SourceLocation& where = zip.where();
    if (!zip.contains("mimetype"))
        throw util::DataError(where, "в файле нет записи mimetype: это не документ OpenDocument; "
                                     "сохраните таблицу в LibreOffice Calc в формате .ods");
    // Read at most a few hundred bytes: a huge mimetype entry is simply wrong.
    struct TooLong {};
    std::string mime;
    bool too_long = false;
    try {
        zip.read("mimetype", [&](std::string_view chunk) {
            mime.append(chunk);
            if (mime.size() > 200) throw TooLong{};
        });
    } catch (const TooLong&) {
        too_long = true;
    }
    std::string_view got = too_long ? std::string_view("?") : util::trim(mime);
    if (got == ods_mimetype) return;
    std::string kind = "тип " + util::quote_for_message(got);
    if (got == "application/vnd.oasis.opendocument.text") kind = "текстовый документ";
    throw util::DataError(where, "файл не является таблицей OpenDocument (" + kind + ", ожидался " +
                                     std::string(ods_mimetype) +
                                     "); сохраните таблицу в LibreOffice Calc в формате .ods");
}

void check_not_encrypted(ZipArchive& zip) {
    const std::string manifest = "META-INF/manifest.xml";
    if (!zip.contains(manifest)) return;
    // The manifest is small; a huge one is cut after 1 MiB rather than inflated whole.
    struct Enough {};
    std::string head;
    try {
        zip.read(manifest, [&](std::string_view chunk) {
            head.append(chunk);
            if (head.size() > (1u << 20)) throw Enough{};
        });
    } catch (const Enough&) {
    }
    if (head.find("encryption-data") != std::string::npos)
        throw util::DataError(zip.where(), "файл защищён паролем; снимите пароль в LibreOffice "
                                           "(Файл → Свойства → Безопасность) и сохраните файл заново");
}

}  // namespace

Workbook read_ods(const std::filesystem::path& path, const std::string& display_name, const ReadLimits& limits,
                  const SheetFilter& want_sheet, util::Diagnostics& diags) {
    Workbook book;
    book.file = display_name;
    util::SourceLocation where{display_name};
    ZipArchive zip(path, where, limits);
    check_mimetype(zip);
    check_not_encrypted(zip);

    ContentHandler handler(book, limits, want_sheet, diags);
    XmlParser parser(handler, where, "content.xml", limits.max_xml_depth);
    zip.read("content.xml", [&](std::string_view chunk) { parser.feed(chunk); });
    parser.feed({}, true);
    if (!handler.saw_spreadsheet())
        throw util::DataError(where, "в файле нет электронной таблицы (office:spreadsheet); "
                                     "сохраните таблицу в LibreOffice Calc в формате .ods");
    return book;
}

}  // namespace monsite::ingest
