#include "monsite/ingest/xlsx_sheet.hpp"

#include <charconv>
#include <cmath>

#include "monsite/util/strings.hpp"

namespace monsite::ingest::xlsx {

namespace {

constexpr std::string_view damaged_hint = "; файл повреждён — откройте его в Excel или LibreOffice и сохраните заново";
constexpr std::string_view formula_message =
    "формула без сохранённого значения: откройте файл в Excel или LibreOffice, пересчитайте и сохраните его";
constexpr std::size_t max_cell_diagnostics = 1000;  // per sheet; the rest are counted

std::string_view trim_ascii(std::string_view text) {
    auto space = [](char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; };
    while (!text.empty() && space(text.front())) text.remove_prefix(1);
    while (!text.empty() && space(text.back())) text.remove_suffix(1);
    return text;
}

std::size_t count_code_points(std::string_view text) {
    std::size_t n = 0;
    for (char ch : text) n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
    return n;
}

// Digits only, 1..max; false otherwise.
bool parse_index(std::string_view text, std::uint32_t max, std::uint32_t& value) {
    if (text.empty() || text.size() > 10) return false;
    std::uint64_t v = 0;
    for (char ch : text) {
        if (ch < '0' || ch > '9') return false;
        v = v * 10 + static_cast<std::uint64_t>(ch - '0');
    }
    if (v == 0 || v > max) return false;
    value = static_cast<std::uint32_t>(v);
    return true;
}

}  // namespace

bool parse_cell_ref(std::string_view text, std::uint32_t& row, std::uint32_t& column) {
    std::size_t i = 0;
    std::uint32_t col = 0;
    while (i < text.size()) {
        char ch = text[i];
        if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
        if (ch < 'A' || ch > 'Z') break;
        if (col <= util::max_sheet_columns) col = col * 26 + static_cast<std::uint32_t>(ch - 'A' + 1);
        ++i;
    }
    std::size_t letters = i;
    std::uint32_t r = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        if (r <= util::max_sheet_rows) r = r * 10 + static_cast<std::uint32_t>(text[i] - '0');
        ++i;
    }
    std::size_t digits = i - letters;
    bool column_ok = letters > 0 && col <= util::max_sheet_columns;
    bool row_ok = digits > 0 && r >= 1 && r <= util::max_sheet_rows;
    column = column_ok ? col : 0;
    row = row_ok ? r : 0;
    return i == text.size() && column_ok && (digits == 0 || row_ok);
}

namespace {

class SheetHandler final : public XmlHandler {
public:
    SheetHandler(Table& table, const SharedStrings& strings, const std::vector<std::uint8_t>& percent,
                 const ReadLimits& limits, Expansion& expansion, util::Diagnostics& diags)
        : table_(table), strings_(strings), percent_(percent), limits_(limits), expansion_(expansion), diags_(diags) {
        text_.reserve(256);
    }

    void start_element(std::string_view, std::string_view name, std::span<const XmlAttribute> attributes) override {
        if (!in_sheet_data_) {
            if (name == "sheetData") in_sheet_data_ = true;
            else if (name == "mergeCell") add_merge(attribute(attributes, "ref"));
            return;
        }
        switch (name.size()) {
            case 1:
                switch (name[0]) {
                    case 'c':
                        if (in_row_ && !in_cell_) start_cell(attributes);
                        break;
                    case 'v':
                        if (in_cell_) {
                            has_value_ = true;
                            collecting_ = true;
                        }
                        break;
                    case 'f':
                        if (in_cell_) has_formula_ = true;
                        break;
                    case 't':
                        if (in_inline_ && !in_phonetic_) collecting_ = true;
                        break;
                    default: break;
                }
                break;
            case 2:
                if (in_cell_ && name == "is") in_inline_ = has_inline_ = true;
                break;
            case 3:
                if (name == "row") start_row(attributes);
                else if (name == "rPh") in_phonetic_ = true;
                break;
            default: break;
        }
    }

