#include "monsite/render/xlsx_writer.hpp"
#include "monsite/util/messages.hpp"

#include <xlsxwriter.h>

#include <string>
#include <vector>

#include "monsite/util/error.hpp"

namespace monsite::render {

struct XlsxWriter::State {
    lxw_workbook* book = nullptr;
    lxw_worksheet* sheet = nullptr;
    lxw_format* header = nullptr;
    lxw_format* integer = nullptr;
    lxw_format* decimal2 = nullptr;
    lxw_format* plain_header = nullptr;  // the styles below are made on first use
    lxw_format* decimal_upto2 = nullptr;
    lxw_format* percent = nullptr;
    lxw_format* wrapped = nullptr;
    lxw_format* input_text = nullptr;
    lxw_format* input_integer = nullptr;
    lxw_format* input_decimal = nullptr;
    std::string path;
    std::string title;
    std::string author;
    std::string company;
    std::string tmpdir;

    ~State() {
        // Not closed: libxlsxwriter has no discard, so write and remove the file.
        if (book) {
            workbook_close(book);
            std::error_code ec;
            std::filesystem::remove(path, ec);
        }
    }

    lxw_format* input(lxw_format*& slot, const char* number_format) {
        if (!slot) {
            slot = workbook_add_format(book);
            format_set_unlocked(slot);
            if (number_format) format_set_num_format(slot, number_format);
        }
        return slot;
    }

    lxw_format* format(Style style) {
        switch (style) {
            case Style::header: return header;
            case Style::integer: return integer;
            case Style::decimal2: return decimal2;
            case Style::plain_header:
                if (!plain_header) {
                    plain_header = workbook_add_format(book);
                    format_set_bold(plain_header);
                    format_set_text_wrap(plain_header);
                    format_set_align(plain_header, LXW_ALIGN_VERTICAL_TOP);
                }
                return plain_header;
            case Style::decimal_upto2:
                if (!decimal_upto2) {
                    decimal_upto2 = workbook_add_format(book);
                    format_set_num_format(decimal_upto2, "0.0#");
                }
                return decimal_upto2;
            case Style::percent:
                if (!percent) {
                    percent = workbook_add_format(book);
                    format_set_num_format_index(percent, 9);  // built-in "0%"
                }
                return percent;
            case Style::wrapped:
                if (!wrapped) {
                    wrapped = workbook_add_format(book);
                    format_set_text_wrap(wrapped);
                    format_set_align(wrapped, LXW_ALIGN_VERTICAL_TOP);
                }
                return wrapped;
            case Style::input_text: return input(input_text, nullptr);
            case Style::input_integer: return input(input_integer, "0");
            case Style::input_decimal: return input(input_decimal, "0.0#");
            case Style::text:
            case Style::general: break;
        }
        return nullptr;
    }
};

XlsxWriter::XlsxWriter(const std::filesystem::path& file, std::string_view title)
    : XlsxWriter(file, Properties{std::string(title), {}, {}}) {}

XlsxWriter::XlsxWriter(const std::filesystem::path& file, const Properties& given)
    : state_(std::make_unique<State>()) {
    state_->path = file.string();
    state_->title = given.title;
    state_->author = given.author;
    state_->company = given.company;
    state_->tmpdir = file.parent_path().string();
    lxw_workbook_options options{};
    options.constant_memory = given.constant_memory ? LXW_TRUE : LXW_FALSE;
    options.tmpdir = state_->tmpdir.data();
    state_->book = workbook_new_opt(state_->path.c_str(), &options);
    if (!state_->book) throw util::InternalError(util::messages::xlsx_no_book(state_->path));

    lxw_doc_properties properties{};
    properties.title = state_->title.data();
    if (!state_->author.empty()) properties.author = state_->author.data();
    if (!state_->company.empty()) properties.company = state_->company.data();
    properties.created = given.created;
    workbook_set_properties(state_->book, &properties);

    state_->header = workbook_add_format(state_->book);
    format_set_bold(state_->header);
    format_set_text_wrap(state_->header);
    format_set_align(state_->header, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(state_->header, 0xE8EEF4);
    format_set_bottom(state_->header, LXW_BORDER_THIN);
    state_->integer = workbook_add_format(state_->book);
    format_set_num_format(state_->integer, "0");
    state_->decimal2 = workbook_add_format(state_->book);
    format_set_num_format(state_->decimal2, "0.00");
}

XlsxWriter::~XlsxWriter() = default;

void XlsxWriter::add_sheet(std::string_view name) {
    std::string n(name);
    state_->sheet = workbook_add_worksheet(state_->book, n.c_str());
    if (!state_->sheet) throw util::InternalError(util::messages::xlsx_no_sheet(n));
}

void XlsxWriter::text(std::uint32_t row, std::uint16_t column, std::string_view value, Style style) {
    std::string v(value);
    worksheet_write_string(state_->sheet, row, column, v.c_str(), state_->format(style));
}

void XlsxWriter::number(std::uint32_t row, std::uint16_t column, double value, Style style) {
    worksheet_write_number(state_->sheet, row, column, value, state_->format(style));
}

void XlsxWriter::boolean(std::uint32_t row, std::uint16_t column, bool value) {
    worksheet_write_boolean(state_->sheet, row, column, value ? 1 : 0, nullptr);
}

void XlsxWriter::column_width(std::uint16_t column, double width) {
    worksheet_set_column(state_->sheet, column, column, width, nullptr);
}

void XlsxWriter::header_tools(std::uint32_t last_row, std::uint16_t last_column) {
    worksheet_freeze_panes(state_->sheet, 1, 0);
    worksheet_autofilter(state_->sheet, 0, 0, last_row, last_column);
}

void XlsxWriter::freeze_header() { worksheet_freeze_panes(state_->sheet, 1, 0); }

namespace {

// The first `limit` characters (code points) of UTF-8 text.
std::string cut(const std::string& text, std::size_t limit) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && count++ == limit) return text.substr(0, i);
    return text;
}

}  // namespace

