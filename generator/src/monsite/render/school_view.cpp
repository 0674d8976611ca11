#include "monsite/render/school_view.hpp"

#include "monsite/model/contract.hpp"
#include "monsite/render/format.hpp"
#include "monsite/render/views.hpp"
#include "monsite/util/number_format.hpp"
#include "monsite/util/slug.hpp"
#include "monsite/util/strings.hpp"

namespace monsite::render {

using json = nlohmann::ordered_json;

std::string school_path(const std::string& school_id) { return "schools/" + util::slug(school_id) + "/"; }

SchoolView school_view(const config::TextCatalogue& texts, const model::Catalogue& catalogue,
                       const model::SchoolYear& s, const model::SchoolGrouping& g, int rank_of,
                       const std::string& year_base) {
    SchoolView v;
    v.id = s.school_id;
    v.name = s.name;
    v.short_name = s.short_name;
    v.type = s.type;
    v.type_name = catalogue.type_name(s.type);
    v.cluster = s.cluster;
    v.locality = s.locality;
    if (auto students = s.field("students")) {
        v.students = static_cast<std::int64_t>(*students);
        v.students_text = util::format_integer(static_cast<long long>(*v.students), texts.language());
    }
    if (auto teachers = s.field("teachers_total")) {
        v.teachers = static_cast<std::int64_t>(*teachers);
        v.staff_text = texts.plural("teacher_count", static_cast<long long>(*v.teachers));
    }
    if (g.composite) {
        v.composite = data_double(*g.composite, 2);
        v.composite_text = decimal_text(texts, *g.composite, 2);
    } else {
        v.composite_text = "—";
    }
    v.composite_sentence = texts.fill("school_composite_of", {{"score", v.composite_text}});
    v.group = g.group;
    v.group_name = group_name(texts, g.group);
    v.group_badge = level_badge(texts, g.group);
    v.rank = g.rank;
    v.rank_of = rank_of;
    v.rank_text = texts.fill("school_rank_of", {{"rank", std::to_string(g.rank)}, {"of", std::to_string(rank_of)}});
    for (const auto& d : g.directions)
        v.directions.push_back({d.direction, d.mean ? std::optional<double>(data_double(*d.mean, 2)) : std::nullopt,
                                d.level});
    v.href = year_base + school_path(s.school_id);
    v.search = util::to_lower(s.name + " " + s.short_name + " " + s.school_id);
    return v;
}

json SchoolView::to_json() const {
    json out{{"id", id},
             {"name", name},
             {"short_name", short_name},
             {"href", href},
             {"type", type_name},
             {"type_code", type},
             {"cluster", cluster},
             {"locality", locality},
             {"group", model::to_string(group)},
             {"group_name", group_name},
             {"group_badge", group_badge},
             {"composite", composite_text},
             {"composite_value", composite ? json(*composite) : json(nullptr)},
             {"composite_text", composite_sentence},
             {"rank", rank ? std::to_string(rank) : "—"},
             {"rank_value", rank},
             {"rank_of", rank_of},
             {"ranked", rank > 0},
             {"rank_text", rank_text},
             {"search", search}};
    if (students) {
        out["students"] = students_text;
        out["students_value"] = *students;
    }
    if (teachers) {
        out["teachers"] = *teachers;
        out["staff_text"] = staff_text;
    }
    json levels = json::array();
    for (const auto& d : directions)
        levels.push_back({{"direction", d.id},
                          {"mean", d.mean ? json(*d.mean) : json(nullptr)},
                          {"level", model::to_string(d.level)}});
    out["direction_levels"] = std::move(levels);
    return out;
}

}  // namespace monsite::render
