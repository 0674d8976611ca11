#include "monsite/ingest/xlsx_parts.hpp"

#include <charconv>
#include <unordered_set>

#include "monsite/util/strings.hpp"

namespace monsite::ingest::xlsx {

namespace {

constexpr std::string_view damaged_hint = "; файл повреждён — откройте его в Excel или LibreOffice и сохраните заново";

void lower_ascii(std::string& text) {
    for (char& ch : text)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
}

int hex_value(char ch) {
    if (ch >= '0' && ch <= '9') return ch - '0';
    if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
    return -1;
}

// Reads "_xHHHH_" at text[i]; returns the code unit or -1.
long escape_at(const std::string& text, std::size_t i) {
    if (i + 7 > text.size() || text[i] != '_' || text[i + 1] != 'x' || text[i + 6] != '_') return -1;
    long value = 0;
    for (std::size_t k = i + 2; k < i + 6; ++k) {
        int h = hex_value(text[k]);
        if (h < 0) return -1;
        value = value * 16 + h;
    }
    return value;
}

std::size_t encode_utf8(char32_t cp, char* out) {
    if (cp < 0x80) {
        out[0] = static_cast<char>(cp);
        return 1;
    }
    if (cp < 0x800) {
        out[0] = static_cast<char>(0xC0 | (cp >> 6));
        out[1] = static_cast<char>(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = static_cast<char>(0xE0 | (cp >> 12));
        out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out[2] = static_cast<char>(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = static_cast<char>(0xF0 | (cp >> 18));
    out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[3] = static_cast<char>(0x80 | (cp & 0x3F));
    return 4;
}

std::string percent_decode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size()) {
            int hi = hex_value(text[i + 1]), lo = hex_value(text[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out += static_cast<char>(hi * 16 + lo);
                i += 2;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

}  // namespace

std::string_view attribute(std::span<const XmlAttribute> attributes, std::string_view name) {
    for (const auto& a : attributes)
        if (a.ns.empty() && a.name == name) return a.value;
    return {};
}

void parse_part(ZipArchive& zip, const std::string& entry, XmlHandler& handler, const util::SourceLocation& where,
                const ReadLimits& limits) {
    XmlParser parser(handler, where, entry, limits.max_xml_depth);
    zip.read(entry, [&](std::string_view chunk) { parser.feed(chunk); });
    parser.feed({}, true);
}

std::string rels_part_of(std::string_view part) {
    auto slash = part.rfind('/');
    std::string_view folder = slash == std::string_view::npos ? std::string_view() : part.substr(0, slash + 1);
    std::string_view name = slash == std::string_view::npos ? part : part.substr(slash + 1);
    std::string out(folder);
    out += "_rels/";
    out += name;
    out += ".rels";
    return out;
}

std::string resolve_target(std::string_view source_part, std::string_view target) {
    std::string path;
    if (!target.empty() && (target[0] == '/' || target[0] == '\\')) {
        path.assign(target.substr(1));
    } else {
        auto slash = source_part.rfind('/');
        if (slash != std::string_view::npos) path.assign(source_part.substr(0, slash + 1));
        path.append(target);
    }
    for (char& ch : path)
        if (ch == '\\') ch = '/';
    std::vector<std::string_view> segments;
    std::string_view rest(path);
    while (!rest.empty()) {
        auto cut = rest.find('/');
        std::string_view segment = rest.substr(0, cut);
        rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + 1);
        if (segment.empty() || segment == ".") continue;
        if (segment == "..") {
            if (!segments.empty()) segments.pop_back();  // clamped at the root, as URIs are
            continue;
        }
        segments.push_back(segment);
    }
    std::string out;
    for (auto segment : segments) {
        if (!out.empty()) out += '/';
        out.append(segment);
    }
    return out;
}

bool type_is(std::string_view type, std::string_view suffix) {
    return type.size() > suffix.size() && type.ends_with(suffix) && type[type.size() - suffix.size() - 1] == '/';
}

void decode_escapes(std::string& text, std::size_t from) {
    std::size_t first = text.find("_x", from);
    if (first == std::string::npos) return;
    std::size_t w = first;
    for (std::size_t r = first; r < text.size();) {
        long unit = text[r] == '_' ? escape_at(text, r) : -1;
        if (unit >= 0) {
            char32_t cp = static_cast<char32_t>(unit);
            std::size_t used = 7;
            bool ok = true;
            if (unit >= 0xD800 && unit <= 0xDBFF) {  // a pair written as two escapes
                long low = escape_at(text, r + 7);
                ok = low >= 0xDC00 && low <= 0xDFFF;
                if (ok) {
                    cp = 0x10000 + ((static_cast<char32_t>(unit) - 0xD800) << 10) + (static_cast<char32_t>(low) - 0xDC00);
                    used = 14;
                }
            } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
                ok = false;
            }
            if (ok) {
                char buf[4];
                std::size_t n = encode_utf8(cp, buf);  // never longer than the escape
                for (std::size_t k = 0; k < n; ++k) text[w++] = buf[k];
                r += used;
                continue;
            }
        }
        text[w++] = text[r++];
    }
    text.resize(w);
}

bool is_percent_format(std::string_view code) {
    for (std::size_t i = 0; i < code.size(); ++i) {
        switch (code[i]) {
            case '"': {
                auto close = code.find('"', i + 1);
                if (close == std::string_view::npos) return false;
                i = close;
                break;
            }
            case '[': {
                auto close = code.find(']', i + 1);
                if (close == std::string_view::npos) return false;
                i = close;
                break;
            }
            case '\\':
            case '_':
            case '*': ++i; break;  // the next character is literal
            case '%': return true;
            default: break;
        }
    }
    return false;
}

PartIndex::PartIndex(const ZipArchive& zip) {
    for (auto& name : zip.entry_names()) {
        std::string key = name;
        lower_ascii(key);
        by_lower_.try_emplace(std::move(key), std::move(name));
    }
}

const std::string* PartIndex::find(std::string_view part) const {
    std::string key(part);
    lower_ascii(key);
    auto it = by_lower_.find(key);
    if (it == by_lower_.end() && key.find('%') != std::string::npos) {
        key = percent_decode(key);
        lower_ascii(key);
        it = by_lower_.find(key);
    }
    return it == by_lower_.end() ? nullptr : &it->second;
}

// ---------------------------------------------------------------- relationships

namespace {

class RelationshipsHandler final : public XmlHandler {
public:
    explicit RelationshipsHandler(std::vector<Relationship>& out) : out_(out) {}
    void start_element(std::string_view, std::string_view name, std::span<const XmlAttribute> attributes) override {
        if (name != "Relationship") return;
        Relationship r;
        r.id = attribute(attributes, "Id");
        r.type = attribute(attributes, "Type");
        r.target = attribute(attributes, "Target");
        r.external = attribute(attributes, "TargetMode") == "External";
        out_.push_back(std::move(r));
    }
    void end_element(std::string_view, std::string_view) override {}
    void characters(std::string_view) override {}

private:
    std::vector<Relationship>& out_;
};

}  // namespace

std::vector<Relationship> read_relationships(ZipArchive& zip, const std::string& rels_entry,
                                             std::string_view source_part, const ReadLimits& limits) {
    std::vector<Relationship> out;
    RelationshipsHandler handler(out);
    parse_part(zip, rels_entry, handler, zip.where(), limits);
    std::unordered_set<std::string_view> ids;
    for (auto& r : out) {
        if (!ids.insert(r.id).second)
            throw util::DataError(zip.where(), "в части " + rels_entry + " связь " + util::quote_for_message(r.id) +
                                                   " указана дважды" + std::string(damaged_hint));
        if (!r.external) r.target = resolve_target(source_part, r.target);
    }
    return out;
}

// ---------------------------------------------------------------- workbook.xml

namespace {

class WorkbookHandler final : public XmlHandler {
public:
    explicit WorkbookHandler(std::vector<SheetEntry>& out) : out_(out) {}
    void start_element(std::string_view, std::string_view name, std::span<const XmlAttribute> attributes) override {
        if (name == "sheets") {
            in_sheets_ = true;
        } else if (in_sheets_ && name == "sheet") {
            SheetEntry entry;
            for (const auto& a : attributes) {
                if (a.ns.empty() && a.name == "name") entry.name = a.value;
                else if (a.name == "id" && a.ns.ends_with("relationships")) entry.relationship_id = a.value;
            }
            out_.push_back(std::move(entry));
        }
    }
    void end_element(std::string_view, std::string_view name) override {
        if (name == "sheets") in_sheets_ = false;
    }
    void characters(std::string_view) override {}

private:
    std::vector<SheetEntry>& out_;
    bool in_sheets_ = false;
};

}  // namespace

std::vector<SheetEntry> read_sheet_list(ZipArchive& zip, const std::string& workbook_entry, const ReadLimits& limits) {
    std::vector<SheetEntry> out;
    WorkbookHandler handler(out);
    parse_part(zip, workbook_entry, handler, zip.where(), limits);
    std::unordered_set<std::string> names;
    for (const auto& sheet : out) {
        if (sheet.name.empty())
            throw util::DataError(zip.where(), "в книге есть лист без имени" + std::string(damaged_hint));
        if (!names.insert(util::to_lower(sheet.name)).second) {
            util::SourceLocation where = zip.where();
            where.sheet = sheet.name;
            throw util::DataError(where, "лист " + util::quote_for_message(sheet.name) +
                                             " указан в книге дважды" + std::string(damaged_hint));
        }
    }
    return out;
}

// ---------------------------------------------------------------- sharedStrings.xml

class SharedStringsHandler final : public XmlHandler {
public:
    SharedStringsHandler(SharedStrings& out, const util::SourceLocation& where, const ReadLimits& limits)
        : out_(out), where_(where), limits_(limits) {}

    void start_element(std::string_view, std::string_view name, std::span<const XmlAttribute>) override {
        if (name == "si") {
            if (out_.ends_.size() >= limits_.max_shared_strings)
                throw util::DataError(where_, "в файле больше " + std::to_string(limits_.max_shared_strings) +
                                                  " общих строк; файл отклонён как небезопасный");
            in_si_ = true;
            in_phonetic_ = false;
            too_long_ = false;
            start_ = out_.pool_.size();
            code_points_ = 0;
        } else if (in_si_) {
            if (name == "t") collecting_ = !in_phonetic_;
            else if (name == "rPh") in_phonetic_ = true;
        }
    }

    void end_element(std::string_view, std::string_view name) override {
        if (name == "t") {
            collecting_ = false;
        } else if (name == "rPh") {
            in_phonetic_ = false;
        } else if (name == "si" && in_si_) {
            in_si_ = false;
            collecting_ = false;
            if (too_long_) out_.too_long_.push_back(out_.ends_.size());
            else decode_escapes(out_.pool_, start_);
            out_.ends_.push_back(out_.pool_.size());
        }
    }

    void characters(std::string_view text) override {
        if (!collecting_ || too_long_) return;
        for (char ch : text) code_points_ += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
        if (code_points_ > limits_.max_cell_chars) {
            // Not kept; the cells that use it are reported (the sheet reader names them).
            too_long_ = true;
            out_.pool_.resize(start_);
            return;
        }
        out_.pool_.append(text);
    }

private:
    SharedStrings& out_;
    const util::SourceLocation& where_;
    const ReadLimits& limits_;
    bool in_si_ = false;
    bool in_phonetic_ = false;
    bool collecting_ = false;
    bool too_long_ = false;  // the current <si> passed max_cell_chars
    std::size_t start_ = 0;
    std::uint64_t code_points_ = 0;
};

SharedStrings read_shared_strings(ZipArchive& zip, const std::string& entry, const ReadLimits& limits) {
    SharedStrings out;
    SharedStringsHandler handler(out, zip.where(), limits);
    parse_part(zip, entry, handler, zip.where(), limits);
    return out;
}

// ---------------------------------------------------------------- styles.xml

namespace {

bool parse_uint(std::string_view text, std::uint32_t& value) {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size();
}

class StylesHandler final : public XmlHandler {
public:
    void start_element(std::string_view, std::string_view name, std::span<const XmlAttribute> attributes) override {
        if (name == "numFmt") {
            std::uint32_t id = 0;
            if (parse_uint(attribute(attributes, "numFmtId"), id))
                custom[id] = is_percent_format(attribute(attributes, "formatCode"));
        } else if (name == "cellXfs") {
            in_cell_xfs_ = true;
        } else if (in_cell_xfs_ && name == "xf") {
            std::uint32_t id = 0;
            if (!parse_uint(attribute(attributes, "numFmtId"), id)) id = 0;
            xf_formats.push_back(id);
        }
    }
    void end_element(std::string_view, std::string_view name) override {
        if (name == "cellXfs") in_cell_xfs_ = false;
    }
    void characters(std::string_view) override {}

    std::unordered_map<std::uint32_t, bool> custom;  // numFmtId -> shows percent
    std::vector<std::uint32_t> xf_formats;           // numFmtId per cellXfs entry

private:
    bool in_cell_xfs_ = false;
};

}  // namespace

std::vector<std::uint8_t> read_percent_styles(ZipArchive& zip, const std::string& entry, const ReadLimits& limits) {
    StylesHandler handler;
    parse_part(zip, entry, handler, zip.where(), limits);
    std::vector<std::uint8_t> out;
    out.reserve(handler.xf_formats.size());
    for (auto id : handler.xf_formats) {
        auto it = handler.custom.find(id);
        bool percent = it != handler.custom.end() ? it->second : (id == 9 || id == 10);
        out.push_back(percent ? 1 : 0);
    }
    return out;
}

}  // namespace monsite::ingest::xlsx
