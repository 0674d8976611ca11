#pragma once
// Vega-Lite specifications for the site's charts, as JSON text. Each spec
// carries its own data and a text description (the chart's text alternative);
// levels are shown by colour and by a symbol, never by colour alone.

#include <optional>
#include <string>
#include <vector>

#include "monsite/config/i18n.hpp"

namespace monsite::render {

struct ChartPoint {
    std::string label;              // year, cluster name, school short name, group name
    std::optional<double> value;    // nullopt: no data (omitted from the marks)
    std::string level;              // "low", "medium", "high" or "" (not rated)
    std::string value_text;         // as shown to people, e.g. "73.5%"
    bool highlight = false;         // e.g. the school whose page this is
};

struct ChartFrame {
    std::string title;        // shown by the page above the chart (figcaption), not inside it
    std::string description;  // text alternative, one or two sentences
    std::string axis_title;   // e.g. "Share, %"
    bool percent = false;     // the value axis runs 0..100
};

// A labelled horizontal line on a trend chart: the boundary of a level or a group.
struct ChartRule {
    double value;
    std::string label;  // what the line means, e.g. "low level boundary — 20%"
};

// The municipal (or a school's) value over the years; boundaries drawn as labelled rules.
std::string trend_chart(const config::TextCatalogue& texts, const ChartFrame& frame, const std::vector<ChartPoint>& years,
                        const std::vector<ChartRule>& rules);
// Horizontal bars (clusters, subjects...), with an optional reference rule (the municipal value).
std::string bar_chart(const config::TextCatalogue& texts, const ChartFrame& frame, const std::vector<ChartPoint>& bars,
                      std::optional<double> reference, const std::string& reference_label);
// Every school sorted by value, highest first, the municipal value marked.
std::string schools_chart(const config::TextCatalogue& texts, const ChartFrame& frame, const std::vector<ChartPoint>& schools,
                          std::optional<double> municipal, const std::string& municipal_label);
// Number of schools in each effectiveness group (frame.axis_title names the count).
std::string groups_chart(const config::TextCatalogue& texts, const ChartFrame& frame, const std::vector<ChartPoint>& groups);

// The colours and symbols of levels, shared by charts and CSS (names: views.hpp level_name).
struct LevelStyle {
    const char* level;
    const char* colour;  // fill
    const char* symbol;  // "▲", "●", "▼", "–"
};
const LevelStyle& level_style(const std::string& level);

}  // namespace monsite::render
