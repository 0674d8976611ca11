#include "monsite/render/site_json.hpp"

#include <unordered_map>

#include <map>

#include <nlohmann/json.hpp>

#include "monsite/compute/summary.hpp"
#include "monsite/model/contract.hpp"
#include "monsite/render/format.hpp"
#include "monsite/render/json_writer.hpp"
#include "monsite/render/pages.hpp"
#include "monsite/render/prose.hpp"
#include "monsite/render/recommendation_view.hpp"
#include "monsite/render/school_view.hpp"
#include "monsite/render/views.hpp"

namespace monsite::render {
namespace {

using json = nlohmann::ordered_json;

const char* unit_id(model::Unit unit) {
    switch (unit) {
        case model::Unit::percent: return "%";
        case model::Unit::count: return "count";
        case model::Unit::years: return "years";
        case model::Unit::rates: return "rates";
    }
    return "";
}

const char* better_id(model::Better better) {
    switch (better) {
        case model::Better::higher: return "higher";
        case model::Better::lower: return "lower";
        case model::Better::none: break;
    }
    return "none";
}

json values_json(const config::TextCatalogue& texts, const model::EntityValues& e, const model::Catalogue& catalogue) {
    json out = json::object();
    for (std::size_t i = 0; i < catalogue.indicators.size(); ++i)
        if (e.values[i]) out[catalogue.indicators[i].id] = value_view(texts, catalogue.indicators[i], e.values[i]).to_json();
    return out;
}

json subjects_json(const config::TextCatalogue& texts, const std::vector<model::SubjectSummary>& subjects) {
    json out = json::array();
    for (const auto& s : subjects) {
        json j;
        j["subject"] = subject_name(texts, s.subject);
        j["teachers"] = s.teachers;
        j["scored"] = s.scored;
        if (s.average_score) j["average_score"] = data_double(*s.average_score, 2);
        j["average_suppressed"] = s.average_suppressed;
        if (s.deficit_share) j["deficit_share"] = data_double(*s.deficit_share, 2);
        j["deficit_suppressed"] = s.deficit_suppressed;
        out.push_back(std::move(j));
    }
    return out;
}

// A recommendation for machines: ids, priority, title and the reason in words (no body).
json recommendation_json(const PagesInput& in, const model::RecommendationMatch& m, int year) {
    const RecommendationView v = recommendation_view(in, m, year);
    const auto& when = in.recommendations[m.rule].when;
    const model::Indicator* ind = when.indicator.empty() ? nullptr : in.catalogue.find(when.indicator);
    return {{"rule_id", v.rule_id},
            {"addressee", v.addressee},
            {"priority", v.priority},
            {"kind", v.kind},
            {"direction", !when.direction.empty() ? when.direction : ind ? ind->direction : ""},
            {"indicator", when.indicator},
            {"title", v.title},
            {"reason", v.reason}};
}

json effect_json(const model::Catalogue& catalogue, const model::MeasureEffect& e) {
    const model::Indicator* ind = e.indicator == model::Fact::npos ? nullptr : &catalogue.indicators[e.indicator];
    const int decimals = ind ? decimals_of(*ind) : 2;
    auto number = [decimals](const std::optional<model::Exact>& v) { return v ? json(data_double(*v, decimals)) : json(nullptr); };
    // A row in the order of effect_fields: an array, not an object, so that a
    // year of a million measures stays small.
    return json::array({e.measure, e.school_id, ind ? ind->id : "", e.direction, number(e.before), number(e.during),
                        number(e.after), number(e.change), model::to_string(e.verdict)});
}

const json& effect_fields() {
    static const json fields = json::array(
        {"measure", "school_id", "indicator", "direction", "before", "during", "after", "change", "verdict"});
    return fields;
}

// Below data/: a year's file and a school's file of that year (a large site).
std::string year_file(int year) { return "years/" + std::to_string(year) + ".json"; }
std::string school_file(int year, const std::string& school_id) {
    return "years/" + std::to_string(year) + "/" + school_id + ".json";
}

// year_base: the base URL with the year's prefix, as the pages have it ("/", "/2024/").
// With `school_files` (a large site), each school's entry goes there as (path, entry)
// and the year lists the school's id, name and file only.
// Receives a school's entry of a large site's site.json (its path, its object) as it is made.
using SchoolFiles = std::function<void(std::string path, const json& entry)>;
json year_json(const PagesInput& in, const model::YearData& input, const model::YearResults& year,
               const std::string& year_base, const SchoolFiles* school_files) {
    const config::TextCatalogue& texts = in.texts;
    const model::Catalogue& catalogue = in.catalogue;
    const model::YearDecisions* decisions = in.decisions_of(year.year);
    json y;
    y["year"] = year.year;
    y["has_teachers"] = input.has_teachers;
    y["municipality"] = values_json(texts, year.municipality, catalogue);

    std::map<std::string, std::vector<std::string>> members;
    for (const auto& s : input.schools) members[s.cluster].push_back(s.school_id);
    json clusters = json::array();
    for (const auto& c : year.clusters) {
        json j;
        j["name"] = c.id;
        j["schools"] = members[c.id];
        j["values"] = values_json(texts, c, catalogue);
        clusters.push_back(std::move(j));
    }
    y["clusters"] = std::move(clusters);

    const int ranked = compute::ranked_count(year);
    const compute::LevelCounts group_counts = compute::group_counts(year);
    // Each school's recommendations, found once (not by a scan of all of them per school).
    std::unordered_map<std::string_view, std::vector<const model::RecommendationMatch*>> by_school;
    if (decisions)
        for (const auto& m : decisions->recommendations) by_school[m.school_id].push_back(&m);
    json schools = json::array();
    for (const auto& s : input.schools) {
        const auto* g = year.grouping(s.school_id);
        const auto* values = year.school(s.school_id);
        json j = school_view(texts, catalogue, s, *g, ranked, year_base).to_json();
        json partners = json::array();
        for (const auto& p : g->partners) partners.push_back({{"direction", p.direction}, {"schools", p.partners}});
        j["partners"] = std::move(partners);
        json recommendations = json::array();
        if (auto it = by_school.find(s.school_id); it != by_school.end())
            for (const auto* m : it->second) recommendations.push_back(recommendation_json(in, *m, year.year));
        j["recommendations"] = std::move(recommendations);
        j["values"] = values_json(texts, *values, catalogue);
        if (school_files) {
            const std::string file = school_file(year.year, s.school_id);
            schools.push_back({{"id", s.school_id}, {"name", s.name}, {"file", file}});
            (*school_files)("data/" + file, j);
            continue;
        }
        schools.push_back(std::move(j));
    }
    y["schools"] = std::move(schools);
    y["group_counts"] = {{"high", group_counts.high},
                         {"medium", group_counts.medium},
                         {"low", group_counts.low},
                         {"none", group_counts.none}};

    json zones = json::array();
    for (const auto& z : year.problem_zones) {
        json j;
        j["indicator"] = z.indicator_id;
        j["low_level"] = z.low_level;
        j["wrong_way"] = z.wrong_way;
        if (z.change) {
            const auto* ind = catalogue.find(z.indicator_id);
            j["change"] = data_double(*z.change, decimals_of(*ind));
            j["change_text"] = change_text(texts, *ind, *z.change);
        }
        zones.push_back(std::move(j));
    }
    y["problem_zones"] = std::move(zones);

    if (year.has_subjects) {
        y["subjects"] = subjects_json(texts, year.subjects);
        json per_school = json::object();
        for (const auto& s : year.school_subjects) per_school[s.school_id] = subjects_json(texts, s.subjects);
        y["school_subjects"] = std::move(per_school);
    }
    return y;
}

// One year: the small parts from year_json, then the measures, the
// municipality's recommendations and the verdicts, written row by row.
void write_year(JsonWriter& w, const PagesInput& in, const model::YearData& input, const model::YearResults& year,
                const std::string& year_base, const SchoolFiles* school_files = nullptr) {
    const model::YearDecisions* decisions = in.decisions_of(year.year);
    w.begin_object();
    w.entries(year_json(in, input, year, year_base, school_files));
    w.key("measures");
    w.begin_array();
    for (const auto& m : input.measures)
        w.value({{"measure", m.measure},
                 {"kind", m.kind},
                 {"direction", m.direction},
                 {"indicator", m.indicator},
                 {"school_id", m.school_id},
                 {"period", m.period},
                 {"responsible", m.responsible},
                 {"document", m.document}});
    w.end();
    json municipal = json::array();
    if (decisions)
        for (const auto& m : decisions->recommendations)
            if (m.school_id.empty()) {
                json j = recommendation_json(in, m, year.year);
                j["schools"] = m.schools;
                municipal.push_back(std::move(j));
            }
    w.key("recommendations");
    w.value(municipal);
    w.key("measure_effects");
    w.begin_object();
    w.key("fields");
    w.value(effect_fields());
    w.key("rows");
    w.begin_array();
    if (decisions)
        for (const auto& e : decisions->effects) w.value(effect_json(in.catalogue, e));
    w.end();
    w.end();
    w.end();
}

}  // namespace

namespace {

json root_json(const PagesInput& in) {
    const SiteInfo& site = in.site;
    const model::Catalogue& catalogue = in.catalogue;
    const model::Rules& rules = in.rules;
    const config::TextCatalogue& texts = in.texts;
    json root;
    root["generator"] = std::string("monsite ") + MONSITE_VERSION;
    root["contract_version"] = 1;
    root["municipality"] = site.municipality;
    root["department"] = site.department;
    root["base_url"] = site.base_url;
    root["site_url"] = in.site_url;  // the full address, or "" when not configured
    root["language"] = site.language;
    root["years"] = site.years;
    root["latest_year"] = site.years.empty() ? 0 : site.years.back();
    root["min_group"] = rules.min_group;

    json directions = json::array();
    for (const auto& d : model::directions()) directions.push_back({{"id", d.id}, {"name", direction_name(texts, d.id)}});
    root["directions"] = std::move(directions);

    json indicators = json::array();
    for (const auto& ind : catalogue.indicators) {
        json j;
        j["id"] = ind.id;
        j["direction"] = ind.direction;
        j["title"] = ind.title;
        j["short_title"] = ind.short_title;
        j["description"] = ind.description;
        j["formula"] = ind.formula.text;
        j["unit"] = unit_id(ind.unit);
        j["better"] = better_id(ind.better);
        if (ind.rated()) j["thresholds"] = {data_double(ind.t1, 4), data_double(ind.t2, 4)};
        j["school_scope"] = ind.school_scope;
        j["sensitive"] = ind.sensitive;
        j["decimals"] = decimals_of(ind);
        indicators.push_back(std::move(j));
    }
    root["indicators"] = std::move(indicators);

    root["groups"] = {
        {"high", {{"name", group_name(texts, model::Level::high)}, {"min_composite", data_double(rules.group_high, 2)}}},
        {"medium", {{"name", group_name(texts, model::Level::medium)}, {"min_composite", data_double(rules.group_medium, 2)}}},
        {"low", {{"name", group_name(texts, model::Level::low)}}}};

    return root;
}

std::string year_base_of(const PagesInput& in, int y) {
    const bool latest = y == in.site.years.back();
    return in.site.base_url + (latest ? "" : std::to_string(y) + "/");
}

}  // namespace

std::string site_json(const PagesInput& in) {
    const SiteInfo& site = in.site;
    std::string out;
    JsonWriter w(out);
    w.begin_object();
    w.entries(root_json(in));
    w.key("by_year");
    w.begin_array();
    for (int y : site.years) {
        const auto* input = in.data.find_year(y);
        const auto* year = in.results.find_year(y);
        if (input && year) write_year(w, in, *input, *year, year_base_of(in, y));
    }
    w.end();
    w.end();
    out += '\n';
    return out;
}

}  // namespace monsite::render

namespace monsite::render {

void site_json_files(const PagesInput& in, const std::function<void(std::string path, std::string text)>& deliver) {
    if (!in.site.large) {
        deliver("data/site.json", site_json(in));
        return;
    }
    json root = root_json(in);
    json year_files = json::array();
    const SchoolFiles schools = [&deliver](std::string path, const json& entry) {
        deliver(std::move(path), entry.dump(1) + "\n");
    };
    for (int y : in.site.years) {
        const auto* input = in.data.find_year(y);
        const auto* year = in.results.find_year(y);
        if (!input || !year) continue;
        std::string text;
        JsonWriter w(text);
        write_year(w, in, *input, *year, year_base_of(in, y), &schools);
        text += '\n';
        year_files.push_back({{"year", y}, {"file", year_file(y)}});
        deliver("data/" + year_file(y), std::move(text));
    }
    root["year_files"] = std::move(year_files);
    deliver("data/site.json", root.dump(1) + "\n");
}

}  // namespace monsite::render
