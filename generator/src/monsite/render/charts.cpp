#include "monsite/render/charts.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <map>
#include <utility>

#include <nlohmann/json.hpp>

#include "monsite/render/views.hpp"

namespace monsite::render {
namespace {

using json = nlohmann::ordered_json;

// Fills from ColorBrewer's diverging RdYlBu / PuOr schemes: blue-orange is the
// axis colour-blind viewers keep, and the lightness steps (L* ≈ 28, 90, 57)
// keep the three levels apart in grey-scale print.
constexpr LevelStyle kHigh{"high", "#313695", "▲"};
constexpr LevelStyle kMedium{"medium", "#fee090", "●"};
constexpr LevelStyle kLow{"low", "#e66101", "▼"};
constexpr LevelStyle kNotRated{"", "#bdbdbd", "–"};
// The colour scale's fixed domain order.
constexpr const LevelStyle* kLevelOrder[] = {&kHigh, &kMedium, &kLow, &kNotRated};

constexpr const char* kFont = "system-ui, -apple-system, Segoe UI, Roboto, sans-serif";
constexpr const char* kInk = "#222";
constexpr const char* kBarStroke = "#333";
constexpr const char* kRuleGrey = "#666";

// One row of inline data. Not-rated rows carry no symbol on the chart.
struct Row {
    std::string label;
    double value = 0;
    const LevelStyle* style = &kNotRated;
    std::string value_text;
    bool highlight = false;
};

std::string symbol_of(const LevelStyle& style) { return style.level[0] == '\0' ? std::string() : style.symbol; }

// Keeps points that have a finite value; repeated labels get " (2)", " (3)"...
// so that two bars never share one band of a nominal scale.
std::vector<Row> rows_of(const std::vector<ChartPoint>& points, bool unique_labels) {
    std::vector<Row> rows;
    std::map<std::string, int> seen;
    for (const auto& p : points) {
        if (!p.value || !std::isfinite(*p.value)) continue;
        Row row{p.label, *p.value, &level_style(p.level), p.value_text, p.highlight};
        if (unique_labels) {
            int n = ++seen[p.label];
            if (n > 1) row.label += " (" + std::to_string(n) + ")";
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

json data_values(const config::TextCatalogue& texts, const std::vector<Row>& rows) {
    json values = json::array();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const Row& r = rows[i];
        std::string symbol = symbol_of(*r.style);
        std::string mark_text = r.value_text;
        if (!symbol.empty()) mark_text += mark_text.empty() ? symbol : " " + symbol;
        // What a screen reader says for the mark (the level in words).
        std::string aria_text = r.label + ": " + r.value_text;
        if (!symbol.empty()) aria_text += texts.fill("chart_level_spoken", {{"level", level_name(texts, r.style->level)}});
        values.push_back({{"label", r.label},
                          {"value", r.value},
                          {"level", r.style->level},
                          {"value_text", r.value_text},
                          {"highlight", r.highlight},
                          {"order", i},
                          {"symbol", symbol},
                          {"mark_text", mark_text},
                          {"aria_text", aria_text}});
    }
    return values;
}

// A JavaScript string literal for Vega expressions (JSON strings are valid ones).
std::string js_string(const std::string& text) {
    return json(text).dump(-1, ' ', false, json::error_handler_t::replace);
}

// Legend labels: "high ▲" and so on, in the catalogue's words.
std::string level_label_expr(const config::TextCatalogue& texts) {
    std::string expr;
    for (const LevelStyle* s : kLevelOrder) {
        if (s->level[0] == '\0') break;
        expr += "datum.value === " + js_string(s->level) + " ? " + js_string(level_name(texts, s->level) + " " + s->symbol) + " : ";
    }
    return expr + js_string(level_name(texts, kNotRated.level));
}

// Colour by level with a fixed domain; the legend lists only levels present.
// `room` is the share of the container's width the legend may take (it starts
// where the plot starts); entries are about 140 px wide.
json level_colour(const config::TextCatalogue& texts, const std::vector<Row>& rows, const char* room) {
    json domain = json::array();
    json range = json::array();
    json present = json::array();
    std::string spoken = texts.text("chart_level") + ":";
    for (const LevelStyle* s : kLevelOrder) {
        domain.push_back(s->level);
        range.push_back(s->colour);
        bool used = std::any_of(rows.begin(), rows.end(), [s](const Row& r) { return r.style == s; });
        if (!used) continue;
        present.push_back(s->level);
        spoken += std::string(present.size() > 1 ? ", " : " ") + level_name(texts, s->level) + (s->level[0] ? std::string(" ") + s->symbol : "");
    }
    return {{"field", "level"},
            {"type", "nominal"},
            {"scale", {{"domain", domain}, {"range", range}}},
            {"legend",
             {{"title", texts.text("chart_level")},
              {"orient", "bottom"},
              {"direction", "horizontal"},
              {"columns",
               {{"expr", std::string("isFinite(containerSize()[0]) ? clamp(floor(containerSize()[0] * ") + room +
                             " / 140), 1, 4) : 2"}}},
              {"values", present},
              {"labelExpr", level_label_expr(texts)},
              {"description", spoken}}}};
}

json tooltip(const config::TextCatalogue& texts) {
    return json::array({{{"field", "label"}, {"type", "nominal"}, {"title", texts.text("chart_tooltip_object")}},
                        {{"field", "value_text"}, {"type", "nominal"}, {"title", texts.text("col_value")}}});
}

// The data marks' tooltip and their text for screen readers.
json with_tooltip(const config::TextCatalogue& texts, json encoding) {
    encoding["tooltip"] = tooltip(texts);
    encoding["description"] = {{"field", "aria_text"}, {"type", "nominal"}};
    return encoding;
}

// Rule and value-label layers repeat what the data marks already say.
json silent(json mark) {
    mark["aria"] = false;
    return mark;
}

json rule_label_description() { return {{"field", "rule_text"}, {"type", "nominal"}}; }

// The value axis channel shared by every layer (identical objects merge cleanly).
json value_channel(const ChartFrame& frame, json axis) {
    json channel = {{"field", "value"}, {"type", "quantitative"}};
    if (!frame.axis_title.empty()) axis["title"] = frame.axis_title;
    else axis["title"] = nullptr;
    channel["axis"] = std::move(axis);
    if (frame.percent) channel["scale"] = {{"domain", {0, 100}}};
    return channel;
}

// The category channel in the order of the rows' sort index.
json category_channel(const char* type, json axis) {
    return {{"field", "label"},
            {"type", type},
            {"sort", {{"field", "order"}, {"op", "min"}, {"order", "ascending"}}},
            {"axis", std::move(axis)}};
}

json base_spec(const ChartFrame& frame, int height) {
    json spec;
    spec["$schema"] = "https://vega.github.io/schema/vega-lite/v6.json";
    spec["description"] = frame.description;
    spec["width"] = "container";
    spec["height"] = height;
    spec["autosize"] = {{"type", "fit-x"}, {"contains", "padding"}};
    spec["background"] = "transparent";  // the page's colour shows through
    spec["config"] = {
        {"font", kFont},
        {"view", {{"stroke", nullptr}}},
        {"axis",
         {{"labelColor", kInk},
          {"titleColor", kInk},
          {"labelFontSize", 12},
          {"titleFontSize", 12},
          {"domainColor", kRuleGrey},
          {"tickColor", kRuleGrey},
          {"gridColor", "#dddddd"},
          // Axes are not read out: every mark has its own Russian description.
          {"aria", false}}},
        {"legend", {{"labelColor", kInk}, {"titleColor", kInk}, {"labelFontSize", 12}, {"titleFontSize", 12}}},
        {"text", {{"color", kInk}, {"fontSize", 12}}},
        // Axis numbers as in Russian text: decimal comma, thin space between thousands.
        {"locale",
         {{"number",
           {{"decimal", ","},
            {"thousands", "\u202f"},
            {"grouping", json::array({3})},
            {"currency", json::array({"", "\u00a0₽"})}}}}}};
    return spec;
}

std::size_t code_points(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// Words of `text` joined into lines of about `width` characters.
std::vector<std::string> wrap_words(const std::string& text, std::size_t width) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        std::string word = text.substr(start, end - start);
        start = end + 1;
        if (word.empty()) continue;
        if (!line.empty() && code_points(line) + 1 + code_points(word) > width) {
            lines.push_back(line);
            line.clear();
        }
        line += line.empty() ? word : " " + word;
    }
    if (!line.empty()) lines.push_back(line);
    return lines;
}

// An axis labelExpr that shows long category names on several lines
// (Vega draws an array of strings as lines); empty if none is long.
std::string wrapped_label_expr(const std::vector<Row>& rows, std::size_t width) {
    std::string expr;
    for (const Row& r : rows) {
        std::vector<std::string> lines = wrap_words(r.label, width);
        if (lines.size() < 2) continue;
        json array = lines;
        expr += "datum.value === " + js_string(r.label) + " ? " + array.dump(-1, ' ', false, json::error_handler_t::replace) + " : ";
    }
    return expr.empty() ? expr : expr + "datum.label";
}

// Compact JSON that may sit inside <script type="application/json">.
std::string to_embeddable(const json& spec) {
    std::string text = spec.dump(-1, ' ', false, json::error_handler_t::replace);
    std::string out;
    out.reserve(text.size() + 32);
    for (char c : text) {
        switch (c) {
            case '<': out += "\\u003c"; break;
            case '>': out += "\\u003e"; break;
            case '&': out += "\\u0026"; break;
            default: out += c;
        }
    }
    return out;
}

json bar_mark() {
    return {{"type", "bar"}, {"stroke", kBarStroke}, {"strokeWidth", 0.5}};
}

// The value text and level symbol just past the end of a horizontal bar; on a bar
// longer than 70 % of `top` (the largest value the axis shows) inside the bar's
// end instead, so that it never runs past the chart's right edge on a narrow
// screen: white on the dark blue of "high", ink on the pale colours.
json bar_end_text(double top) {
    // A JSON number is a valid expression number whatever the locale.
    const std::string inside = top > 0 ? "datum.value > " + json(0.7 * top).dump() : "false";
    return {{"type", "text"},
            {"align", {{"expr", inside + " ? 'right' : 'left'"}}},
            {"dx", {{"expr", inside + " ? -4 : 4"}}},
            {"fill", {{"expr", inside + " && datum.level === " + js_string(kHigh.level) + " ? '#ffffff' : " + js_string(kInk)}}},
            {"baseline", "middle"},
            {"aria", false}};
}

// A solid vertical rule at `value` with its label above the plot.
json reference_layer(const std::vector<Row>& rows, const ChartFrame& frame, const json& x, double value,
                     const std::string& label) {
    double top = frame.percent ? 100.0 : value;
    for (const Row& r : rows) top = std::max(top, r.value);
    bool right_half = top > 0 && value > 0.6 * top;
    json text_mark = {{"type", "text"},
                      {"align", right_half ? "right" : "left"},
                      {"dx", right_half ? -4 : 4},
                      {"baseline", "bottom"},
                      {"dy", -4},
                      {"fontSize", 11},
                      {"color", kInk}};
    json layers = json::array();
    layers.push_back(
        {{"mark", silent({{"type", "rule"}, {"color", kInk}, {"strokeWidth", 1.5}})}, {"encoding", {{"x", x}}}});
    if (!label.empty())
        layers.push_back({{"mark", text_mark},
                          {"encoding",
                           {{"x", x},
                            {"y", {{"value", 0}}},
                            {"text", {{"field", "rule_text"}, {"type", "nominal"}}},
                            {"description", rule_label_description()}}}});
    return {{"data", {{"values", json::array({{{"value", value}, {"rule_text", label}}})}}}, {"layer", layers}};
}

// Horizontal bars shared by bar_chart and schools_chart.
json horizontal_bars(const config::TextCatalogue& texts, const ChartFrame& frame, const std::vector<Row>& rows, int step, std::optional<double> reference,
                     const std::string& reference_label, bool with_highlight) {
    json spec = base_spec(frame, step * static_cast<int>(rows.size()) + 40);
    spec["data"] = {{"values", data_values(texts, rows)}};

    // Long names get up to 40 % of the container, at most 260 px (the rest goes to the bars).
    json y_axis = {{"title", nullptr},
                   {"labelLimit", {{"expr", "isFinite(containerSize()[0]) ? clamp(containerSize()[0] * 0.4, 80, 260) : 260"}}},
                   {"ticks", false}};
    std::string highlighted;
    if (with_highlight) {
        for (const Row& r : rows) {
            if (!r.highlight) continue;
            if (!highlighted.empty()) highlighted += " || ";
            highlighted += "datum.value === " + js_string(r.label);
        }
        if (!highlighted.empty())
            y_axis["labelFontWeight"] = {{"condition", {{"test", highlighted}, {"value", "bold"}}}, {"value", "normal"}};
    }
    json y = category_channel("nominal", y_axis);
    json x = value_channel(frame, {{"grid", true}});
    json x_bar = x;
    x_bar["stack"] = nullptr;

    json bar_encoding = with_tooltip(texts, {{"y", y}, {"x", x_bar}, {"color", level_colour(texts, rows, "0.55")}});
    json text_encoding = {{"y", y}, {"x", x}, {"text", {{"field", "mark_text"}, {"type", "nominal"}}}};
    if (with_highlight) {
        json test = {{"field", "highlight"}, {"equal", true}};
        bar_encoding["stroke"] = {{"condition", {{"test", test}, {"value", "#000"}}}, {"value", kBarStroke}};
        bar_encoding["strokeWidth"] = {{"condition", {{"test", test}, {"value", 2.5}}}, {"value", 0.5}};
    }

    json layers = json::array();
    layers.push_back({{"mark", bar_mark()}, {"encoding", bar_encoding}});
    // The rule over the bars but under the value labels it may cross.
    if (reference && std::isfinite(*reference))
        layers.push_back(reference_layer(rows, frame, x, *reference, reference_label));
    double top = frame.percent ? 100.0 : 0.0;
    for (const Row& r : rows) top = std::max(top, r.value);
    if (reference && std::isfinite(*reference)) top = std::max(top, *reference);
    json end_text = bar_end_text(top);
    // fontWeight is not an encoding channel; a mark expression reads the datum.
    if (with_highlight) end_text["fontWeight"] = {{"expr", "datum.highlight ? 'bold' : 'normal'"}};
    layers.push_back({{"mark", end_text}, {"encoding", text_encoding}});
    spec["layer"] = layers;
    return spec;
}

}  // namespace

const LevelStyle& level_style(const std::string& level) {
    if (level == "high") return kHigh;
    if (level == "medium") return kMedium;
    if (level == "low") return kLow;
    return kNotRated;
}

std::string trend_chart(const config::TextCatalogue& texts, const ChartFrame& frame, const std::vector<ChartPoint>& years,
                        const std::vector<ChartRule>& rules) {
    std::vector<Row> rows = rows_of(years, false);
    json spec = base_spec(frame, 240);
    spec["data"] = {{"values", data_values(texts, rows)}};

    json x = category_channel("ordinal", {{"title", nullptr}, {"labelAngle", 0}});
    json y = value_channel(frame, {{"grid", true}, {"tickCount", 5}});

    json layers = json::array();
    // Thresholds first, so they lie under the line; their labels sit just
    // right of the plot, where they never cover a point's label.
    json thresholds = json::array();
    for (const auto& r : rules)
        if (std::isfinite(r.value)) thresholds.push_back({{"value", r.value}, {"rule_text", r.label}});
    if (!thresholds.empty()) {
        json rule = {{"mark", silent({{"type", "rule"}, {"color", kRuleGrey}, {"strokeDash", {6, 4}}, {"strokeWidth", 1}})},
                     {"encoding", {{"y", y}}}};
        json label = {{"mark",
                       {{"type", "text"},
                        {"align", "left"},
                        {"baseline", "middle"},
                        {"dx", 4},
                        {"fontSize", 10},
                        {"color", kRuleGrey}}},
                      {"encoding",
                       {{"y", y},
                        {"x", {{"value", "width"}}},
                        {"text", {{"field", "rule_text"}, {"type", "nominal"}}},
                        {"description", rule_label_description()}}}};
        layers.push_back({{"data", {{"values", thresholds}}}, {"layer", {rule, label}}});
    }
    layers.push_back(
        {{"mark", silent({{"type", "line"}, {"color", "#555"}, {"strokeWidth", 2}})}, {"encoding", {{"x", x}, {"y", y}}}});
    layers.push_back({{"mark",
                       {{"type", "point"}, {"filled", true}, {"size", 90}, {"opacity", 1}, {"stroke", kBarStroke}, {"strokeWidth", 0.5}}},
                      {"encoding", with_tooltip(texts, {{"x", x}, {"y", y}, {"color", level_colour(texts, rows, "0.85")}})}});
    layers.push_back({{"mark", silent({{"type", "text"}, {"baseline", "bottom"}, {"dy", -8}})},
                      {"encoding", {{"x", x}, {"y", y}, {"text", {{"field", "mark_text"}, {"type", "nominal"}}}}}});
    spec["layer"] = layers;
    return to_embeddable(spec);
}

std::string bar_chart(const config::TextCatalogue& texts, const ChartFrame& frame, const std::vector<ChartPoint>& bars, std::optional<double> reference,
                      const std::string& reference_label) {
    std::vector<Row> rows = rows_of(bars, true);
    return to_embeddable(horizontal_bars(texts, frame, rows, 28, reference, reference_label, false));
}

std::string schools_chart(const config::TextCatalogue& texts, const ChartFrame& frame, const std::vector<ChartPoint>& schools, std::optional<double> municipal,
                          const std::string& municipal_label) {
    std::vector<Row> rows = rows_of(schools, true);
    // Highest first; equal values by label, so the order never depends on the input.
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        if (a.value != b.value) return a.value > b.value;
        return a.label < b.label;
    });
    return to_embeddable(horizontal_bars(texts, frame, rows, 22, municipal, municipal_label, true));
}

