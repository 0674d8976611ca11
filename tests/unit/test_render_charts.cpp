#include <doctest/doctest.h>

#include <cmath>

#include <nlohmann/json.hpp>

#include "monsite/config/i18n.hpp"
#include "monsite/render/charts.hpp"
#include "monsite/render/views.hpp"

using namespace monsite::render;
using json = nlohmann::json;

namespace {

const monsite::config::TextCatalogue& ru() {
    static const auto texts = monsite::config::builtin_texts(monsite::util::Language::ru);
    return texts;
}

ChartFrame percent_frame() {
    return {"Доля педагогов", "Доля педагогов по годам: от 61,0 % до 73,5 %.", "Доля, %", true};
}

// Every layer, nested layers included, in document order.
void collect_layers(const json& spec, std::vector<json>& out) {
    if (!spec.contains("layer")) return;
    for (const auto& layer : spec["layer"]) {
        if (layer.contains("mark")) out.push_back(layer);
        collect_layers(layer, out);
    }
}

std::vector<json> layers_of(const json& spec) {
    std::vector<json> out;
    collect_layers(spec, out);
    return out;
}

std::string mark_type(const json& layer) {
    const json& mark = layer["mark"];
    return mark.is_string() ? mark.get<std::string>() : mark["type"].get<std::string>();
}

std::vector<json> layers_with_mark(const json& spec, const std::string& type) {
    std::vector<json> out;
    for (const auto& layer : layers_of(spec))
        if (mark_type(layer) == type) out.push_back(layer);
    return out;
}

std::vector<std::string> labels_in_order(const json& spec) {
    std::vector<std::pair<int, std::string>> rows;
    for (const auto& v : spec["data"]["values"]) rows.emplace_back(v["order"].get<int>(), v["label"].get<std::string>());
    std::sort(rows.begin(), rows.end());
    std::vector<std::string> out;
    for (auto& r : rows) out.push_back(r.second);
    return out;
}

void check_common(const json& spec, const ChartFrame& frame) {
    CHECK(spec["$schema"] == "https://vega.github.io/schema/vega-lite/v6.json");
    CHECK(spec["description"] == frame.description);
    CHECK_FALSE(spec.contains("title"));  // the page's figcaption shows it
    CHECK(spec["width"] == "container");
    CHECK(spec["height"].is_number_integer());
    CHECK(spec["autosize"] == json{{"type", "fit-x"}, {"contains", "padding"}});
    CHECK(spec["background"] == "transparent");
    CHECK(spec["config"]["font"] == "system-ui, -apple-system, Segoe UI, Roboto, sans-serif");
    CHECK(spec["config"]["axis"]["labelColor"] == "#222");
    CHECK(spec["config"]["axis"]["titleColor"] == "#222");
    CHECK_FALSE(spec.contains("params"));
    for (const auto& layer : layers_of(spec)) CHECK_FALSE(layer.contains("params"));
}

// The colour channel of the first layer that has one.
json colour_channel(const json& spec) {
    for (const auto& layer : layers_of(spec))
        if (layer.contains("encoding") && layer["encoding"].contains("color")) return layer["encoding"]["color"];
    return {};
}

void check_colour_scale(const json& spec) {
    json colour = colour_channel(spec);
    REQUIRE(colour.is_object());
    CHECK(colour["field"] == "level");
    CHECK(colour["scale"]["domain"] == json::array({"high", "medium", "low", ""}));
    CHECK(colour["scale"]["range"] == json::array({level_style("high").colour, level_style("medium").colour,
                                                   level_style("low").colour, level_style("").colour}));
    CHECK(colour["legend"]["title"] == "Уровень");
    std::string expr = colour["legend"]["labelExpr"];
    CHECK(expr.find("высокий ▲") != std::string::npos);
    CHECK(expr.find("средний ●") != std::string::npos);
    CHECK(expr.find("низкий ▼") != std::string::npos);
}

// A text layer showing the level symbol (through mark_text, which ends with it).
bool has_symbol_text_layer(const json& spec) {
    for (const auto& layer : layers_with_mark(spec, "text"))
        if (layer["encoding"]["text"]["field"] == "mark_text") return true;
    return false;
}

void check_tooltip(const json& layer) {
    const json& tooltip = layer["encoding"]["tooltip"];
    REQUIRE(tooltip.size() == 2);
    CHECK(tooltip[0]["field"] == "label");
    CHECK(tooltip[0]["title"] == "Объект");
    CHECK(tooltip[1]["field"] == "value_text");
    CHECK(tooltip[1]["title"] == "Значение");
}

}  // namespace

