#pragma once
// Internal to render: the builder every page kind shares. Its member functions
// live beside the page they make: navigation.cpp (links, menus, the layout),
// site_builder.cpp (the plan and parts several pages use), page_*.cpp (one page
// kind each).

#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "monsite/compute/summary.hpp"
#include "monsite/model/contract.hpp"
#include "monsite/model/indicator.hpp"
#include "monsite/render/charts.hpp"
#include "monsite/render/pages.hpp"
#include "monsite/render/school_view.hpp"

namespace monsite::render {

struct YearView {
    int year;
    bool latest;
    std::string prefix;  // "" for the latest year, "2024/" for an earlier one
    const model::YearData& data;
    const model::YearResults& results;
    const model::YearResults* previous;  // the year before, if computed
    int ranked;                          // compute::ranked_count(results): the "of N" of every rank
};

class SiteBuilder {
public:
    using json = nlohmann::ordered_json;

    // `words` is plain_texts(in.texts), made once per build and shared by every builder.
    SiteBuilder(const PagesInput& in, const Templates& templates, const json& words)
        : in_(in), t_(templates), words_(words), shared_words_(json{{"t", words}}) {}

    // Every plain text of the catalogue by key: the `t` object of every template context.
    static json plain_texts(const config::TextCatalogue& texts);

    // Pages made together: those of one published year (`year`), or of the whole site (0).
    struct Task {
        int year = 0;
        std::function<void(SiteBuilder&)> run;
    };

    // Every page as an independent task, in a fixed order, less the kept years'
    // (PagesInput::kept_years). Tasks may run on different builders (threads);
    // each writes only its own builder's output.
    std::vector<Task> plan() const;

    std::vector<Page>& pages() { return pages_; }
    std::vector<std::string>& sitemap_paths() { return sitemap_paths_; }

    // sitemap.xml of every page the builders made, with absolute addresses
    // (search engines refuse relative ones): only called when site_url is set.
    static Page sitemap(const PagesInput& in, std::vector<std::string> paths);

private:
    const YearView* latest_view();
    const config::TextCatalogue& texts() const { return in_.texts; }
    const std::string& text(std::string_view key) const { return in_.texts.text(key); }
    std::string year_text(const char* key, int year) const { return in_.texts.fill(key, {{"year", std::to_string(year)}}); }

    // ------------------------------------------------------------ navigation.cpp
    std::string href(const std::string& path) const { return in_.site.base_url + path; }
    std::string year_href(const YearView& y, const std::string& path) const { return href(y.prefix + path); }
    std::string school_href(const YearView& y, const std::string& id) const;
    std::string indicator_href(const YearView& y, const std::string& id) const {
        return year_href(y, "indicators/" + id + "/");
    }
    // The same page in every published year (or that year's home where it does not exist).
    using Exists = std::function<bool(const model::YearData&)>;
    json year_switcher(const YearView& current, const std::string& path, const Exists& exists = nullptr) const;
    json nav(const std::string& prefix, const std::string& section) const;
    // Renders body_template with body inside the layout and adds the page.
    void emit(const YearView& y, const std::string& path, const std::string& section, const std::string& title,
              const std::string& description, const std::string& body_template, json body, json switcher,
              json breadcrumbs, const std::string& origin = "");
    json crumbs(const YearView& y, std::initializer_list<std::pair<std::string, std::string>> items) const;
    json chart(const std::string& spec, const ChartFrame& frame, json table);
    static json table(const std::string& caption, std::vector<std::string> columns, json rows);

    // ------------------------------------------------------------ site_builder.cpp: shared parts
    std::vector<std::size_t> indicators_of(const std::string& direction) const;
    json indicator_row(const YearView& y, std::size_t i, const model::EntityValues& entity) const;
    // The school's typed view in year y (render/school_view.hpp) and its to_json(), the card
    // every school page and list uses.
    SchoolView school_view_of(const YearView& y, const model::SchoolYear& s) const;
    json school_card(const YearView& y, const model::SchoolYear& s) const;
    json subject_rows(const std::vector<model::SubjectSummary>& subjects) const;

