#include "monsite/pdf/outline.hpp"

#include <cctype>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>

#include "monsite/util/strings.hpp"

namespace monsite::pdf {
namespace {

// Objects by number: the text of each object's body (from after "obj" to
// "endobj"), found through the cross-reference table(s), newest first.
class Objects {
public:
    explicit Objects(std::string_view pdf) : pdf_(pdf) {
        const std::size_t start = pdf.rfind("startxref");
        if (start == std::string_view::npos) return;
        long xref = std::strtol(std::string(pdf.substr(start + 9, 24)).c_str(), nullptr, 10);
        std::set<long> seen;
        while (xref > 0 && static_cast<std::size_t>(xref) < pdf.size() && seen.insert(xref).second)
            xref = read_section(static_cast<std::size_t>(xref));
    }

    // The body of object `n`, or empty.
    std::string_view body(long n) const {
        auto it = offsets_.find(n);
        if (it == offsets_.end() || it->second >= pdf_.size()) return {};
        const std::size_t obj = pdf_.find("obj", it->second);
        const std::size_t end = pdf_.find("endobj", obj);
        if (obj == std::string_view::npos || end == std::string_view::npos) return {};
        return pdf_.substr(obj + 3, end - obj - 3);
    }

    std::string_view trailer() const { return trailer_; }

private:
    // Reads one "xref" section and its trailer; returns the /Prev offset or 0.
    long read_section(std::size_t at) {
        std::size_t pos = at;
        if (pdf_.compare(pos, 4, "xref") != 0) return 0;
        pos += 4;
        for (;;) {
            while (pos < pdf_.size() && std::isspace(static_cast<unsigned char>(pdf_[pos]))) ++pos;
            if (pos >= pdf_.size() || !std::isdigit(static_cast<unsigned char>(pdf_[pos]))) break;
            char* end = nullptr;
            const std::string header(pdf_.substr(pos, 40));
            const long first = std::strtol(header.c_str(), &end, 10);
            const long count = std::strtol(end, &end, 10);
            pos += static_cast<std::size_t>(end - header.c_str());
            while (pos < pdf_.size() && std::isspace(static_cast<unsigned char>(pdf_[pos]))) ++pos;
            if (count < 0 || count > 10'000'000) return 0;
            for (long i = 0; i < count; ++i, pos += 20) {  // each entry is 20 bytes
                if (pos + 18 > pdf_.size()) return 0;
                if (pdf_[pos + 17] != 'n') continue;
                const long offset = std::strtol(std::string(pdf_.substr(pos, 10)).c_str(), nullptr, 10);
                offsets_.emplace(first + i, offset);  // a newer section already set it: kept
            }
        }
        const std::size_t trailer = pdf_.find("trailer", pos);
        const std::size_t startxref = pdf_.find("startxref", trailer);
        if (trailer == std::string_view::npos || startxref == std::string_view::npos) return 0;
        const std::string_view dict = pdf_.substr(trailer, startxref - trailer);
        if (trailer_.empty()) trailer_ = dict;
        const std::size_t prev = dict.find("/Prev");
        return prev == std::string_view::npos ? 0 : std::strtol(std::string(dict.substr(prev + 5, 24)).c_str(), nullptr, 10);
    }

