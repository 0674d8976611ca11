#include "monsite/ingest/csv_reader.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "monsite/util/strings.hpp"

namespace monsite::ingest {

namespace {

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};

std::string mebibytes(std::uint64_t bytes) { return std::to_string(bytes >> 20) + " МиБ"; }

// The whole file, refusing to read past `max_bytes`.
std::string read_file(const std::filesystem::path& path, const util::SourceLocation& where, std::uint64_t max_bytes) {
    std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
    if (!file) throw util::DataError(where, std::string("не удалось открыть файл: ") + std::strerror(errno));
    std::error_code ec;
    std::uint64_t size = std::filesystem::file_size(path, ec);
    if (!ec && size > max_bytes)
        throw util::DataError(where, "файл больше " + mebibytes(max_bytes) + "; такой CSV не читается");
    std::string bytes;
    bytes.resize(ec ? std::size_t(1) << 16 : static_cast<std::size_t>(size) + 1);
    std::size_t used = 0;
    for (;;) {
        if (used == bytes.size()) bytes.resize(bytes.size() * 2);
        std::size_t got = std::fread(bytes.data() + used, 1, bytes.size() - used, file.get());
        used += got;
        if (used > max_bytes)
            throw util::DataError(where, "файл больше " + mebibytes(max_bytes) + "; такой CSV не читается");
        if (got == 0) {
            if (std::ferror(file.get()))
                throw util::DataError(where, std::string("не удалось прочитать файл: ") + std::strerror(errno));
            break;
        }
    }
    bytes.resize(used);
    return bytes;
}

// 1-based physical line of byte `offset` (CRLF, LF and lone CR end a line).
std::uint64_t line_of(std::string_view data, std::size_t offset) {
    std::uint64_t line = 1;
    for (std::size_t i = 0; i < offset && i < data.size(); ++i) {
        if (data[i] == '\n') ++line;
        else if (data[i] == '\r' && (i + 1 >= data.size() || data[i + 1] != '\n')) ++line;
    }
    return line;
}

// The line holding the first byte sequence that is not UTF-8.
std::uint64_t first_invalid_utf8_line(std::string_view data) {
    std::uint64_t line = 1;
    std::size_t start = 0;
    while (start <= data.size()) {
        std::size_t end = data.find_first_of("\r\n", start);
        std::string_view text = data.substr(start, end == std::string_view::npos ? data.npos : end - start);
        if (!util::is_valid_utf8(text)) return line;
        if (end == std::string_view::npos) break;
        start = end + 1;
        if (data[end] == '\r' && start < data.size() && data[start] == '\n') ++start;
        ++line;
    }
    return line;
}

// `;` if the first record with a delimiter has one outside quotes, else `,`.
// Contract headers hold commas ("Средняя учебная нагрузка, ставок") that Excel
// leaves unquoted in `;` files, but never a semicolon, so counting would
// mislead. Records without any delimiter (a title line above the header) are
// passed over.
char detect_delimiter(std::string_view d) {
    std::size_t i = 0;
    const std::size_t n = d.size();
    while (i < n) {
        std::size_t semicolons = 0, commas = 0;
        bool field_start = true;
        while (i < n && d[i] != '\r' && d[i] != '\n') {
            char c = d[i];
            if (c == '"' && field_start) {
                // Skip the quoted part, newlines included; "" is a quote inside.
                for (++i; i < n; ++i) {
                    if (d[i] == '"') {
                        if (i + 1 < n && d[i + 1] == '"') ++i;
                        else break;
                    }
                }
                if (i < n) ++i;
                field_start = false;
                continue;
            }
            if (c == ';') ++semicolons;
            else if (c == ',') ++commas;
            field_start = c == ';' || c == ',';
            ++i;
        }
        if (semicolons || commas) return semicolons > 0 ? ';' : ',';
        // Skip the line end and look at the next record.
        if (i < n && d[i] == '\r') ++i;
        if (i < n && d[i] == '\n') ++i;
    }
    return ',';
}

class CsvParser {
public:
    CsvParser(std::string_view data, char delimiter, Table& table, const util::SourceLocation& where,
              const ReadLimits& limits, util::Diagnostics& diags)
        : d_(data), delim_(delimiter), table_(table), where_(where), limits_(limits), diags_(diags) {}

    void run() {
        while (i_ < d_.size()) record();
    }

private:
    bool at_field_end() const {
        return i_ >= d_.size() || d_[i_] == delim_ || d_[i_] == '\r' || d_[i_] == '\n';
    }

    // Consumes one line end at i_.
    void line_end() {
        if (d_[i_] == '\r' && i_ + 1 < d_.size() && d_[i_ + 1] == '\n') ++i_;
        ++i_;
        ++line_;
    }

    void record() {
        // A table is at most a sheet: every row costs a record downstream, however short its line.
        if (line_ > util::max_sheet_rows)
            throw util::DataError(where_.at(static_cast<std::uint32_t>(line_), 0),
                                  "в файле больше " + std::to_string(util::max_sheet_rows) +
                                      " строк (столько же, сколько может быть на листе Excel); файл отклонён как "
                                      "слишком большой");
        std::uint64_t record_line = line_;
        table_.begin_row(static_cast<std::uint32_t>(record_line));
        std::uint32_t column = 0;
        for (;;) {
            ++column;
            std::string_view field = i_ < d_.size() && d_[i_] == '"' ? quoted(column) : unquoted();
            add(record_line, column, field);
            if (i_ >= d_.size()) break;
            if (d_[i_] == delim_) {
                ++i_;
                if (i_ >= d_.size()) break;  // a trailing delimiter ends the file
                continue;
            }
            line_end();
            break;
        }
        table_.end_row();
    }

