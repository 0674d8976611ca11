#include "writers.hpp"

#include <zip.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string_view>

#include "monsite/render/xlsx_writer.hpp"

namespace fs = std::filesystem;

namespace example {

// Days since 1970-01-01 for a civil date (H. Hinnant), independent of TZ.
std::time_t utc_time(int y, unsigned m, unsigned d, int hh, int mm) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? static_cast<unsigned>(-3) : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    const long days = static_cast<long>(era) * 146097 + static_cast<long>(doe) - 719468;
    return static_cast<std::time_t>(days * 86400 + hh * 3600 + mm * 60);
}

// --- XLSX (the library's libxlsxwriter adaptor) ---

void write_xlsx(const fs::path& file, const std::vector<Table>& tables, std::time_t created, const std::string& title) {
    using Style = monsite::render::XlsxWriter::Style;
    monsite::render::XlsxWriter::Properties props;
    props.title = title;
    props.author = "Управление образования администрации Заречного муниципального округа";
    props.company = "Заречный муниципальный округ";
    props.created = created;
    monsite::render::XlsxWriter book(file, props);
    for (const auto& t : tables) {
        book.add_sheet(t.name);
        for (std::size_t c = 0; c < t.headers.size(); ++c) {
            auto col = static_cast<std::uint16_t>(c);
            book.text(0, col, t.headers[c], Style::plain_header);
            double width = c == 0 ? 12 : (t.headers[c].size() > 40 ? 18 : 14);
            if (t.name == "Меры" && (c == 0 || c >= 5)) width = c == 0 ? 60 : 30;
            if (t.name == "ОО" && c == 1) width = 48;
            book.column_width(col, width);
        }
        book.freeze_header();
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            auto row = static_cast<std::uint32_t>(r + 1);
            for (std::size_t c = 0; c < t.rows[r].size(); ++c) {
                const Cell& x = t.rows[r][c];
                auto col = static_cast<std::uint16_t>(c);
                switch (x.kind) {
                case Cell::kEmpty: break;
                case Cell::kStr: book.text(row, col, x.s); break;
                case Cell::kNum: book.number(row, col, x.n, x.n == std::floor(x.n) ? Style::general : Style::decimal_upto2); break;
                case Cell::kBool: book.boolean(row, col, x.b); break;
                case Cell::kPct: book.number(row, col, x.n, Style::percent); break;
                }
            }
        }
    }
    book.close();
}

// --- ODS (libzip) ---

