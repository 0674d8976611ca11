#pragma once
// Internal to render: how one value, level, change or subject figure is shown,
// in the catalogue's language. A ValueView is typed; its to_json() is what the
// theme's partials (value, level, change) receive.

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "monsite/config/i18n.hpp"
#include "monsite/model/indicator.hpp"
#include "monsite/model/results.hpp"

namespace monsite::render {

// A level's name in the catalogue ("high" -> level_high, "" -> level_none).
const std::string& level_name(const config::TextCatalogue& texts, const std::string& level);
// A level's badge {level, symbol, name}, or null for no level.
nlohmann::ordered_json level_badge(const config::TextCatalogue& texts, model::Level level);
// A change since last year {text, arrow, trend, label}, or null without one.
nlohmann::ordered_json change_view(const config::TextCatalogue& texts, const model::Indicator& ind,
                                   const std::optional<model::Exact>& change);

// One value of an indicator as pages and site.json show it: its text and, beside
// it, the numbers (never parsed back from the text).
struct ValueView {
    std::string text;                 // as shown: "73.5%", the catalogue's no_data or suppressed, "—"
    std::string note;                 // "", "no_data", "suppressed"; "n/a" when the indicator does not apply
    bool applies = false;             // the indicator applies to this entity and year
    bool missing = false;             // no data or suppressed
    bool suppressed = false;
    std::optional<double> number;     // the value for charts, exactly the open-data value; nullopt without one
    std::string data_value;           // the open-data value ("73.50"), empty without a value
    std::optional<double> numerator, denominator;  // pooled sums of a ratio (2 decimals)
    nlohmann::ordered_json level;     // level_badge, or null
    nlohmann::ordered_json change;    // change_view, or null
    std::string change_text;          // the change's text, empty without a change
    std::optional<double> change_number;
    std::string change_3y_text;       // the change since two years before
    std::optional<double> change_3y_number;

    bool has_value() const { return number.has_value(); }
    // The one serialisation, for template contexts and site.json alike: text,
    // note, applies, missing, suppressed; with a value also has_value,
    // data_value, value, numerator, denominator, level (badge or null), change
    // (change_view plus its number "value", or null) and change_3y {text, value}.
    nlohmann::ordered_json to_json() const;
};

ValueView value_view(const config::TextCatalogue& texts, const model::Indicator& ind,
                     const std::optional<model::IndicatorValue>& v);
// "▲ high"-style text of a level for tables; empty for no level.
std::string level_text(const config::TextCatalogue& texts, model::Level level);
// A subject figure for the value partial: its text, the catalogue's suppressed (with
// the same note as any suppressed value) or no_data.
nlohmann::ordered_json subject_cell(const config::TextCatalogue& texts, const std::string& text, bool suppressed);
// A subject's name, or the catalogue's subject_unspecified for an empty one.
std::string subject_name(const config::TextCatalogue& texts, const std::string& subject);
// The name of an effectiveness group (group_high, ..., group_none).
const std::string& group_name(const config::TextCatalogue& texts, model::Level group);
// A stand-in percent indicator for formatting shares (of schools, of teachers).
const model::Indicator* percent_share();

}  // namespace monsite::render
