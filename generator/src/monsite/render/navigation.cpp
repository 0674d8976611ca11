#include "monsite/render/site_builder.hpp"

#include <algorithm>

#include "monsite/render/prose.hpp"
#include "monsite/render/template.hpp"
#include "monsite/util/messages.hpp"
#include "monsite/util/slug.hpp"

namespace monsite::render {

using json = nlohmann::ordered_json;

Page SiteBuilder::sitemap(const PagesInput& in, std::vector<std::string> paths) {
    std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    const std::string& root = in.site_url;
    std::sort(paths.begin(), paths.end());
    for (const auto& p : paths) xml += "  <url><loc>" + escape_html(root + p) + "</loc></url>\n";
    xml += "</urlset>\n";
    return {"sitemap.xml", std::move(xml), util::messages::sitemap_origin};
}

std::string SiteBuilder::school_href(const YearView& y, const std::string& id) const {
    return year_href(y, school_path(id));
}

json SiteBuilder::year_switcher(const YearView& current, const std::string& path, const Exists& exists) const {
    json list = json::array();
    for (std::size_t i = 0; i < in_.site.years.size(); ++i) {
        int y = in_.site.years[i];
        bool latest = i + 1 == in_.site.years.size();
        std::string prefix = latest ? "" : std::to_string(y) + "/";
        const auto* data = in_.data.find_year(y);
        bool has = data && (!exists || exists(*data));
        list.push_back({{"year", y}, {"href", href(prefix + (has ? path : ""))}, {"current", y == current.year}});
    }
    return list;
}

json SiteBuilder::nav(const std::string& prefix, const std::string& section) const {
    json items = json::array();
    const std::pair<const char*, const std::string&> links[] = {
        {"", text("nav_overview")},         {"schools/", text("nav_schools")},
        {"rating/", text("nav_rating")},    {"groups/", text("nav_groups")},
        {"clusters/", text("nav_clusters")}, {"decisions/", text("nav_decisions")},
        {"methodology/", text("nav_methodology")},
        {"open-data/", text("nav_open_data")}};
    for (const auto& [path, label] : links) {
        bool root_only = std::string_view(path) == "methodology/" || std::string_view(path) == "open-data/";
        items.push_back({{"href", href((root_only ? "" : prefix) + path)},
                         {"label", label},
                         {"current", section == path}});
    }
    for (const auto& c : in_.content)
        items.push_back({{"href", href(c.slug + "/")}, {"label", c.title}, {"current", section == c.slug + "/"}});
    return items;
}

void SiteBuilder::emit(const YearView& y, const std::string& path, const std::string& section, const std::string& title,
          const std::string& description, const std::string& body_template, json body, json switcher,
          json breadcrumbs, const std::string& origin) {
    body["year"] = y.year;
    body["base"] = in_.site.base_url;
    body["municipality"] = in_.site.municipality;
    std::string html = t_.render(body_template, body, &shared_words_);
    json page;
    page["lang"] = std::string(util::to_string(texts().language()));
    page["og_locale"] = texts().language() == util::Language::en ? "en_US" : "ru_RU";
    page["title"] = title;
    page["site_title"] = text("site_title");
    page["description"] = description;
    page["municipality"] = in_.site.municipality;
    page["department"] = in_.site.department;
    page["base"] = in_.site.base_url;
    page["assets"] = href("assets/");
    page["home"] = href(y.prefix);
    // Open Graph wants an absolute address: only with site_url.
    if (!in_.site_url.empty()) page["url"] = in_.site_url + path;
    if (!in_.site_url.empty()) page["sitemap"] = href("sitemap.xml");
    page["nav"] = nav(y.prefix, section);
    page["years"] = std::move(switcher);
    page["year"] = y.year;
    page["earlier_year"] = !y.latest;
    page["latest_href"] = href("");
    page["has_breadcrumbs"] = !breadcrumbs.empty();
    page["breadcrumbs"] = std::move(breadcrumbs);
    page["charts_script"] = in_.charts_script;
    page["generator"] = std::string("monsite ") + MONSITE_VERSION;
    page["archive_notice"] = year_text("archive_notice", y.year);
    page["data_as_of"] = year_text("data_as_of", y.year);
    page["generated_by"] = texts().fill("generated_by", {{"generator", page["generator"].get<std::string>()}});
    page["content"] = html;
    std::string file = path.empty() || path.back() == '/' ? path + "index.html" : path;
    pages_.push_back({file, t_.render("layout", page, &shared_words_),
                      origin.empty() ? util::messages::page_origin(body_template) : origin});
    if (file != "404.html") sitemap_paths_.push_back(path);
    chart_counter_ = 0;  // chart ids restart on every page, whichever thread makes it
}

json SiteBuilder::crumbs(const YearView& y, std::initializer_list<std::pair<std::string, std::string>> items) const {
    json list = json::array();
    list.push_back({{"href", href(y.prefix)}, {"label", year_text("nav_overview_year", y.year)}});
    for (const auto& [h, label] : items) list.push_back({{"href", h}, {"label", label}});
    return list;
}

json SiteBuilder::chart(const std::string& spec, const ChartFrame& frame, json table) {
    ++chart_counter_;
    std::string id = "chart-" + std::to_string(chart_counter_);
    return {{"id", id}, {"title", frame.title}, {"description", frame.description}, {"spec", spec},
            {"table", std::move(table)}};
}

json SiteBuilder::table(const std::string& caption, std::vector<std::string> columns, json rows) {
    json cols = json::array();
    for (auto& c : columns) cols.push_back(c);
    return {{"caption", caption}, {"columns", cols}, {"rows", std::move(rows)}};
}
}  // namespace monsite::render
