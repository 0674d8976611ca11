#include "monsite/render/site_builder.hpp"

#include "monsite/compute/summary.hpp"
#include "monsite/render/format.hpp"
#include "monsite/render/open_data.hpp"
#include "monsite/render/prose.hpp"
#include "monsite/render/school_view.hpp"
#include "monsite/render/views.hpp"
#include "monsite/util/messages.hpp"
#include "monsite/util/number_format.hpp"
#include "monsite/util/strings.hpp"

namespace monsite::render {

using json = nlohmann::ordered_json;
using model::Indicator;

json SiteBuilder::plain_texts(const config::TextCatalogue& texts) {
    json t = json::object();
    for (const auto& [key, entry] : texts.entries())
        if (!entry.plural()) t[key] = entry.text;
    return t;
}

std::vector<SiteBuilder::Task> SiteBuilder::plan() const {
    std::vector<Task> tasks;
    const auto& years = in_.site.years;
    for (std::size_t i = 0; i < years.size(); ++i) {
        const model::YearData* data = in_.data.find_year(years[i]);
        const model::YearResults* results = in_.results.find_year(years[i]);
        if (!data || !results || in_.kept(years[i])) continue;
        bool latest = i + 1 == years.size();
        YearView y{years[i], latest, latest ? "" : std::to_string(years[i]) + "/", *data, *results,
                   in_.results.find_year(years[i] - 1), compute::ranked_count(*results)};
        auto add = [&tasks, year = y.year](std::function<void(SiteBuilder&)> run) { tasks.push_back({year, std::move(run)}); };
        add([y](SiteBuilder& b) { b.home(y); });
        for (const auto& d : model::directions()) add([y, &d](SiteBuilder& b) { b.direction(y, d); });
        for (std::size_t k = 0; k < in_.catalogue.indicators.size(); ++k) add([y, k](SiteBuilder& b) { b.indicator(y, k); });
        add([y](SiteBuilder& b) { b.schools_index(y); });
        for (const auto& s : data->schools) add([y, &s](SiteBuilder& b) { b.school(y, s); });
        add([y](SiteBuilder& b) {
            b.groups(y);
            b.clusters(y);
            b.rating(y);
            if (y.results.has_subjects) b.subjects(y);
        });
        add([y](SiteBuilder& b) {
            b.decisions(y);
            b.effectiveness(y);
        });
    }
    // The whole site's pages: they speak of every year, so they are never kept.
    tasks.push_back({0, [](SiteBuilder& b) {
                         if (const auto* latest = b.latest_view()) {
                             b.methodology(*latest);
                             b.open_data(*latest);
                             b.report(*latest);
                             for (const auto& c : b.in_.content) b.content(*latest, c);
                             b.not_found(*latest);
                         }
                     }});
    return tasks;
}

const YearView* SiteBuilder::latest_view() {
    if (in_.site.years.empty()) return nullptr;
    int y = in_.site.years.back();
    const auto* data = in_.data.find_year(y);
    const auto* results = in_.results.find_year(y);
    if (!data || !results) return nullptr;
    latest_.emplace(YearView{y, true, "", *data, *results, in_.results.find_year(y - 1), compute::ranked_count(*results)});
    return &*latest_;
}

std::vector<std::size_t> SiteBuilder::indicators_of(const std::string& direction) const {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < in_.catalogue.indicators.size(); ++i)
        if (in_.catalogue.indicators[i].direction == direction) out.push_back(i);
    return out;
}

json SiteBuilder::indicator_row(const YearView& y, std::size_t i, const model::EntityValues& entity) const {
    const Indicator& ind = in_.catalogue.indicators[i];
    return {{"id", ind.id},
            {"title", ind.title},
            {"short_title", ind.short_title},
            {"href", indicator_href(y, ind.id)},
            {"rated", ind.rated()},
            {"value", value_view(texts(), ind, entity.values[i]).to_json()}};
}

SchoolView SiteBuilder::school_view_of(const YearView& y, const model::SchoolYear& s) const {
    return school_view(texts(), in_.catalogue, s, *y.results.grouping(s.school_id), y.ranked,
                       year_href(y, ""));
}

json SiteBuilder::school_card(const YearView& y, const model::SchoolYear& s) const {
    return school_view_of(y, s).to_json();
}

json SiteBuilder::subject_rows(const std::vector<model::SubjectSummary>& subjects) const {
    json rows = json::array();
    for (const auto& s : subjects) {
        rows.push_back({{"subject", subject_name(texts(), s.subject)},
                        {"teachers", util::format_integer(s.teachers, texts().language())},
                        {"scored", util::format_integer(s.scored, texts().language())},
                        {"average", subject_cell(texts(), s.average_score ? decimal_text(texts(), *s.average_score, 1) : "",
                                                 s.average_suppressed)},
                        {"deficit", subject_cell(texts(), s.deficit_share ? value_text(texts(), *percent_share(), *s.deficit_share) : "",
                                                 s.deficit_suppressed)}});
    }
    return rows;
}

}  // namespace monsite::render
