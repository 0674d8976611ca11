#include "monsite/site/cell_errors.hpp"

#include <cmath>
#include <cstdio>

#include "monsite/ingest/values.hpp"
#include "monsite/util/strings.hpp"

namespace monsite::site {
namespace {

using model::FieldSpec;
using model::FieldType;

std::string expectation(const FieldSpec& f) {
    switch (f.type) {
        case FieldType::text: return "ожидался текст";
        case FieldType::count: return "ожидалось целое число ≥ 0";
        case FieldType::number: return "ожидалось число";
        case FieldType::score: return "ожидалось число от 0 до 100";
        case FieldType::boolean: return "ожидалось «да» или «нет»";
        case FieldType::enumeration: {
            std::string list;
            for (auto c : f.choices) list += (list.empty() ? "" : ", ") + std::string(c);
            return "ожидалось одно из значений: " + list;
        }
        case FieldType::direction: {
            std::string list;
            for (const auto& d : model::directions()) list += (list.empty() ? "" : ", ") + std::string(d.id);
            return "ожидался код направления (" + list + ") или его название";
        }
        case FieldType::indicator: return "ожидался код показателя из каталога";
    }
    return {};
}

// A number as a person would type it: "45", "4,5".
std::string plain_number(double v) {
    if (ingest::is_whole(v)) return std::to_string(static_cast<long long>(std::llround(v)));
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    std::string s = buf;
    for (char& c : s)
        if (c == '.') c = ',';
    return s;
}

// Why a number was not read, said after the value; empty for plain non-numbers.
std::string number_hint(ingest::NumberProblem problem) {
    using ingest::NumberProblem;
    switch (problem) {
        case NumberProblem::extra_text:
            return ": в ячейке должно быть только число, без слов, единиц измерения и других знаков";
        case NumberProblem::bad_grouping:
            return ": пробел внутри числа допустим только между группами из трёх цифр («1 200»), "
                   "иначе неясно, какое число имелось в виду";
        case NumberProblem::several_marks:
            return ": в числе больше одной запятой или точки; дробную часть отделяйте одной запятой, "
                   "а разряды — пробелом («1 234,5»)";
        case NumberProblem::none:
        case NumberProblem::no_digits: break;
    }
    return {};
}

std::string problem_kind(ingest::NumberProblem problem) {
    switch (problem) {
        case ingest::NumberProblem::none: return "none";
        case ingest::NumberProblem::no_digits: return "no_digits";
        case ingest::NumberProblem::extra_text: return "extra_text";
        case ingest::NumberProblem::bad_grouping: return "bad_grouping";
        case ingest::NumberProblem::several_marks: return "several_marks";
    }
    return {};
}

}  // namespace

std::optional<unsigned> control_character(std::string_view text) {
    for (char ch : text) {
        auto c = static_cast<unsigned char>(ch);
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return c;
    }
    return std::nullopt;
}

Refusal refusal(const FieldSpec& f, const ingest::Table& table, const ingest::Cell& cell) {
    const std::string found = ", найдено " + ingest::cell_for_message(table, cell);
    const std::string type = std::to_string(static_cast<int>(f.type)) + ":";
    if (f.type == FieldType::text && cell.kind != ingest::CellKind::error)
        if (auto c = control_character(ingest::cell_text(table, cell))) {
            char code[8];
            std::snprintf(code, sizeof code, "%04X", *c);
            return {"в тексте есть управляющий символ U+" + std::string(code) +
                        " (невидимый знак, которого не должно быть в данных); удалите его" + found,
                    type + "control"};
        }
    if (f.type == FieldType::count || f.type == FieldType::number || f.type == FieldType::score) {
        auto reading = ingest::read_cell_number(table, cell);
        if (!reading.value)
            return {expectation(f) + found + number_hint(reading.problem), type + problem_kind(reading.problem)};
        if (reading.percent && f.type != FieldType::score) {
            bool formatted = cell.kind == ingest::CellKind::number;
            std::string column = f.type == FieldType::count ? "в столбце количества" : "в этом столбце";
            return {column + " знак % недопустим: укажите число, например " + plain_number(*reading.value) +
                        (formatted ? " (ячейка в процентном формате: смените формат на числовой)" : "") + found,
                    type + "percent"};
        }
        if (f.type != FieldType::score && std::fabs(*reading.value) > max_magnitude)
            return {"число слишком велико (допустимо не больше 1 000 000 000 по модулю)" + found, type + "magnitude"};
    }
    return {expectation(f) + found, type + "value"};
}

std::string cell_context(std::string_view header, std::string_view school) {
    std::string text = util::quote_for_message(header);
    if (school.empty()) return text;
    std::string code = util::quote_for_message(school, 40);
    // Without the «» of quote_for_message (two bytes each in UTF-8).
    return text + ", школа " + code.substr(2, code.size() - 4);
}

}  // namespace monsite::site
