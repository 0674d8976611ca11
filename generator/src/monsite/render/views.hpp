#pragma once
// Internal to render: how one value, level, change or subject figure is shown,
// as the JSON the theme's partials expect.

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "monsite/model/indicator.hpp"
#include "monsite/model/results.hpp"

namespace monsite::render {

// A level's badge {level, symbol, name}, or null for no level.
nlohmann::ordered_json level_badge(model::Level level);
// A change since last year {text, arrow, trend, label}, or null without one.
nlohmann::ordered_json change_view(const model::Indicator& ind, const std::optional<model::Exact>& change);
// A displayed value; data_value is exactly the open-data value (for checks).
nlohmann::ordered_json value_view(const model::Indicator& ind, const std::optional<model::IndicatorValue>& v);
// The value as a chart number, or nothing without a value.
std::optional<double> chart_value(const model::Indicator& ind, const std::optional<model::IndicatorValue>& v);
// "▲ высокий"-style text of a level for tables; empty for no level.
std::string level_text(model::Level level);
// A subject figure for the value partial: its text, «скрыто» (with the same note as
// any suppressed value) or «нет данных».
nlohmann::ordered_json subject_cell(const std::string& text, bool suppressed);
// A stand-in percent indicator for formatting shares (of schools, of teachers).
const model::Indicator* percent_share();

}  // namespace monsite::render
