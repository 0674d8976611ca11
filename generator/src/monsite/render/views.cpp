#include "monsite/render/views.hpp"

#include "monsite/render/charts.hpp"
#include "monsite/render/format.hpp"

namespace monsite::render {

using json = nlohmann::ordered_json;
using model::Exact;
using model::Indicator;
using model::IndicatorValue;
using model::Level;

json level_badge(Level level) {
    if (level == Level::none) return nullptr;
    const LevelStyle& style = level_style(model::to_string(level));
    return {{"level", style.level}, {"symbol", style.symbol}, {"name", style.name}};
}

json change_view(const Indicator& ind, const std::optional<Exact>& change) {
    if (!change) return nullptr;
    std::string text = ru_change(ind, *change);
    bool up = *change > Exact(0), down = *change < Exact(0);
    if (text == "0") up = down = false;
    std::string trend = "same", label = "без изменений";
    if (up || down) {
        bool good = ind.better == model::Better::higher ? up : ind.better == model::Better::lower ? down : false;
        if (ind.better == model::Better::none) {
            trend = "neutral";
            label = up ? "рост" : "снижение";
        } else {
            trend = good ? "better" : "worse";
            label = good ? "улучшение" : "ухудшение";
        }
    }
    return {{"text", text}, {"arrow", up ? "↑" : down ? "↓" : "→"}, {"trend", trend}, {"label", label}};
}

json value_view(const Indicator& ind, const std::optional<IndicatorValue>& v) {
    if (!v) return {{"text", "—"}, {"note", "n/a"}, {"applies", false}};
    json out;
    out["applies"] = true;
    out["note"] = model::to_string(v->note);
    if (v->note == model::Note::no_data) {
        out["text"] = "нет данных";
        out["missing"] = true;
        return out;
    }
    if (v->note == model::Note::suppressed) {
        out["text"] = "скрыто";
        out["missing"] = true;
        out["suppressed"] = true;
        return out;
    }
    out["text"] = ru_value(ind, v->value);
    out["has_value"] = true;
    out["data_value"] = data_number(ind, v->value);
    out["level"] = level_badge(v->level);
    out["change"] = change_view(ind, v->change);
    return out;
}

std::optional<double> chart_value(const Indicator& ind, const std::optional<IndicatorValue>& v) {
    if (!v || !v->has_value()) return std::nullopt;
    return std::stod(data_number(ind, v->value));
}

std::string level_text(Level level) {
    if (level == Level::none) return "";
    const auto& style = level_style(model::to_string(level));
    return std::string(style.symbol) + " " + style.name;
}

// A subject figure for the value partial: its text, «скрыто» (with the same note as
// any suppressed value) or «нет данных».
json subject_cell(const std::string& text, bool suppressed) {
    if (!text.empty()) return {{"text", text}, {"has_value", true}};
    if (suppressed) return {{"text", "скрыто"}, {"missing", true}, {"suppressed", true}};
    return {{"text", "нет данных"}, {"missing", true}};
}

const Indicator* percent_share() {
    static const Indicator share = [] {
        Indicator i;
        i.unit = model::Unit::percent;
        return i;
    }();
    return &share;
}

}  // namespace monsite::render
