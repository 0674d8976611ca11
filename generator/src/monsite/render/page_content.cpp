#include "monsite/render/site_builder.hpp"

namespace monsite::render {

using json = nlohmann::ordered_json;

void SiteBuilder::content(const YearView& y, const ContentPage& c) {
    json body{{"title", c.title}, {"html", c.html}};
    emit(y, c.slug + "/", c.slug + "/", c.title, c.description.empty() ? c.title : c.description, "content",
         std::move(body), year_switcher(y, ""), crumbs(y, {}), c.source.empty() ? "content/" + c.slug : c.source);
}

void SiteBuilder::not_found(const YearView& y) {
    emit(y, "404.html", "", text("not_found_title"), text("description_not_found"), "not_found", json::object(),
         year_switcher(y, ""), json::array());
}
}  // namespace monsite::render