    std::string_view pdf_;
    std::map<long, std::size_t> offsets_;
    std::string_view trailer_;
};

// The object number of "/Key N 0 R" in `dict`, if present.
std::optional<long> reference(std::string_view dict, std::string_view key) {
    std::size_t at = 0;
    while ((at = dict.find(key, at)) != std::string_view::npos) {
        at += key.size();
        // The key must end here (not "/Pages" when looking for "/Page").
        if (at < dict.size() && std::isalnum(static_cast<unsigned char>(dict[at]))) continue;
        std::size_t p = at;
        while (p < dict.size() && (std::isspace(static_cast<unsigned char>(dict[p])) || dict[p] == '[')) ++p;
        char* end = nullptr;
        const std::string number(dict.substr(p, 32));
        const long n = std::strtol(number.c_str(), &end, 10);
        if (end == number.c_str()) return std::nullopt;
        return n;
    }
    return std::nullopt;
}

// Every "N 0 R" inside the array that follows `key`.
std::vector<long> references(std::string_view dict, std::string_view key) {
    std::vector<long> out;
    const std::size_t at = dict.find(key);
    if (at == std::string_view::npos) return out;
    const std::size_t open = dict.find('[', at), close = dict.find(']', at);
    if (open == std::string_view::npos || close == std::string_view::npos || close < open) return out;
    const std::string list(dict.substr(open + 1, close - open - 1));
    const char* p = list.c_str();
    for (;;) {
        char* end = nullptr;
        const long n = std::strtol(p, &end, 10);
        if (end == p) break;
        std::strtol(end, &end, 10);  // generation
        while (*end == ' ' || *end == '\n' || *end == '\r') ++end;
        if (*end != 'R') break;
        out.push_back(n);
        p = end + 1;
    }
    return out;
}

// The bytes of the string after "/Title": a hex string decoded, or a literal unescaped.
std::string title_bytes(std::string_view dict) {
    std::size_t at = dict.find("/Title");
    if (at == std::string_view::npos) return {};
    at += 6;
    while (at < dict.size() && std::isspace(static_cast<unsigned char>(dict[at]))) ++at;
    std::string out;
    if (at < dict.size() && dict[at] == '<') {
        int high = -1;
        for (std::size_t i = at + 1; i < dict.size() && dict[i] != '>'; ++i) {
            const int v = std::isdigit(static_cast<unsigned char>(dict[i])) ? dict[i] - '0'
                          : std::isxdigit(static_cast<unsigned char>(dict[i]))
                              ? std::tolower(static_cast<unsigned char>(dict[i])) - 'a' + 10
                              : -1;
            if (v < 0) continue;
            if (high < 0) high = v;
            else out += static_cast<char>(high * 16 + v), high = -1;
        }
    } else if (at < dict.size() && dict[at] == '(') {
        int nesting = 0;
        for (std::size_t i = at + 1; i < dict.size(); ++i) {
            char c = dict[i];
            if (c == '\\' && i + 1 < dict.size()) {
                const char e = dict[++i];
                out += e == 'n' ? '\n' : e == 'r' ? '\r' : e == 't' ? '\t' : e;
                continue;
            }
            if (c == '(') ++nesting;
            if (c == ')' && nesting-- == 0) break;
            out += c;
        }
    }
    return out;
}

void collect_pages(const Objects& objects, long node, std::map<long, int>& pages, std::set<long>& seen) {
    if (!seen.insert(node).second || seen.size() > 100'000) return;
    const std::string_view dict = objects.body(node);
    if (dict.find("/Kids") != std::string_view::npos) {
        for (long kid : references(dict, "/Kids")) collect_pages(objects, kid, pages, seen);
    } else {
        const int number = static_cast<int>(pages.size()) + 1;
        pages.emplace(node, number);
    }
}

void collect_outline(const Objects& objects, std::optional<long> item, int depth, const std::map<long, int>& pages,
                     std::vector<OutlineEntry>& out, std::set<long>& seen) {
    while (item && seen.insert(*item).second && seen.size() < 100'000 && depth < 64) {
        const std::string_view dict = objects.body(*item);
        if (dict.empty()) return;
        OutlineEntry entry;
        entry.title = pdf_string_to_utf8(title_bytes(dict));
        entry.depth = depth;
        if (auto target = reference(dict, "/Dest")) {
            auto page = pages.find(*target);
            if (page != pages.end()) entry.page = page->second;
        }
        out.push_back(std::move(entry));
        collect_outline(objects, reference(dict, "/First"), depth + 1, pages, out, seen);
        item = reference(dict, "/Next");
    }
}

}  // namespace

std::string pdf_string_to_utf8(std::string_view bytes) {
    std::string out;
    if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFE && static_cast<unsigned char>(bytes[1]) == 0xFF) {
        for (std::size_t i = 2; i + 1 < bytes.size(); i += 2) {
            unsigned unit = (static_cast<unsigned char>(bytes[i]) << 8) | static_cast<unsigned char>(bytes[i + 1]);
            if (unit >= 0xD800 && unit < 0xDC00 && i + 3 < bytes.size()) {
                const unsigned low = (static_cast<unsigned char>(bytes[i + 2]) << 8) | static_cast<unsigned char>(bytes[i + 3]);
                if (low >= 0xDC00 && low < 0xE000) {
                    unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                    i += 2;
                } else {
                    unit = 0xFFFD;
                }
            } else if (unit >= 0xD800 && unit < 0xE000) {
                unit = 0xFFFD;
            }
            util::append_utf8(out, unit);
        }
        return out;
    }
    for (char c : bytes) util::append_utf8(out, static_cast<unsigned char>(c));
    return out;
}

std::vector<OutlineEntry> read_outline(std::string_view pdf) {
    std::vector<OutlineEntry> out;
    const Objects objects(pdf);
    const auto root = reference(objects.trailer(), "/Root");
    if (!root) return out;
    const std::string_view catalog = objects.body(*root);
    std::map<long, int> pages;
    std::set<long> seen;
    if (auto tree = reference(catalog, "/Pages")) collect_pages(objects, *tree, pages, seen);
    const auto outlines = reference(catalog, "/Outlines");
    if (!outlines) return out;
    seen.clear();
    collect_outline(objects, reference(objects.body(*outlines), "/First"), 0, pages, out, seen);
    return out;
}

}  // namespace monsite::pdf