void XlsxWriter::print_setup(bool landscape, std::string_view title) {
    if (!title.empty()) {
        // "&" starts a code in Excel's header syntax: a literal one is doubled.
        std::string header = "&C";
        for (char c : title) header += c == '&' ? std::string("&&") : std::string(1, c);
        worksheet_set_header(state_->sheet, cut(header, 255).c_str());  // Excel's limit
    }
    worksheet_set_footer(state_->sheet, "&C&P / &N");
    if (landscape) worksheet_set_landscape(state_->sheet);
    else worksheet_set_portrait(state_->sheet);
    worksheet_set_paper(state_->sheet, 9);  // A4
    worksheet_fit_to_pages(state_->sheet, 1, 0);
    worksheet_repeat_rows(state_->sheet, 0, 0);
    worksheet_set_margins(state_->sheet, 0.4, 0.4, 0.6, 0.6);
    worksheet_gridlines(state_->sheet, LXW_SHOW_PRINT_GRIDLINES);
}

void XlsxWriter::column_style(std::uint16_t column, double width, Style style) {
    worksheet_set_column(state_->sheet, column, column, width, state_->format(style));
}


void XlsxWriter::validate(std::uint32_t first_row, std::uint32_t last_row, std::uint16_t column,
                          const Validation& rule) {
    lxw_data_validation v{};
    std::vector<std::string> choices = rule.choices;
    std::vector<char*> list;
    switch (rule.kind) {
        case Validation::Kind::any: v.validate = LXW_VALIDATION_TYPE_ANY; break;
        case Validation::Kind::whole_at_least_zero:
            v.validate = LXW_VALIDATION_TYPE_INTEGER;
            v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
            v.value_number = 0;
            break;
        case Validation::Kind::decimal_range:
            v.validate = LXW_VALIDATION_TYPE_DECIMAL;
            v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
            v.minimum_number = rule.minimum;
            v.maximum_number = rule.maximum;
            break;
        case Validation::Kind::list:
            v.validate = LXW_VALIDATION_TYPE_LIST;
            for (auto& c : choices) list.push_back(c.data());
            list.push_back(nullptr);
            v.value_list = list.data();
            break;
    }
    v.ignore_blank = LXW_VALIDATION_ON;
    v.error_type = rule.strict ? LXW_VALIDATION_ERROR_TYPE_STOP : LXW_VALIDATION_ERROR_TYPE_WARNING;
    std::string title = cut(rule.title, 32), message = cut(rule.message, 255);
    if (!message.empty()) {
        v.show_input = LXW_VALIDATION_ON;
        if (!title.empty()) v.input_title = title.data();
        v.input_message = message.data();
    }
    lxw_error error = worksheet_data_validation_range(state_->sheet, first_row, column, last_row, column, &v);
    if (error != LXW_NO_ERROR)
        throw util::InternalError(util::messages::xlsx_write_failed(state_->path, lxw_strerror(error)));
}

void XlsxWriter::protect() {
    lxw_protection options{};
    options.no_select_locked_cells = 0;
    options.format_columns = 1;
    options.format_rows = 1;
    options.insert_rows = 1;
    options.delete_rows = 1;
    options.sort = 1;
    options.autofilter = 1;
    worksheet_protect(state_->sheet, nullptr, &options);
}

void XlsxWriter::close() {
    lxw_workbook* book = state_->book;
    state_->book = nullptr;
    lxw_error error = workbook_close(book);
    if (error != LXW_NO_ERROR)
        throw util::InternalError(util::messages::xlsx_write_failed(state_->path, lxw_strerror(error)));
}

}  // namespace monsite::render