    std::string_view unquoted() {
        std::size_t start = i_;
        while (!at_field_end()) ++i_;
        return d_.substr(start, i_ - start);
    }

    // A field that starts with a quote, RFC 4180. Text after the closing quote
    // is kept as is, as Excel does.
    std::string_view quoted(std::uint32_t column) {
        std::uint64_t start_line = line_;
        ++i_;
        std::size_t start = i_;
        bool in_place = true;  // no "" and no line end: a view into the data suffices
        buffer_.clear();
        for (;;) {
            std::size_t stop = d_.find_first_of(specials, i_);
            if (stop == std::string_view::npos)
                throw util::DataError(where_.at(static_cast<std::uint32_t>(start_line), column),
                                      "незакрытая кавычка: поле, начатое в строке " + std::to_string(start_line) +
                                          ", не закрыто до конца файла; проверьте парные кавычки");
            if (!in_place) buffer_.append(d_.substr(i_, stop - i_));
            i_ = stop;
            if (d_[i_] == '"') {
                if (i_ + 1 < d_.size() && d_[i_ + 1] == '"') {
                    to_buffer(in_place, start);
                    buffer_ += '"';
                    i_ += 2;
                    continue;
                }
                break;
            }
            to_buffer(in_place, start);
            buffer_ += '\n';
            line_end();
        }
        std::size_t close = i_++;
        std::size_t tail = i_;
        while (!at_field_end()) ++i_;
        if (i_ > tail) {
            to_buffer(in_place, start, close);
            buffer_.append(d_.substr(tail, i_ - tail));
        }
        return in_place ? d_.substr(start, close - start) : std::string_view(buffer_);
    }

    // Switches from a view to the buffer, copying what was read so far.
    void to_buffer(bool& in_place, std::size_t start, std::size_t end = std::string_view::npos) {
        if (!in_place) return;
        in_place = false;
        buffer_.assign(d_.substr(start, (end == std::string_view::npos ? i_ : end) - start));
    }

    void add(std::uint64_t line, std::uint32_t column, std::string_view field) {
        if (field.empty()) return;
        if (field.size() > limits_.max_cell_chars && util::utf8_length(field) > limits_.max_cell_chars) {
            diags_.error(where_.at(static_cast<std::uint32_t>(line), column),
                         "в поле больше " + std::to_string(limits_.max_cell_chars) +
                             " символов; такой текст не читается");
            return;
        }
        if (++cells_ > limits_.max_cells)
            throw util::DataError(where_, "в файле больше " + std::to_string(limits_.max_cells) +
                                              " непустых полей; файл отклонён как слишком большой");
        table_.add_text(column, field);
    }

    static constexpr std::string_view specials = "\"\r\n";

    std::string_view d_;
    char delim_;
    Table& table_;
    const util::SourceLocation& where_;
    const ReadLimits& limits_;
    util::Diagnostics& diags_;
    std::size_t i_ = 0;
    std::uint64_t line_ = 1;
    std::uint64_t cells_ = 0;
    std::string buffer_;  // a quoted field that needs unescaping
};

}  // namespace

Workbook read_csv(const std::filesystem::path& path, const std::string& display_name, const ReadLimits& limits,
                  const SheetFilter& want_sheet, util::Diagnostics& diags) {
    Workbook book;
    book.file = display_name;
    std::string name = path.stem().string();
    if (want_sheet && !want_sheet(name)) {
        book.skipped_sheets.push_back(std::move(name));
        return book;
    }
    util::SourceLocation where{display_name, "", 0, 0, true};
    std::string bytes = read_file(path, where, limits.max_csv_bytes);
    std::string_view data = bytes;

    auto starts = [&](std::string_view prefix) { return data.substr(0, prefix.size()) == prefix; };
    using namespace std::string_view_literals;
    if (starts("\xFF\xFE\0\0"sv) || starts("\0\0\xFE\xFF"sv))
        throw util::DataError(where, "кодировка UTF-32 не поддерживается; сохраните файл как CSV UTF-8 или Windows-1251");
    if (starts("\xFF\xFE"sv) || starts("\xFE\xFF"sv))
        throw util::DataError(where, "кодировка UTF-16 не поддерживается; сохраните файл как CSV UTF-8 или Windows-1251");
    bool bom = starts("\xEF\xBB\xBF"sv);
    if (bom) data.remove_prefix(3);

    if (const void* nul = std::memchr(data.data(), 0, data.size())) {
        auto offset = static_cast<std::size_t>(static_cast<const char*>(nul) - data.data());
        auto line = line_of(data, offset);
        throw util::DataError(where.at(static_cast<std::uint32_t>(line), 0),
                              "в строке " + std::to_string(line) +
                                  " есть нулевой байт: это не текстовый CSV (возможно, файл в кодировке UTF-16); "
                                  "сохраните файл как CSV UTF-8 или Windows-1251");
    }

    std::string decoded;
    if (!util::is_valid_utf8(data)) {
        if (bom) {
            auto line = first_invalid_utf8_line(data);
            throw util::DataError(where.at(static_cast<std::uint32_t>(line), 0),
                                  "файл помечен как UTF-8, но в строке " + std::to_string(line) +
                                      " есть байты не в UTF-8; сохраните файл как CSV UTF-8 заново");
        }
        decoded = util::cp1251_to_utf8(data);
        bytes.clear();
        bytes.shrink_to_fit();
        data = decoded;
    }

    Table& table = book.tables.emplace_back(name, where);
    CsvParser parser(data, detect_delimiter(data), table, where, limits, diags);
    parser.run();
    return book;
}

}  // namespace monsite::ingest