    void end_element(std::string_view, std::string_view name) override {
        if (!in_sheet_data_) return;
        switch (name.size()) {
            case 1:
                if (name[0] == 'c') {
                    if (in_cell_) end_cell();
                } else if (name[0] == 'v' || name[0] == 't') {
                    collecting_ = false;
                }
                break;
            case 2:
                if (name == "is") in_inline_ = false;
                break;
            case 3:
                if (name == "row") end_row();
                else if (name == "rPh") in_phonetic_ = false;
                break;
            case 9:
                if (name == "sheetData") in_sheet_data_ = false;
                break;
            default: break;
        }
    }

    void characters(std::string_view text) override {
        if (collecting_) append(text);
    }

    void finish() {
        if (in_row_) end_row();
        if (suppressed_ > 0)
            diags_.error(table_.source(), "и ещё " + std::to_string(suppressed_) +
                                              " ошибок в ячейках этого листа (показаны первые " +
                                              std::to_string(max_cell_diagnostics) + ")");
    }

private:
    enum class Type : std::uint8_t { number, shared, inline_string, string, boolean, error, date };

    const std::string& sheet() const { return table_.source().sheet; }

    [[noreturn]] void fail(std::uint32_t row, std::uint32_t column, const std::string& message) {
        throw util::DataError(table_.location(row, column), message);
    }

    void start_row(std::span<const XmlAttribute> attributes) {
        if (in_row_) end_row();
        in_row_ = true;
        row_open_ = false;
        last_column_ = 0;
        std::string_view r = attribute(attributes, "r");
        row_from_attribute_ = !r.empty();
        if (row_from_attribute_) {
            if (!parse_index(r, util::max_sheet_rows, row_))
                fail(0, 0, "на листе " + util::quote_for_message(sheet()) + " номер строки " +
                               util::quote_for_message(r) + " неверен или за пределами листа (последняя строка " +
                               std::to_string(util::max_sheet_rows) + ")" + std::string(damaged_hint));
            check_row_order();
        } else {
            row_ = last_row_ + 1;
            if (row_ > util::max_sheet_rows)
                fail(0, 0, "на листе " + util::quote_for_message(sheet()) + " больше " +
                               std::to_string(util::max_sheet_rows) + " строк (за пределами XFD1048576)" +
                               std::string(damaged_hint));
        }
    }

    // "E3:G3"; a malformed or single-cell range is ignored (merges only help to read headers).
    void add_merge(std::string_view ref) {
        auto colon = ref.find(':');
        if (colon == std::string_view::npos) return;
        MergedRange m;
        if (!parse_cell_ref(ref.substr(0, colon), m.first_row, m.first_column) || m.first_row == 0) return;
        if (!parse_cell_ref(ref.substr(colon + 1), m.last_row, m.last_column) || m.last_row == 0) return;
        if (m.last_row < m.first_row || m.last_column < m.first_column) return;
        table_.add_merge(m);
    }

    void check_row_order() {
        if (row_ <= last_row_)
            fail(row_, 0, "на листе " + util::quote_for_message(sheet()) + " строка " + std::to_string(row_) +
                              " идёт после строки " + std::to_string(last_row_) + " (строки не по порядку)" +
                              std::string(damaged_hint));
    }

    void end_row() {
        if (in_cell_) end_cell();
        if (row_open_) table_.end_row();
        row_open_ = false;
        in_row_ = false;
        last_row_ = row_;
    }