TEST_CASE("level_style maps levels and falls back to not rated") {
    CHECK(std::string(level_style("high").symbol) == "▲");
    CHECK(level_name(ru(), level_style("high").level) == "высокий");
    CHECK(std::string(level_style("medium").symbol) == "●");
    CHECK(level_name(ru(), level_style("medium").level) == "средний");
    CHECK(std::string(level_style("low").symbol) == "▼");
    CHECK(level_name(ru(), level_style("low").level) == "низкий");
    const LevelStyle& none = level_style("whatever");
    CHECK(std::string(none.level).empty());
    CHECK(std::string(none.colour) == "#bdbdbd");
    CHECK(std::string(none.symbol) == "–");
    CHECK(level_name(ru(), none.level) == "не оценивается");
    CHECK(&level_style("") == &none);
    CHECK(&level_style("high") == &level_style("high"));  // static storage
    // Three distinct fills.
    CHECK(std::string(level_style("high").colour) != level_style("medium").colour);
    CHECK(std::string(level_style("medium").colour) != level_style("low").colour);
    CHECK(std::string(level_style("high").colour) != level_style("low").colour);
}

TEST_CASE("trend_chart: years in order, thresholds, percent axis, symbols") {
    ChartFrame frame = percent_frame();
    std::vector<ChartPoint> years = {{"2021", 61.0, "low", "61,0 %"},
                                     {"2022", std::nullopt, "", "нет данных"},
                                     {"2023", 68.25, "medium", "68,3 %"},
                                     {"2024", 73.5, "high", "73,5 %"}};
    json spec = json::parse(trend_chart(ru(), frame, years, {{60.0, "граница низкого уровня — 60 %"}, {70.0, "граница высокого уровня — 70 %"}}));
    check_common(spec, frame);
    CHECK(spec["height"] == 240);

    const json& values = spec["data"]["values"];
    REQUIRE(values.size() == 3);  // 2022 has no value
    CHECK(labels_in_order(spec) == std::vector<std::string>{"2021", "2023", "2024"});
    CHECK(values[0]["value"] == 61.0);
    CHECK(values[0]["level"] == "low");
    CHECK(values[0]["value_text"] == "61,0 %");
    CHECK(values[0]["highlight"] == false);
    CHECK(values[0]["symbol"] == "▼");
    CHECK(values[2]["mark_text"] == "73,5 % ▲");
    CHECK(values[2]["aria_text"] == "2024: 73,5 %, уровень высокий");
    for (const auto& v : values) CHECK(v["label"] != "2022");

    auto lines = layers_with_mark(spec, "line");
    REQUIRE(lines.size() == 1);
    CHECK(lines[0]["encoding"]["x"]["type"] == "ordinal");
    CHECK(lines[0]["encoding"]["x"]["axis"]["labelAngle"] == 0);
    CHECK(lines[0]["encoding"]["y"]["scale"]["domain"] == json::array({0, 100}));
    CHECK(lines[0]["encoding"]["y"]["axis"]["title"] == "Доля, %");

    auto points = layers_with_mark(spec, "point");
    REQUIRE(points.size() == 1);
    check_tooltip(points[0]);
    check_colour_scale(spec);
    CHECK(has_symbol_text_layer(spec));

    // Both thresholds as dashed rules with their labels.
    auto rules = layers_with_mark(spec, "rule");
    REQUIRE(rules.size() == 1);
    CHECK(rules[0]["mark"]["strokeDash"].is_array());
    bool found = false;
    for (const auto& layer : spec["layer"]) {
        if (!layer.contains("data")) continue;
        found = true;
        const json& t = layer["data"]["values"];
        REQUIRE(t.size() == 2);
        CHECK(t[0]["value"] == 60.0);
        CHECK(t[0]["rule_text"] == "граница низкого уровня — 60 %");
        CHECK(t[1]["value"] == 70.0);
        CHECK(t[1]["rule_text"] == "граница высокого уровня — 70 %");
    }
    CHECK(found);

    // Legend lists only the levels present.
    CHECK(colour_channel(spec)["legend"]["values"] == json::array({"high", "medium", "low"}));
}

