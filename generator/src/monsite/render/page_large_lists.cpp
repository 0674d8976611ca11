// The lists of a large site (render/summaries.hpp): pages of 100 rows linked
// by previous/next and numbers, and the compact index of a year's schools that
// the schools list's search reads (static/js/site.js).
#include <string>

#include "monsite/render/site_builder.hpp"
#include "monsite/render/summaries.hpp"
#include "monsite/util/number_format.hpp"

namespace monsite::render {

using json = nlohmann::ordered_json;

namespace {
constexpr std::size_t kRowsPerPage = 100;
constexpr std::size_t kLargeRows = 20;  // rows of a long table on the decisions, report and direction pages
}

std::size_t SiteBuilder::rows_per_page() { return kRowsPerPage; }
std::size_t SiteBuilder::large_rows() { return kLargeRows; }

bool SiteBuilder::cap_rows(json& rows) const {
    if (!in_.site.large || rows.size() <= kLargeRows) return false;
    rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(kLargeRows), rows.end());
    return true;
}

void SiteBuilder::large_note(const YearView& y, json& body) const {
    if (!in_.site.large) return;
    body["large_note"] =
        texts().fill("large_lists_note", {{"schools", texts().plural("school_count", static_cast<long long>(y.data.schools.size()))},
                                         {"rows", std::to_string(kLargeRows)}});
    body["large_schools_href"] = year_href(y, "schools/");
}

json SiteBuilder::pagination(const YearView& y, const std::string& base, std::size_t pages, std::size_t current,
                             std::size_t first, std::size_t last, std::size_t total) const {
    const auto lang = texts().language();
    json p;
    p["label"] = text("list_pages_label");
    p["status"] = texts().fill("list_page_status", {{"first", util::format_integer(static_cast<long long>(first + 1), lang)},
                                                    {"last", util::format_integer(static_cast<long long>(last), lang)},
                                                    {"total", util::format_integer(static_cast<long long>(total), lang)}});
    if (current > 1) p["previous"] = {{"href", year_href(y, list_page_path(base, current - 1))}, {"label", text("list_page_previous")}};
    if (current < pages) p["next"] = {{"href", year_href(y, list_page_path(base, current + 1))}, {"label", text("list_page_next")}};
    // Every number up to 15 pages; beyond, the first, the last and two either side of the current one.
    json numbers = json::array();
    bool gap = false;
    for (std::size_t n = 1; n <= pages; ++n) {
        const bool shown = pages <= 15 || n == 1 || n == pages || (n + 2 >= current && n <= current + 2);
        if (!shown) {
            if (!gap) numbers.push_back({{"gap", true}});
            gap = true;
            continue;
        }
        gap = false;
        numbers.push_back({{"number", util::format_integer(static_cast<long long>(n), lang)},
                           {"href", year_href(y, list_page_path(base, n))},
                           {"current", n == current}});
    }
    p["pages"] = std::move(numbers);
    return p;
}

void SiteBuilder::emit_list_pages(const YearView& y, const std::string& base, const std::string& section,
                                  const std::string& title, const std::string& description,
                                  const std::string& body_template, const json& body, json rows,
                                  const std::string& rows_key, const std::string& switcher_path) {
    const auto pages = paginate(rows.size(), kRowsPerPage);
    for (const ListPage& page : pages) {
        json b = body;
        json slice = json::array();
        for (std::size_t r = page.first; r < page.last; ++r) slice.push_back(std::move(rows[r]));
        b[rows_key] = std::move(slice);
        b["pagination"] = pagination(y, base, pages.size(), page.number, page.first, page.last, rows.size());
        const std::string page_title =
            page.number == 1 ? title
                             : texts().fill("list_page_title", {{"title", title}, {"page", std::to_string(page.number)}});
        emit(y, y.prefix + list_page_path(base, page.number), section, page_title, description, body_template,
             std::move(b), year_switcher(y, switcher_path), crumbs(y, {}));
    }
}

std::string SiteBuilder::schools_index_path(const YearView& y) {
    return "data/schools-index-" + std::to_string(y.year) + ".json";
}

void SiteBuilder::schools_index_json(const YearView& y) {
    json rows = json::array();
    for (const auto& s : y.data.schools) {
        const json card = school_card(y, s);
        const std::string group = card.value("group_name", std::string());
        rows.push_back(json::array({card["id"], card["name"], card["href"], card["search"], card["type"], card["cluster"],
                                    card["group"], group.empty() ? text("no_data") : group, card["composite"],
                                    card["rank"]}));
    }
    json index;
    index["year"] = y.year;
    index["fields"] = json::array({"id", "name", "href", "search", "type", "cluster", "group", "group_text", "composite", "rank"});
    index["rows"] = std::move(rows);
    pages_.push_back({schools_index_path(y), index.dump() + "\n", "schools index " + std::to_string(y.year)});
}

}  // namespace monsite::render