    void start_cell(std::span<const XmlAttribute> attributes) {
        in_cell_ = true;
        in_inline_ = in_phonetic_ = collecting_ = false;
        has_value_ = has_formula_ = has_inline_ = false;
        overflow_ = counting_ = false;
        text_.clear();
        type_ = Type::number;
        style_ = 0;
        std::string_view ref;
        for (const auto& a : attributes) {
            if (a.name.size() != 1 || !a.ns.empty()) continue;
            switch (a.name[0]) {
                case 'r': ref = a.value; break;
                case 's': parse_style(a.value); break;
                case 't': type_ = parse_type(a.value); break;
                default: break;
            }
        }
        std::uint32_t ref_row = 0;
        if (!ref.empty()) {
            std::uint32_t column = 0;
            if (!parse_cell_ref(ref, ref_row, column))
                fail(ref_row ? ref_row : (row_from_attribute_ ? row_ : 0), column,
                     "на листе " + util::quote_for_message(sheet()) + " ссылка на ячейку " +
                         util::quote_for_message(ref) + " неверна или за пределами листа (последняя ячейка — XFD" +
                         std::to_string(util::max_sheet_rows) + ")" + std::string(damaged_hint));
            column_ = column;
        } else {
            column_ = last_column_ + 1;
        }
        if (!row_open_) open_row(ref_row);
        if (column_ > util::max_sheet_columns)
            fail(row_, 0, "на листе " + util::quote_for_message(sheet()) + " в строке " + std::to_string(row_) +
                              " ячейки выходят за последний столбец XFD" + std::string(damaged_hint));
        last_column_ = column_;
    }

    void open_row(std::uint32_t ref_row) {
        if (!row_from_attribute_ && ref_row != 0 && ref_row != row_) {
            row_ = ref_row;  // a <row> without r: its cells tell
            check_row_order();
        }
        table_.begin_row(row_);
        row_open_ = true;
    }

    void parse_style(std::string_view value) {
        std::uint32_t s = 0;
        for (char ch : value) {
            if (ch < '0' || ch > '9' || s > 100'000'000) return;  // style_ stays 0
            s = s * 10 + static_cast<std::uint32_t>(ch - '0');
        }
        style_ = s;
    }

    static Type parse_type(std::string_view t) {
        if (t.size() == 1) {
            switch (t[0]) {
                case 's': return Type::shared;
                case 'b': return Type::boolean;
                case 'e': return Type::error;
                case 'd': return Type::date;
                default: return Type::number;
            }
        }
        if (t == "str") return Type::string;
        if (t == "inlineStr") return Type::inline_string;
        return Type::number;
    }

    void append(std::string_view text) {
        if (overflow_) return;
        text_.append(text);
        if (text_.size() > limits_.max_cell_chars) {
            if (!counting_) {
                code_points_ = count_code_points(text_);
                counting_ = true;
            } else {
                code_points_ += count_code_points(text);
            }
            if (code_points_ > limits_.max_cell_chars) overflow_ = true;
        }
    }

    void cell_error(std::string message) {
        if (cell_errors_ >= max_cell_diagnostics) {
            ++suppressed_;
            return;
        }
        ++cell_errors_;
        diags_.error(table_.location(row_, column_), std::move(message));
    }

    void too_long_error() {
        cell_error("текст ячейки длиннее " + std::to_string(limits_.max_cell_chars) +
                   " символов (предел Excel для одной ячейки)");
    }

    // Counts one more cell (and its text) of the file against the limits:
    // shared strings are stored once but every cell that shows one counts.
    void expand(std::size_t text_bytes) {
        ++expansion_.cells;
        expansion_.text_bytes += text_bytes;
        if (expansion_.cells > limits_.max_cells || expansion_.text_bytes > limits_.max_text_bytes)
            fail(row_, column_, "в файле больше " + std::to_string(limits_.max_cells) + " непустых ячеек или " +
                                    std::to_string(limits_.max_text_bytes >> 20) +
                                    " МиБ текста (общая строка считается в каждой ячейке, где она стоит); "
                                    "файл отклонён как слишком большой");
    }