TEST_CASE("trend_chart without thresholds or percent") {
    ChartFrame frame{"Вакансии", "Число вакансий по годам.", "Число", false};
    std::vector<ChartPoint> years = {{"2023", 4.0, "", "4"}, {"2024", 2.0, "", "2"}};
    json spec = json::parse(trend_chart(ru(), frame, years, {}));
    CHECK(layers_with_mark(spec, "rule").empty());
    auto lines = layers_with_mark(spec, "line");
    REQUIRE(lines.size() == 1);
    CHECK_FALSE(lines[0]["encoding"]["y"].contains("scale"));
    CHECK(spec["data"]["values"][0]["symbol"] == "");     // not rated: no symbol
    CHECK(spec["data"]["values"][0]["mark_text"] == "4");
    CHECK(colour_channel(spec)["legend"]["values"] == json::array({""}));

    // One rule; a value that is not finite draws none.
    json one = json::parse(trend_chart(ru(), frame, years, {{3.0, "граница высокого уровня — 3"}, {std::nan(""), "нет"}}));
    for (const auto& layer : one["layer"])
        if (layer.contains("data")) {
            REQUIRE(layer["data"]["values"].size() == 1);
            CHECK(layer["data"]["values"][0]["rule_text"] == "граница высокого уровня — 3");
        }
}

TEST_CASE("bar_chart: input order, colours, value labels, reference rule") {
    ChartFrame frame = percent_frame();
    std::vector<ChartPoint> bars = {{"Север", 80.0, "high", "80,0 %"},
                                    {"Юг", 40.0, "low", "40,0 %"},
                                    {"Центр", std::nullopt, "medium", "—"},
                                    {"Запад", 55.5, "medium", "55,5 %"}};
    json spec = json::parse(bar_chart(ru(), frame, bars, 73.5, "Округ: 73,5 %"));
    check_common(spec, frame);
    CHECK(spec["height"] == 28 * 3 + 40);
    REQUIRE(spec["data"]["values"].size() == 3);
    CHECK(labels_in_order(spec) == std::vector<std::string>{"Север", "Юг", "Запад"});

    auto bar_layers = layers_with_mark(spec, "bar");
    REQUIRE(bar_layers.size() == 1);
    const json& enc = bar_layers[0]["encoding"];
    CHECK(enc["y"]["field"] == "label");
    CHECK(enc["y"]["type"] == "nominal");
    CHECK(enc["y"]["sort"]["field"] == "order");
    CHECK(enc["y"]["sort"]["order"] == "ascending");
    CHECK(enc["x"]["field"] == "value");
    CHECK(enc["x"]["scale"]["domain"] == json::array({0, 100}));
    CHECK(bar_layers[0]["mark"]["stroke"] == "#333");
    CHECK(bar_layers[0]["mark"]["strokeWidth"] == 0.5);
    check_tooltip(bar_layers[0]);
    check_colour_scale(spec);
    CHECK(has_symbol_text_layer(spec));

    auto rules = layers_with_mark(spec, "rule");
    REQUIRE(rules.size() == 1);
    CHECK(rules[0]["encoding"]["x"]["field"] == "value");
    bool labelled = false;
    for (const auto& layer : spec["layer"])
        if (layer.contains("data")) {
            CHECK(layer["data"]["values"][0]["value"] == 73.5);
            CHECK(layer["data"]["values"][0]["rule_text"] == "Округ: 73,5 %");
            labelled = true;
        }
    CHECK(labelled);

    // No reference: no rule.
    json plain = json::parse(bar_chart(ru(), frame, bars, std::nullopt, ""));
    CHECK(layers_with_mark(plain, "rule").empty());
    // Repeated labels stay separate bars.
    json twice = json::parse(bar_chart(ru(), frame, {{"А", 1.0, "", "1"}, {"А", 2.0, "", "2"}}, std::nullopt, ""));
    CHECK(labels_in_order(twice) == std::vector<std::string>{"А", "А (2)"});
}

