#include "monsite/render/collection_workbook.hpp"

#include <string_view>

#include "monsite/model/contract.hpp"
#include "monsite/render/xlsx_writer.hpp"

namespace monsite::render {
namespace {

using Style = XlsxWriter::Style;
using Validation = XlsxWriter::Validation;
using model::FieldType;

constexpr std::uint32_t last_row = 1048575;  // every row below the header

// The message on a column: its own explanation (template_field_<id>) if the
// catalogue has one, else what its type takes; then whether it is required.
std::string input_message(const config::TextCatalogue& texts, const model::FieldSpec& f) {
    std::string what;
    if (texts.find("template_field_" + std::string(f.id))) what = texts.text("template_field_" + std::string(f.id));
    switch (f.type) {
        case FieldType::count: what += (what.empty() ? "" : " ") + texts.text("template_hint_count"); break;
        case FieldType::number: what += (what.empty() ? "" : " ") + texts.text("template_hint_number"); break;
        case FieldType::score: what += (what.empty() ? "" : " ") + texts.text("template_hint_score"); break;
        case FieldType::boolean: what += (what.empty() ? "" : " ") + texts.text("template_hint_boolean"); break;
        case FieldType::enumeration:
        case FieldType::direction: what += (what.empty() ? "" : " ") + texts.text("template_hint_list"); break;
        case FieldType::indicator: what += (what.empty() ? "" : " ") + texts.text("template_hint_indicator"); break;
        case FieldType::text:
            if (what.empty()) what = texts.text("template_hint_text");
            break;
    }
    what += " ";
    what += texts.text(f.required ? "template_hint_required" : "template_hint_optional");
    return what;
}

Validation rule_for(const model::FieldSpec& f, const model::Catalogue& catalogue) {
    Validation v;
    switch (f.type) {
        case FieldType::count: v.kind = Validation::Kind::whole_at_least_zero; break;
        case FieldType::score:
            v.kind = Validation::Kind::decimal_range;
            v.maximum = 100;
            break;
        case FieldType::number:
            v.kind = Validation::Kind::decimal_range;
            v.maximum = 1000000000;  // ingest's cap on any number
            break;
        case FieldType::boolean:
            v.kind = Validation::Kind::list;
            for (auto w : model::boolean_words()) v.choices.emplace_back(w);
            v.strict = false;  // yes/no, 1/0, +/- are read too
            break;
        case FieldType::enumeration:
            v.kind = Validation::Kind::list;
            for (auto c : f.choices) v.choices.emplace_back(c);
            break;
        case FieldType::direction:
            // Ids: the Russian names together pass Excel's 255 characters of a list;
            // a name typed instead is read too, so a value off the list only warns.
            v.kind = Validation::Kind::list;
            for (const auto& d : model::directions()) v.choices.emplace_back(d.id);
            v.strict = false;
            break;
        case FieldType::text:
            v.kind = Validation::Kind::any;
            if (f.id == "type") {
                v.kind = Validation::Kind::list;
                for (const auto& t : catalogue.school_types) v.choices.push_back(t.code);
                v.strict = false;  // a type outside the catalogue is shown as written
            }
            break;
        case FieldType::indicator: v.kind = Validation::Kind::any; break;
    }
    return v;
}

Style input_style(FieldType type) {
    switch (type) {
        case FieldType::count: return Style::input_integer;
        case FieldType::number:
        case FieldType::score: return Style::input_decimal;
        default: return Style::input_text;
    }
}

double width_of(const model::FieldSpec& f) {
    if (f.id == "name" || f.id == "measure") return 44;
    if (f.type == FieldType::text || f.type == FieldType::direction || f.type == FieldType::enumeration) return 20;
    return 16;
}

// The register's value of a field of the schools' table, or "" for fields a school fills in every year.
std::string register_value(const RegisterEntry& s, std::string_view field) {
    if (field == "school_id") return s.school_id;
    if (field == "name") return s.name;
    if (field == "short_name") return s.short_name;
    if (field == "type") return s.type;
    if (field == "cluster") return s.cluster;
    if (field == "locality") return s.locality;
    return {};
}

}  // namespace

void write_collection_workbook(const std::filesystem::path& file, const CollectionWorkbook& book,
                               const model::Catalogue& catalogue, const config::TextCatalogue& texts) {
    XlsxWriter x(file, XlsxWriter::Properties{texts.fill("template_title", {{"year", std::to_string(book.year)}}),
                                              book.author, {}});
    for (const auto& table : model::contract_tables()) {
        x.add_sheet(table.name);
        for (std::uint16_t c = 0; c < table.fields.size(); ++c) {
            const model::FieldSpec& f = table.fields[c];
            x.text(0, c, f.header, Style::header);
            x.column_style(c, width_of(f), input_style(f.type));
            Validation v = rule_for(f, catalogue);
            v.title = texts.text("template_input_title");
            v.message = input_message(texts, f);
            x.validate(1, last_row, c, v);
        }
        // The register's schools: the schools' table with their entries, staff and development with their codes.
        const bool per_school = table.id == model::TableId::schools || table.id == model::TableId::staff ||
                                table.id == model::TableId::development;
        if (per_school) {
            std::uint32_t row = 1;
            for (const auto& s : book.schools) {
                for (std::uint16_t c = 0; c < table.fields.size(); ++c) {
                    const std::string v = table.id == model::TableId::schools
                                              ? register_value(s, table.fields[c].id)
                                              : (table.fields[c].id == "school_id" ? s.school_id : std::string());
                    if (!v.empty()) x.text(row, c, v, Style::input_text);
                }
                ++row;
            }
        }
        x.freeze_header();
        x.print_setup(true);
        x.protect();
    }
    x.close();
}

}  // namespace monsite::render