namespace {

std::string xml_escape(std::string_view s) {
    std::string o;
    for (char c : s) {
        switch (c) {
        case '&': o += "&amp;"; break;
        case '<': o += "&lt;"; break;
        case '>': o += "&gt;"; break;
        case '"': o += "&quot;"; break;
        default: o += c;
        }
    }
    return o;
}


std::string value_attr(double v) {
    if (v == std::floor(v)) return std::to_string(static_cast<long>(v));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

std::string ods_content(const std::vector<Table>& tables) {
    std::ostringstream o;
    o << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<office:document-content"
         " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
         " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
         " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
         " office:version=\"1.2\"><office:body><office:spreadsheet>";
    auto cell = [&o](const Cell& x) {
        switch (x.kind) {
        case Cell::kStr:
            o << "<table:table-cell office:value-type=\"string\"><text:p>" << xml_escape(x.s) << "</text:p></table:table-cell>";
            break;
        case Cell::kNum:
            o << "<table:table-cell office:value-type=\"float\" office:value=\"" << value_attr(x.n) << "\"><text:p>"
              << display_number(x.n) << "</text:p></table:table-cell>";
            break;
        case Cell::kPct:
            o << "<table:table-cell office:value-type=\"percentage\" office:value=\"" << value_attr(x.n)
              << "\"><text:p>" << display_number(x.n * 100) << "%</text:p></table:table-cell>";
            break;
        case Cell::kBool:
            o << "<table:table-cell office:value-type=\"boolean\" office:boolean-value=\"" << (x.b ? "true" : "false")
              << "\"><text:p>" << (x.b ? "ИСТИНА" : "ЛОЖЬ") << "</text:p></table:table-cell>";
            break;
        case Cell::kEmpty: break;
        }
    };
    for (const auto& t : tables) {
        o << "<table:table table:name=\"" << xml_escape(t.name) << "\">";
        o << "<table:table-column table:number-columns-repeated=\"" << t.headers.size() << "\"/>";
        std::vector<std::vector<Cell>> rows;
        std::vector<Cell> h;
        for (const auto& s : t.headers) h.push_back(str(s));
        rows.push_back(h);
        rows.insert(rows.end(), t.rows.begin(), t.rows.end());
        for (const auto& r : rows) {
            o << "<table:table-row>";
            size_t c = 0;
            while (c < r.size()) {
                if (r[c].kind == Cell::kEmpty) {
                    size_t e = c;
                    while (e < r.size() && r[e].kind == Cell::kEmpty) ++e;
                    if (e - c == 1) o << "<table:table-cell/>";
                    else o << "<table:table-cell table:number-columns-repeated=\"" << (e - c) << "\"/>";
                    c = e;
                } else {
                    cell(r[c]);
                    ++c;
                }
            }
            o << "</table:table-row>";
        }
        o << "</table:table>";
    }
    o << "</office:spreadsheet></office:body></office:document-content>\n";
    return o.str();
}

}  // namespace

void write_ods(const fs::path& file, const std::vector<Table>& tables, std::time_t mtime) {
    int err = 0;
    zip_t* za = zip_open(file.string().c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    if (!za) throw std::runtime_error("cannot create " + file.string());
    std::deque<std::string> keep;  // buffers must live until zip_close
    auto add = [&](const char* name, std::string data, bool store) {
        keep.push_back(std::move(data));
        const std::string& d = keep.back();
        zip_source_t* src = zip_source_buffer(za, d.data(), d.size(), 0);
        if (!src) throw std::runtime_error("zip_source_buffer failed");
        zip_int64_t idx = zip_file_add(za, name, src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
        if (idx < 0) {
            zip_source_free(src);
            throw std::runtime_error(std::string("zip_file_add failed: ") + zip_strerror(za));
        }
        auto i = static_cast<zip_uint64_t>(idx);
        if (zip_set_file_compression(za, i, store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0) < 0 ||
            zip_file_set_mtime(za, i, mtime, 0) < 0)
            throw std::runtime_error(std::string("zip settings failed: ") + zip_strerror(za));
    };
    add("mimetype", "application/vnd.oasis.opendocument.spreadsheet", true);  // first, stored
    add("META-INF/manifest.xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\n"
        " <manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\n"
        " <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\n"
        "</manifest:manifest>\n",
        false);
    add("content.xml", ods_content(tables), false);
    if (zip_close(za) < 0) {
        std::string msg = zip_strerror(za);
        zip_discard(za);
        throw std::runtime_error("zip_close failed for " + file.string() + ": " + msg);
    }
}

// --- CSV in Windows-1251 ---

namespace {

std::string to_cp1251(std::string_view u) {
    std::string o;
    for (size_t i = 0; i < u.size();) {
        unsigned char c = static_cast<unsigned char>(u[i]);
        uint32_t cp;
        size_t len;
        if (c < 0x80) { cp = c; len = 1; }
        else if ((c & 0xE0) == 0xC0) { cp = c & 0x1Fu; len = 2; }
        else if ((c & 0xF0) == 0xE0) { cp = c & 0x0Fu; len = 3; }
        else throw std::runtime_error("unsupported UTF-8 in CSV text");
        if (i + len > u.size()) throw std::runtime_error("truncated UTF-8");
        for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(u[i + k]) & 0x3Fu);
        i += len;
        unsigned char b;
        if (cp < 0x80) b = static_cast<unsigned char>(cp);
        else if (cp >= 0x410 && cp <= 0x44F) b = static_cast<unsigned char>(cp - 0x410 + 0xC0);
        else if (cp == 0x401) b = 0xA8;  // Ё
        else if (cp == 0x451) b = 0xB8;  // ё
        else if (cp == 0xAB) b = 0xAB;   // «
        else if (cp == 0xBB) b = 0xBB;   // »
        else if (cp == 0x2116) b = 0xB9; // №
        else if (cp == 0xA0) b = 0xA0;   // no-break space
        else if (cp == 0x2013) b = 0x96; // –
        else if (cp == 0x2014) b = 0x97; // —
        else throw std::runtime_error("character U+" + std::to_string(cp) + " not in Windows-1251");
        o += static_cast<char>(b);
    }
    return o;
}

std::string csv_field(const Cell& x) {
    std::string s;
    switch (x.kind) {
    case Cell::kEmpty: return "";
    case Cell::kStr: s = x.s; break;
    case Cell::kNum: case Cell::kPct: s = display_number(x.n); break;
    case Cell::kBool: s = x.b ? "ИСТИНА" : "ЛОЖЬ"; break;
    }
    if (s.find_first_of(";\"\n\r") != std::string::npos) {
        std::string q = "\"";
        for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
        return q + "\"";
    }
    return s;
}

}  // namespace

void write_csv_1251(const fs::path& file, const Table& t) {
    std::string out;
    auto line = [&out](const std::vector<std::string>& f) {
        for (size_t i = 0; i < f.size(); ++i) out += (i ? ";" : "") + f[i];
        out += "\r\n";  // as Excel writes
    };
    line(std::vector<std::string>(t.headers.begin(), t.headers.end()));
    for (const auto& r : t.rows) {
        std::vector<std::string> f;
        for (const auto& c : r) f.push_back(csv_field(c));
        line(f);
    }
    std::ofstream os(file, std::ios::binary);
    os << to_cp1251(out);
    if (!os) throw std::runtime_error("cannot write " + file.string());
}

}  // namespace example