// The value label of a bar, as it is on a 390 px phone: past the bar's end, or
// inside it (right-aligned, white on dark blue) when the bar is longer than
// 70 % of the axis, so that it never runs past the chart's right edge.
TEST_CASE("bar value labels go inside long bars") {
    auto end_label = [](const json& spec) {
        for (const auto& layer : layers_with_mark(spec, "text"))
            if (layer["encoding"]["text"]["field"] == "mark_text") return layer["mark"];
        return json();
    };
    std::vector<ChartPoint> bars = {{"Север", 92.9, "high", "92,9 %"}, {"Юг", 40.0, "low", "40,0 %"}};
    // Percent: the axis ends at 100, so 70 is the limit.
    json mark = end_label(json::parse(bar_chart(ru(), percent_frame(), bars, 50.0, "Округ")));
    REQUIRE(mark.is_object());
    CHECK(mark["align"]["expr"] == "datum.value > 70.0 ? 'right' : 'left'");
    CHECK(mark["dx"]["expr"] == "datum.value > 70.0 ? -4 : 4");
    CHECK(mark["fill"]["expr"] == "datum.value > 70.0 && datum.level === \"high\" ? '#ffffff' : \"#222\"");
    CHECK(mark["baseline"] == "middle");
    // Not a percent: the largest value or the reference, whichever is larger, ends the axis.
    ChartFrame plain{"Нагрузка", "Нагрузка.", "Ставки", false};
    json by_value = end_label(json::parse(bar_chart(ru(), plain, {{"А", 2.0, "", "2"}, {"Б", 1.0, "", "1"}}, 1.5, "Округ")));
    CHECK(by_value["align"]["expr"] == "datum.value > 1.4 ? 'right' : 'left'");
    json by_reference = end_label(json::parse(schools_chart(ru(), plain, {{"А", 2.0, "", "2"}}, 10.0, "Округ")));
    CHECK(by_reference["align"]["expr"] == "datum.value > 7.0 ? 'right' : 'left'");
    // Nothing above zero: every label stays outside.
    json zero = end_label(json::parse(bar_chart(ru(), plain, {{"А", 0.0, "", "0"}}, std::nullopt, "")));
    CHECK(zero["align"]["expr"] == "false ? 'right' : 'left'");
}

TEST_CASE("schools_chart: highest first, ties by label, highlighted school") {
    ChartFrame frame = percent_frame();
    std::vector<ChartPoint> schools = {{"Школа Б", 50.0, "medium", "50,0 %"},
                                       {"Школа В", 90.0, "high", "90,0 %", true},
                                       {"Школа А", 50.0, "medium", "50,0 %"},
                                       {"Школа Г", std::nullopt, "", "нет данных"},
                                       {"Школа Д", 10.0, "low", "10,0 %"}};
    json spec = json::parse(schools_chart(ru(), frame, schools, 62.0, "Муниципалитет: 62,0 %"));
    check_common(spec, frame);
    CHECK(spec["height"] == 22 * 4 + 40);
    REQUIRE(spec["data"]["values"].size() == 4);
    CHECK(labels_in_order(spec) == std::vector<std::string>{"Школа В", "Школа А", "Школа Б", "Школа Д"});

    auto bar_layers = layers_with_mark(spec, "bar");
    REQUIRE(bar_layers.size() == 1);
    const json& enc = bar_layers[0]["encoding"];
    CHECK(enc["y"]["sort"]["field"] == "order");  // our index, not Vega's value sort
    CHECK(enc["strokeWidth"]["condition"]["value"] == 2.5);
    CHECK(enc["strokeWidth"]["value"] == 0.5);
    CHECK(enc["stroke"]["condition"]["value"] == "#000");
    CHECK(enc["stroke"]["condition"]["test"]["field"] == "highlight");
    std::string bold_test = enc["y"]["axis"]["labelFontWeight"]["condition"]["test"];
    CHECK(bold_test.find("Школа В") != std::string::npos);
    CHECK(enc["y"]["axis"]["labelFontWeight"]["condition"]["value"] == "bold");
    check_tooltip(bar_layers[0]);
    check_colour_scale(spec);
    CHECK(has_symbol_text_layer(spec));
    CHECK(layers_with_mark(spec, "rule").size() == 1);

    for (const auto& v : spec["data"]["values"]) CHECK(v["highlight"] == (v["label"] == "Школа В"));
    // The highlighted school's value label is bold too.
    bool bold_text = false;
    for (const auto& layer : layers_with_mark(spec, "text"))
        if (layer["mark"].contains("fontWeight")) bold_text = layer["mark"]["fontWeight"]["expr"] == "datum.highlight ? 'bold' : 'normal'";
    CHECK(bold_text);

    // Without a highlighted school there is no bold condition.
    schools[1].highlight = false;
    json plain = json::parse(schools_chart(ru(), frame, schools, std::nullopt, ""));
    CHECK_FALSE(layers_with_mark(plain, "bar")[0]["encoding"]["y"]["axis"].contains("labelFontWeight"));
    CHECK(layers_with_mark(plain, "rule").empty());
}

