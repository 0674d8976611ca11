#include "monsite/render/school_downloads.hpp"

#include <algorithm>
#include <array>
#include <mutex>
#include <optional>
#include <fstream>
#include <iterator>
#include <thread>
#include <utility>

#include "monsite/compute/summary.hpp"
#include "monsite/render/csv_writer.hpp"
#include "monsite/render/format.hpp"
#include "monsite/render/prose.hpp"
#include "monsite/render/recommendation_view.hpp"
#include "monsite/render/views.hpp"
#include "monsite/render/xlsx_writer.hpp"
#include "monsite/util/error.hpp"
#include "monsite/util/messages.hpp"
#include "monsite/util/slug.hpp"
#include "monsite/util/thread_pool.hpp"

namespace monsite::render {
namespace {

using Style = XlsxWriter::Style;

SheetNumber value_of(const model::Indicator& ind, const std::optional<model::IndicatorValue>& v) {
    if (!v || !v->has_value()) return {};
    return {data_number(ind, v->value), data_double(v->value, decimals_of(ind))};
}

SheetNumber change_of(const model::Indicator& ind, const std::optional<model::IndicatorValue>& v) {
    if (!v || !v->has_value() || !v->change) return {};
    return {data_number(ind, *v->change), data_double(*v->change, decimals_of(ind))};
}

const model::EntityValues* cluster_of(const model::YearResults& r, const std::string& cluster) {
    for (const auto& c : r.clusters)
        if (c.id == cluster) return &c;
    return nullptr;
}

// The header texts of the indicators' table, in column order; the history years last.
std::vector<std::string> indicator_headers(const SchoolSheet& sheet, const config::TextCatalogue& texts) {
    std::vector<std::string> h = {texts.text("school_file_direction"), texts.text("school_file_indicator"),
                                  texts.text("school_file_unit"),      texts.text("school_file_value"),
                                  texts.text("school_file_level"),     texts.text("school_file_cluster"),
                                  texts.text("school_file_municipal"), texts.text("school_file_change")};
    for (int year : sheet.history_years) h.push_back(texts.fill("school_file_history", {{"year", std::to_string(year)}}));
    h.push_back(texts.text("school_file_note"));
    return h;
}

std::vector<std::string> recommendation_headers(const config::TextCatalogue& texts) {
    return {texts.text("school_file_addressee"), texts.text("school_file_priority"),
            texts.text("school_file_recommendation"), texts.text("school_file_reason")};
}

std::string read_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw util::InternalError(util::messages::xlsx_write_failed(file.string(), "cannot read"));
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

std::string school_xlsx_path(const std::string& school_id, int year) {
    return "data/schools/" + util::slug(school_id) + "-" + std::to_string(year) + ".xlsx";
}

std::string school_pdf_path(const std::string& school_id, int year) {
    return "data/schools/" + util::slug(school_id) + "-" + std::to_string(year) + ".pdf";
}

std::string school_csv_path(const std::string& school_id, int year) {
    return "data/schools/" + util::slug(school_id) + "-" + std::to_string(year) + ".csv";
}

SchoolSheet school_sheet(const PagesInput& in, int year, const std::string& school_id) {
    const config::TextCatalogue& texts = in.texts;
    const model::YearResults& r = *in.results.find_year(year);
    const model::SchoolYear& s = *in.data.find_year(year)->find_school(school_id);
    const model::EntityValues& own = *r.school(school_id);
    const model::EntityValues* cluster = cluster_of(r, s.cluster);

    SchoolSheet sheet;
    sheet.school_id = school_id;
    sheet.name = s.name;
    sheet.year = year;
    const model::SchoolGrouping& g = *r.grouping(school_id);
    auto fact = [&](const std::string& label, std::string text, SheetNumber number = {}) {
        sheet.facts.push_back({label, std::move(text), std::move(number)});
    };
    fact(texts.text("school_file_name"), s.name);
    fact(texts.text("school_file_code"), s.school_id);
    fact(texts.text("school_file_year"), {}, {std::to_string(year), year});
    fact(texts.text("school_file_type"), in.catalogue.type_name(s.type));
    fact(texts.text("school_file_cluster_name"), s.cluster);
    fact(texts.text("school_file_group"), group_name(texts, g.group));
    if (g.composite) fact(texts.text("school_file_composite"), {}, {g.composite->to_fixed(2), data_double(*g.composite, 2)});
    fact(texts.text("school_file_rank"), g.rank ? texts.fill("school_rank_of", {{"rank", std::to_string(g.rank)},
                                                                     {"of", std::to_string(compute::ranked_count(r))}})
                                    : texts.text("school_not_ranked"));
    sheet.title = texts.fill("school_file_title", {{"school", s.short_name}, {"year", std::to_string(year)}});
    for (int y : in.site.years)
        if (y <= year && in.results.find_year(y) && in.results.find_year(y)->school(school_id)) sheet.history_years.push_back(y);
    if (sheet.history_years.size() > 3) sheet.history_years.erase(sheet.history_years.begin(), sheet.history_years.end() - 3);

    for (std::size_t i = 0; i < in.catalogue.indicators.size(); ++i) {
        const auto& v = own.values[i];
        if (!v) continue;
        const model::Indicator& ind = in.catalogue.indicators[i];
        SchoolSheetRow row;
        row.direction = direction_name(texts, ind.direction);
        row.indicator = ind.title;
        row.unit = unit_label(texts, ind);
        row.whole = decimals_of(ind) == 0;
        row.value = value_of(ind, v);
        row.cluster = cluster ? value_of(ind, cluster->values[i]) : SheetNumber{};
        row.municipal = value_of(ind, r.municipality.values[i]);
        row.change = change_of(ind, v);
        if (v->has_value()) row.level = level_name(texts, model::to_string(v->level));
        else row.note = texts.text(v->note == model::Note::suppressed ? "suppressed" : "no_data");
        for (int y : sheet.history_years) {
            const auto* e = in.results.find_year(y)->school(school_id);
            row.history.push_back(value_of(ind, e->values[i]));
        }
        sheet.rows.push_back(std::move(row));
    }
    if (const auto* decisions = in.decisions_of(year))
        for (const auto& m : decisions->recommendations) {
            if (m.school_id != school_id) continue;
            const RecommendationView v = recommendation_view(in, m, year);
            sheet.recommendations.push_back({v.addressee_name, v.title, v.reason, v.priority});
        }
    return sheet;
}

std::string school_people_csv(const SchoolSheet& sheet, const config::TextCatalogue& texts) {
    PeopleCsvWriter csv(texts.language() == util::Language::ru);
    const auto headers = indicator_headers(sheet, texts);
    const std::size_t width = headers.size();  // the widest part: facts take 2 columns, recommendations 4
    for (const auto& f : sheet.facts) {
        csv.text(f.label);
        if (f.number.value) csv.number(f.number.fixed);
        else csv.text(f.text);
        csv.end_row(width);
    }
    csv.end_row(width);
    for (const auto& h : headers) csv.text(h);
    csv.end_row(width);
    for (const auto& r : sheet.rows) {
        csv.text(r.direction).text(r.indicator).text(r.unit).number(r.value.fixed).text(r.level);
        csv.number(r.cluster.fixed).number(r.municipal.fixed).number(r.change.fixed);
        for (const auto& h : r.history) csv.number(h.fixed);
        csv.text(r.note);
        csv.end_row(width);
    }
    if (!sheet.recommendations.empty()) {
        csv.end_row(width);
        for (const auto& h : recommendation_headers(texts)) csv.text(h);
        csv.end_row(width);
        for (const auto& r : sheet.recommendations) {
            csv.text(r.addressee).number(std::to_string(r.priority)).text(r.title).text(r.reason);
            csv.end_row(width);
        }
    }
    return csv.take();
}

void write_school_xlsx(const std::filesystem::path& file, const SchoolSheet& sheet, const config::TextCatalogue& texts,
                       const std::string& author) {
    XlsxWriter x(file, XlsxWriter::Properties{sheet.title, author, {}});
    x.add_sheet(texts.text("school_file_sheet_summary"));
    x.column_width(0, 30);
    x.column_style(1, 70, Style::wrapped);
    std::uint32_t line = 0;
    for (const auto& f : sheet.facts) {
        x.text(line, 0, f.label, Style::plain_header);
        if (f.number.value)
            x.number(line, 1, *f.number.value, f.number.fixed.find('.') == std::string::npos ? Style::general : Style::decimal2);
        else
            x.text(line, 1, f.text, Style::wrapped);
        ++line;
    }
    x.print_setup(false, sheet.title);
    x.add_sheet(texts.text("school_file_sheet_indicators"));
    const auto headers = indicator_headers(sheet, texts);
    const std::uint16_t last = static_cast<std::uint16_t>(headers.size() - 1);
    for (std::uint16_t c = 0; c <= last; ++c) x.text(0, c, headers[c], Style::header);
    const double widths[] = {28, 48, 12, 11, 14, 11, 11, 12};
    for (std::uint16_t c = 0; c < 8; ++c) x.column_style(c, widths[c], c < 3 ? Style::wrapped : Style::general);
    for (std::uint16_t c = 8; c <= last; ++c) x.column_width(c, c == last ? 16 : 9);
    std::uint32_t row = 1;
    for (const auto& r : sheet.rows) {
        const Style number = r.whole ? Style::integer : Style::decimal_upto2;
        auto put = [&](std::uint16_t column, const SheetNumber& n) {
            if (n.value) x.number(row, column, *n.value, number);
        };
        x.text(row, 0, r.direction, Style::wrapped);
        x.text(row, 1, r.indicator, Style::wrapped);
        x.text(row, 2, r.unit, Style::wrapped);
        put(3, r.value);
        if (!r.level.empty()) x.text(row, 4, r.level);
        put(5, r.cluster);
        put(6, r.municipal);
        put(7, r.change);
        for (std::size_t h = 0; h < r.history.size(); ++h) put(static_cast<std::uint16_t>(8 + h), r.history[h]);
        if (!r.note.empty()) x.text(row, last, r.note);
        ++row;
    }
    x.header_tools(row - 1, last);
    x.print_setup(true, sheet.title);

    x.add_sheet(texts.text("school_file_sheet_recommendations"));
    const auto rec_headers = recommendation_headers(texts);
    for (std::uint16_t c = 0; c < 4; ++c) x.text(0, c, rec_headers[c], Style::header);
    const double rec_widths[] = {24, 11, 50, 70};
    for (std::uint16_t c = 0; c < 4; ++c) x.column_style(c, rec_widths[c], c == 1 ? Style::integer : Style::wrapped);
    row = 1;
    for (const auto& r : sheet.recommendations) {
        x.text(row, 0, r.addressee, Style::wrapped);
        x.number(row, 1, r.priority, Style::integer);
        x.text(row, 2, r.title, Style::wrapped);
        x.text(row, 3, r.reason, Style::wrapped);
        ++row;
    }
    x.header_tools(row > 1 ? row - 1 : 1, 3);
    x.print_setup(true, sheet.title);
    x.close();
}

void school_downloads(const PagesInput& in, const std::filesystem::path& scratch, const PageSink& deliver,
                      unsigned threads) {
    std::vector<std::pair<int, std::string>> tasks;  // year, school
    for (int year : in.site.years) {
        const model::YearData* data = in.data.find_year(year);
        const model::YearResults* results = in.results.find_year(year);
        if (!data || !results || in.kept(year)) continue;
        for (const auto& s : data->schools)
            if (results->school(s.school_id)) tasks.emplace_back(year, s.school_id);
    }
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(tasks.size(), 1)));
    auto workbook = [&scratch](unsigned worker) { return scratch / ("school-" + std::to_string(worker) + ".xlsx"); };
    // A finished task's files wait until every earlier task's are delivered: the order of
    // delivery is the tasks' (years ascending, schools by code), whichever thread finishes first.
    util::run_tasks_ordered<std::array<Page, 2>>(
        tasks.size(), threads, 64 * threads,
        [&](unsigned worker, std::size_t task) {
            const auto& [year, id] = tasks[task];
            const SchoolSheet sheet = school_sheet(in, year, id);
            Page csv{school_csv_path(id, year), school_people_csv(sheet, in.texts), util::messages::school_data_origin(id),
                     year};
            const std::filesystem::path file = workbook(worker);
            write_school_xlsx(file, sheet, in.texts, in.site.department);
            Page xlsx{school_xlsx_path(id, year), read_file(file), util::messages::school_data_origin(id), year};
            return std::array<Page, 2>{std::move(csv), std::move(xlsx)};
        },
        [&](std::array<Page, 2>&& files) {
            for (auto& f : files) deliver(std::move(f));
        });
    for (unsigned w = 0; w < threads; ++w) {
        std::error_code ec;
        std::filesystem::remove(workbook(w), ec);
    }
}

}  // namespace monsite::render