std::string groups_chart(const config::TextCatalogue& texts, const ChartFrame& frame, const std::vector<ChartPoint>& groups) {
    std::vector<Row> rows = rows_of(groups, true);
    json spec = base_spec(frame, 240);
    spec["data"] = {{"values", data_values(texts, rows)}};

    // Each name may take its band and the padding beside it (band = 65 % of the step).
    json x_axis = {{"title", nullptr}, {"labelAngle", 0}, {"labelLimit", {{"expr", "max(40, bandwidth('x') / 0.65 - 6)"}}}};
    if (std::string expr = wrapped_label_expr(rows, 12); !expr.empty()) x_axis["labelExpr"] = expr;
    json x = category_channel("nominal", x_axis);
    x["scale"] = {{"paddingInner", 0.35}};
    json y = {{"field", "value"},
              {"type", "quantitative"},
              {"axis", {{"title", frame.axis_title}, {"tickMinStep", 1}, {"format", "d"}, {"grid", true}}}};
    json y_bar = y;
    y_bar["stack"] = nullptr;

    json layers = json::array();
    layers.push_back({{"mark", bar_mark()},
                      {"encoding", with_tooltip(texts, {{"x", x}, {"y", y_bar}, {"color", level_colour(texts, rows, "0.85")}})}});
    layers.push_back({{"mark", silent({{"type", "text"}, {"baseline", "bottom"}, {"dy", -3}})},
                      {"encoding", {{"x", x}, {"y", y}, {"text", {{"field", "mark_text"}, {"type", "nominal"}}}}}});
    spec["layer"] = layers;
    return to_embeddable(spec);
}

}  // namespace monsite::render