TEST_CASE("groups_chart: input order, integer count axis") {
    ChartFrame frame{"Группы эффективности", "Число школ в каждой группе.", "Число школ", false};
    std::vector<ChartPoint> groups = {{"Высокая", 3.0, "high", "3"},
                                      {"Средняя", 7.0, "medium", "7"},
                                      {"Низкая", 2.0, "low", "2"},
                                      {"Без оценки", 1.0, "", "1"}};
    json spec = json::parse(groups_chart(ru(), frame, groups));
    check_common(spec, frame);
    REQUIRE(spec["data"]["values"].size() == 4);
    CHECK(labels_in_order(spec) == std::vector<std::string>{"Высокая", "Средняя", "Низкая", "Без оценки"});
    auto bar_layers = layers_with_mark(spec, "bar");
    REQUIRE(bar_layers.size() == 1);
    const json& enc = bar_layers[0]["encoding"];
    CHECK(enc["x"]["field"] == "label");
    CHECK(enc["y"]["field"] == "value");
    CHECK(enc["y"]["axis"]["title"] == "Число школ");
    CHECK(enc["y"]["axis"]["tickMinStep"] == 1);
    check_tooltip(bar_layers[0]);
    check_colour_scale(spec);
    CHECK(has_symbol_text_layer(spec));
    CHECK(colour_channel(spec)["legend"]["values"] == json::array({"high", "medium", "low", ""}));
    CHECK_FALSE(enc["x"]["axis"].contains("labelExpr"));  // short names stay on one line

    // Long group names are drawn on several lines.
    json wrapped = json::parse(groups_chart(ru(), frame, {{"Группа 1: высокая эффективность", 3.0, "high", "3"}}));
    std::string expr = layers_with_mark(wrapped, "bar")[0]["encoding"]["x"]["axis"]["labelExpr"];
    CHECK(expr == R"(datum.value === "Группа 1: высокая эффективность" ? ["Группа 1:","высокая","эффективность"] : datum.label)");
}

TEST_CASE("specs are compact, deterministic and safe inside a script element") {
    ChartFrame frame{"A < B & C > D", "Школы </script><b>", "Доля, %", true};
    std::vector<ChartPoint> bars = {{"<Школа & лицей>", 50.0, "high", "50 %"}};
    std::string text = bar_chart(ru(), frame, bars, 40.0, "a<b");
    CHECK(text.find('<') == std::string::npos);
    CHECK(text.find('>') == std::string::npos);
    CHECK(text.find('&') == std::string::npos);
    CHECK(text.find('\n') == std::string::npos);
    CHECK(text.find("\\u003c/script\\u003e") != std::string::npos);
    json spec = json::parse(text);
    CHECK(spec["description"] == "Школы </script><b>");
    CHECK(spec["data"]["values"][0]["label"] == "<Школа & лицей>");
    CHECK(text == bar_chart(ru(), frame, bars, 40.0, "a<b"));
    CHECK(text.rfind("{\"$schema\":", 0) == 0);  // key order kept
}

TEST_CASE("empty inputs still give valid specs") {
    ChartFrame frame = percent_frame();
    json spec = json::parse(schools_chart(ru(), frame, {}, std::nullopt, ""));
    CHECK(spec["data"]["values"].empty());
    CHECK(spec["height"] == 40);
    CHECK(json::parse(trend_chart(ru(), frame, {}, {{1.0, "граница"}}))["data"]["values"].empty());
    CHECK(json::parse(groups_chart(ru(), frame, {}))["data"]["values"].empty());
}