    void end_cell() {
        in_cell_ = in_inline_ = in_phonetic_ = collecting_ = false;
        if (has_formula_ && !has_value_ && !has_inline_) return cell_error(std::string(formula_message));
        if (overflow_) return too_long_error();
        switch (type_) {
            case Type::number: return add_number();
            case Type::shared: return add_shared();
            case Type::inline_string:
            case Type::string:
                decode_escapes(text_);
                expand(text_.size());
                table_.add_text(column_, text_);
                return;
            case Type::date:
                expand(text_.size());
                table_.add_text(column_, text_);
                return;
            case Type::error:
                expand(text_.size());
                table_.add_error(column_, trim_ascii(text_));
                return;
            case Type::boolean: return add_boolean();
        }
    }

    void add_number() {
        std::string_view v = trim_ascii(text_);
        if (v.empty()) return;  // a styled empty cell
        double value = 0;
        auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), value);
        if (ec != std::errc() || end != v.data() + v.size() || !std::isfinite(value))
            return cell_error("значение " + util::quote_for_message(v) + " в числовой ячейке не является числом" +
                              std::string(damaged_hint));
        bool percent = style_ < percent_.size() && percent_[style_] != 0;
        expand(0);
        table_.add_number(column_, value, percent);
    }

    void add_shared() {
        std::string_view v = trim_ascii(text_);
        if (v.empty()) return;
        std::uint64_t index = 0;
        auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), index);
        if (ec != std::errc() || end != v.data() + v.size())
            return cell_error("неверный номер общей строки " + util::quote_for_message(v) + std::string(damaged_hint));
        if (index >= strings_.size())
            return cell_error("ссылка на общую строку с индексом " + std::to_string(index) + ", а в файле их " +
                              std::to_string(strings_.size()) + std::string(damaged_hint));
        if (strings_.too_long(static_cast<std::size_t>(index))) return too_long_error();
        std::string_view text = strings_[static_cast<std::size_t>(index)];
        expand(text.size());
        table_.add_text(column_, text);
    }

    void add_boolean() {
        std::string_view v = trim_ascii(text_);
        if (v.empty()) return;
        bool yes = v == "1" || v == "true";
        if (yes || v == "0" || v == "false") {
            expand(0);
            return table_.add_boolean(column_, yes);
        }
        cell_error("значение " + util::quote_for_message(v) + " в логической ячейке не является ИСТИНОЙ или ЛОЖЬЮ" +
                   std::string(damaged_hint));
    }

    Table& table_;
    const SharedStrings& strings_;
    const std::vector<std::uint8_t>& percent_;
    const ReadLimits& limits_;
    Expansion& expansion_;
    util::Diagnostics& diags_;

    bool in_sheet_data_ = false;
    bool in_row_ = false;
    bool row_open_ = false;  // Table::begin_row called for this row
    bool row_from_attribute_ = false;
    bool in_cell_ = false;
    bool in_inline_ = false;
    bool in_phonetic_ = false;
    bool collecting_ = false;
    bool has_value_ = false;
    bool has_formula_ = false;
    bool has_inline_ = false;
    bool overflow_ = false;
    bool counting_ = false;
    Type type_ = Type::number;
    std::uint32_t style_ = 0;
    std::uint32_t row_ = 0;
    std::uint32_t last_row_ = 0;
    std::uint32_t column_ = 0;
    std::uint32_t last_column_ = 0;
    std::size_t code_points_ = 0;
    std::string text_;  // <v> or inline text of the current cell, reused
    std::size_t cell_errors_ = 0;
    std::size_t suppressed_ = 0;
};

}  // namespace

void read_sheet(ZipArchive& zip, const std::string& entry, Table& table, const SharedStrings& strings,
                const std::vector<std::uint8_t>& percent_styles, const ReadLimits& limits, Expansion& expansion,
                util::Diagnostics& diags) {
    SheetHandler handler(table, strings, percent_styles, limits, expansion, diags);
    parse_part(zip, entry, handler, table.source(), limits);
    handler.finish();
}

}  // namespace monsite::ingest::xlsx