    // ------------------------------------------------------------ page kinds
    void home(const YearView& y);                                   // page_home.cpp
    json level_count_chart(const compute::LevelCounts& counts, const ChartFrame& frame, const std::string& caption,
                           const std::string& first_column, const std::function<std::string(model::Level)>& name);
    json groups_chart_of(const YearView& y);
    void direction(const YearView& y, const model::Direction& d);   // page_direction.cpp
    json direction_indicators(const YearView& y, const model::Direction& d) const;
    void indicator(const YearView& y, std::size_t i);               // page_indicator.cpp
    void large_indicator_schools(const YearView& y, std::size_t i, json& body);  // a large site's summary
    void school(const YearView& y, const model::SchoolYear& s);     // page_school.cpp
    json status_grid(const YearView& y, const std::string& school_id) const;
    json school_trends(const YearView& y, const std::string& school_id) const;
    json composite_chart(const YearView& y, const std::string& school_id, const std::string& name);
    const std::vector<const model::Measure*>& measures_of(const YearView& y, const std::string& school_id);
    // page_school_decisions.cpp: recommendations by addressee, partners, strengths, changes since last year
    json school_recommendations(const YearView& y, const std::string& school_id) const;
    std::string direction_values(const YearView& y, const std::string& school_id, const std::string& direction) const;
    json school_partners(const YearView& y, const model::SchoolGrouping& g) const;
    json school_strengths(const YearView& y, const model::SchoolGrouping& g) const;
    json school_changes(const YearView& y, const model::SchoolGrouping& g) const;
    void schools_index(const YearView& y);                          // page_lists.cpp
    // page_large_lists.cpp: a large site's lists, split into pages of rows_per_page() rows.
    static std::size_t rows_per_page();
    json pagination(const YearView& y, const std::string& base, std::size_t pages, std::size_t current,
                    std::size_t first, std::size_t last, std::size_t total) const;
    // Emits body with rows_key holding each page's rows at base, base + "page/2/"...
    void emit_list_pages(const YearView& y, const std::string& base, const std::string& section, const std::string& title,
                         const std::string& description, const std::string& body_template, const json& body, json rows,
                         const std::string& rows_key, const std::string& switcher_path);
    // data/schools-index-<year>.json: every school of the year in a few fields, for the list's search.
    static std::string schools_index_path(const YearView& y);
    void schools_index_json(const YearView& y);
    void groups(const YearView& y);
    void more_link(const YearView& y, std::size_t count, json& entry) const;
    // page_large_lists.cpp: on a large site, cuts `rows` to its first large_rows() rows (returns
    // whether it cut) and sets the page's note on long lists (large_note, large_schools_href).
    static std::size_t large_rows();
    bool cap_rows(json& rows) const;
    void large_note(const YearView& y, json& body) const;
    json group_rule_titles(model::Level level) const;
    void clusters(const YearView& y);
    void rating(const YearView& y);
    json rating_rows(const YearView& y) const;
    void subjects(const YearView& y);
    void methodology(const YearView& y);                            // page_methodology.cpp
    json method_rules() const;
    void open_data(const YearView& y);                              // page_open_data.cpp
    void decisions(const YearView& y);                              // page_decisions.cpp
    void effectiveness(const YearView& y);
    json decision_zones(const YearView& y) const;
    json decision_recommendations(const YearView& y) const;
    json decision_partners(const YearView& y) const;
    json decision_moves(const YearView& y) const;
    json decision_plan(const YearView& y) const;
    void decision_sections(const YearView& y, json& body) const;
    std::string rows_cut(std::size_t shown, std::size_t total) const;
    const std::vector<model::MeasureEffect>& effects_of(int year) const;
    json effect_table(const YearView& y, int year) const;
    json effect_tables(const YearView& y) const;
    std::string effect_method() const;
    // {name, href, linked}: a school's short name (as in `year`) and its page in y, if it has one.
    json school_link(const YearView& y, const std::string& id, int year) const;
    std::string rule_number(const model::Exact& value) const;
    void report(const YearView& y);                                 // page_report.cpp: latest year only
    json report_overview(const YearView& y) const;
    json report_directions(const YearView& y);
    void content(const YearView& y, const ContentPage& c);          // page_content.cpp
    void not_found(const YearView& y);

    const PagesInput& in_;
    const Templates& t_;
    const json& words_;
    SharedValues shared_words_;  // {"t": words_}, converted once: every page's `t`
    std::vector<Page> pages_;
    std::vector<std::string> sitemap_paths_;
    int chart_counter_ = 0;
    std::optional<YearView> latest_;
    std::map<int, std::map<std::string, std::vector<const model::Measure*>>> measure_index_;
};

}  // namespace monsite::render
