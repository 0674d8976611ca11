#include "monsite/render/views.hpp"

#include "monsite/render/charts.hpp"
#include "monsite/render/format.hpp"

namespace monsite::render {

using json = nlohmann::ordered_json;
using model::Exact;
using model::Indicator;
using model::IndicatorValue;
using model::Level;

const std::string& level_name(const config::TextCatalogue& texts, const std::string& level) {
    return texts.text(std::string("level_") + (level.empty() ? "none" : level));
}

json level_badge(const config::TextCatalogue& texts, Level level) {
    if (level == Level::none) return nullptr;
    const LevelStyle& style = level_style(model::to_string(level));
    return {{"level", style.level}, {"symbol", style.symbol}, {"name", level_name(texts, style.level)}};
}

json change_view(const config::TextCatalogue& texts, const Indicator& ind, const std::optional<Exact>& change) {
    if (!change) return nullptr;
    std::string text = change_text(texts, ind, *change);
    bool up = *change > Exact(0), down = *change < Exact(0);
    if (text == "0") up = down = false;
    std::string trend = "same", label = texts.text("change_same");
    if (up || down) {
        bool good = ind.better == model::Better::higher ? up : ind.better == model::Better::lower ? down : false;
        if (ind.better == model::Better::none) {
            trend = "neutral";
            label = texts.text(up ? "change_up" : "change_down");
        } else {
            trend = good ? "better" : "worse";
            label = texts.text(good ? "change_better" : "change_worse");
        }
    }
    return {{"text", text},
            {"arrow", up ? "↑" : down ? "↓" : "→"},
            {"trend", trend},
            {"label", label},
            {"label_year", texts.fill("change_over_year", {{"change", label}})}};
}

json ValueView::to_json() const {
    json out;
    out["text"] = text;
    out["note"] = note;
    out["applies"] = applies;
    if (missing) out["missing"] = true;
    if (suppressed) out["suppressed"] = true;
    if (has_value()) {
        out["has_value"] = true;
        out["data_value"] = data_value;
        out["value"] = *number;
        if (numerator) out["numerator"] = *numerator;
        if (denominator) out["denominator"] = *denominator;
        out["level"] = level;
        out["change"] = change;
        if (change_number) out["change"]["value"] = *change_number;
        if (change_3y_number) out["change_3y"] = {{"text", change_3y_text}, {"value", *change_3y_number}};
    }
    return out;
}

ValueView value_view(const config::TextCatalogue& texts, const Indicator& ind, const std::optional<IndicatorValue>& v) {
    ValueView out;
    if (!v) {
        out.text = "—";
        out.note = "n/a";
        return out;
    }
    out.applies = true;
    out.note = model::to_string(v->note);
    if (v->note == model::Note::no_data) {
        out.text = texts.text("no_data");
        out.missing = true;
        return out;
    }
    if (v->note == model::Note::suppressed) {
        out.text = texts.text("suppressed");
        out.missing = true;
        out.suppressed = true;
        return out;
    }
    out.text = value_text(texts, ind, v->value);
    const int places = decimals_of(ind);
    out.data_value = data_number(ind, v->value);
    out.number = data_double(v->value, places);
    if (v->has_fraction) {
        out.numerator = data_double(v->numerator, 2);
        out.denominator = data_double(v->denominator, 2);
    }
    out.level = level_badge(texts, v->level);
    out.change = change_view(texts, ind, v->change);
    if (v->change) {
        out.change_text = change_text(texts, ind, *v->change);
        out.change_number = data_double(*v->change, places);
    }
    if (v->change_3y) {
        out.change_3y_text = change_text(texts, ind, *v->change_3y);
        out.change_3y_number = data_double(*v->change_3y, places);
    }
    return out;
}

std::string level_text(const config::TextCatalogue& texts, Level level) {
    if (level == Level::none) return "";
    const auto& style = level_style(model::to_string(level));
    return std::string(style.symbol) + " " + level_name(texts, style.level);
}

json subject_cell(const config::TextCatalogue& texts, const std::string& text, bool suppressed) {
    if (!text.empty()) return {{"text", text}, {"has_value", true}};
    if (suppressed) return {{"text", texts.text("suppressed")}, {"missing", true}, {"suppressed", true}};
    return {{"text", texts.text("no_data")}, {"missing", true}};
}

std::string subject_name(const config::TextCatalogue& texts, const std::string& subject) {
    return subject.empty() ? texts.text("subject_unspecified") : subject;
}

const std::string& group_name(const config::TextCatalogue& texts, Level group) {
    return texts.text("group_" + std::string(group == Level::none ? "none" : model::to_string(group)));
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
