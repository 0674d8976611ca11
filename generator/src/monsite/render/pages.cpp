#include "monsite/render/pages.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <cstdint>
#include <functional>
#include <map>
#include <set>

#include "monsite/model/contract.hpp"
#include "monsite/render/charts.hpp"
#include "monsite/render/format.hpp"
#include "monsite/render/open_data.hpp"
#include "monsite/util/strings.hpp"

namespace monsite::render {
namespace {

using json = nlohmann::ordered_json;
using model::Exact;
using model::Indicator;
using model::IndicatorValue;
using model::Level;

constexpr const char* site_title = "Мониторинг профессионального развития педагогов";

const std::map<std::string, std::string>& direction_texts() {
    static const std::map<std::string, std::string> texts = {
        {"diagnostics", "Насколько полно педагоги проходят диагностику профессиональных дефицитов и каковы её результаты."},
        {"mastery", "Индивидуальные образовательные маршруты, курсы повышения квалификации, конкурсы мастерства и переподготовка."},
        {"young", "Наставничество и поддержка педагогов в первые годы работы, приток молодых кадров."},
        {"communities", "Участие педагогов в методических объединениях и профессиональных сообществах."},
        {"network", "Участие педагогов в мероприятиях регионального и федерального уровня."},
        {"staffing", "Укомплектованность, вакансии, квалификация и возраст педагогических коллективов."},
        {"support", "Экспертная деятельность, методический актив и профилактика профессионального выгорания."},
    };
    return texts;
}

const char* group_advice(Level group) {
    switch (group) {
        case Level::high:
            return "Большинство показателей школы на высоком уровне. Такой школе рекомендуется делиться опытом: "
                   "проводить открытые мероприятия, принимать коллег на стажировки, выделять наставников для школ "
                   "с низкими результатами.";
        case Level::medium:
            return "Показатели школы в основном на среднем уровне. Рекомендуется выделить направления, где значения "
                   "ниже порога, включить их в план методической работы и использовать опыт школ высокой группы.";
        case Level::low:
            return "Школе нужна адресная поддержка. По каждому слабому направлению предлагаются школы-партнёры с "
                   "высоким уровнем в этом направлении; рекомендуется составить дорожную карту с ответственными "
                   "и сроками и отслеживать её выполнение.";
        case Level::none: break;
    }
    return "Недостаточно данных для отнесения школы к группе.";
}

// ---------------------------------------------------------------- slugs

std::string hex_hash(std::string_view text) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : text) {
        h ^= c;
        h *= 1099511628211ull;
    }
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < 8; ++i) out += digits[(h >> (i * 4)) & 0xF];
    return out;
}

std::string translit(std::string_view text) {
    static const std::map<std::string, std::string> table = {
        {"а", "a"}, {"б", "b"}, {"в", "v"}, {"г", "g"}, {"д", "d"}, {"е", "e"}, {"ё", "e"}, {"ж", "zh"},
        {"з", "z"}, {"и", "i"}, {"й", "y"}, {"к", "k"}, {"л", "l"}, {"м", "m"}, {"н", "n"}, {"о", "o"},
        {"п", "p"}, {"р", "r"}, {"с", "s"}, {"т", "t"}, {"у", "u"}, {"ф", "f"}, {"х", "h"}, {"ц", "ts"},
        {"ч", "ch"}, {"ш", "sh"}, {"щ", "sch"}, {"ъ", ""}, {"ы", "y"}, {"ь", ""}, {"э", "e"}, {"ю", "yu"},
        {"я", "ya"}};
    std::string lower = util::to_lower(text), out;
    for (std::size_t i = 0; i < lower.size();) {
        unsigned char c = static_cast<unsigned char>(lower[i]);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out += static_cast<char>(c);
            ++i;
            continue;
        }
        if (c >= 0xC0 && i + 1 < lower.size()) {
            auto it = table.find(lower.substr(i, 2));
            if (it != table.end()) {
                out += it->second;
                i += 2;
                continue;
            }
        }
        if (!out.empty() && out.back() != '-') out += '-';
        i += (c < 0x80) ? 1 : (c < 0xE0 ? 2 : (c < 0xF0 ? 3 : 4));
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

// ---------------------------------------------------------------- values

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

// A displayed value; data_value is exactly the open-data value (for checks).
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

std::string unit_label(const Indicator& ind) {
    switch (ind.unit) {
        case model::Unit::percent: return "%";
        case model::Unit::count: return "человек, мероприятий или единиц";
        case model::Unit::years: return "лет";
        case model::Unit::rates: return "ставок";
    }
    return "";
}

std::string field_header(std::size_t index) {
    return "«" + std::string(model::school_fields()[index]->header) + "»";
}

std::string fields_text(const std::vector<std::size_t>& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? " + " : "") + field_header(fields[i]);
    return out;
}

std::string formula_in_words(const Indicator& ind) {
    const auto& f = ind.formula;
    const std::string scale = ind.unit == model::Unit::percent ? ", умноженное на 100" : "";
    switch (f.kind) {
        case model::FormulaKind::ratio:
            return "Отношение " + fields_text(f.numerator) + " к " + fields_text(f.denominator) + scale +
                   ". Для кластера и округа числители и знаменатели школ складываются (а не усредняются проценты).";
        case model::FormulaKind::sum: return "Сумма значений поля " + field_header(f.numerator[0]) + ".";
        case model::FormulaKind::weighted_mean:
            return "Значение поля " + field_header(f.numerator[0]) + " школы, если " + field_header(f.weight) +
                   " больше 0 (иначе нет данных); для кластера и округа — среднее, взвешенное по " +
                   field_header(f.weight) + ".";
        case model::FormulaKind::share_of_schools:
            return "Доля школ, для которых выполнено условие «" + f.text.substr(f.text.find('(') + 1, f.text.rfind(')') - f.text.find('(') - 1) +
                   "», среди школ, указавших значение поля " + field_header(f.numerator[0]) + scale + ".";
        case model::FormulaKind::teacher_mean:
            return "Среднее значение поля «" + f.teacher_field + "» таблицы «Педагоги» по всем педагогам, у которых оно указано.";
    }
    return {};
}

std::string thresholds_text(const Indicator& ind) {
    auto t = [&](const Exact& v) { return ru_value(ind, v); };
    switch (ind.better) {
        case model::Better::higher:
            return "Чем выше, тем лучше. Уровень низкий — меньше " + t(ind.t1) + ", средний — от " + t(ind.t1) +
                   " до " + t(ind.t2) + ", высокий — " + t(ind.t2) + " и выше.";
        case model::Better::lower:
            return "Чем ниже, тем лучше. Уровень высокий — не больше " + t(ind.t1) + ", средний — больше " + t(ind.t1) +
                   " и не больше " + t(ind.t2) + ", низкий — больше " + t(ind.t2) + ".";
        case model::Better::none: break;
    }
    return "Справочный показатель: уровень не определяется и в интегральный балл не входит.";
}

// ---------------------------------------------------------------- site context

struct YearView {
    int year;
    bool latest;
    std::string prefix;  // "" for the latest year, "2024/" for an earlier one
    const model::YearData& data;
    const model::YearResults& results;
    const model::YearResults* previous;  // the year before, if computed
};

class SiteBuilder {
public:
    SiteBuilder(const PagesInput& in, const Templates& templates) : in_(in), t_(templates) {}

    using Task = std::function<void(SiteBuilder&)>;

    // Every page as an independent task, in a fixed order. Tasks may run on
    // different builders (threads); each writes only its own builder's output.
    std::vector<Task> plan() const {
        std::vector<Task> tasks;
        const auto& years = in_.site.years;
        for (std::size_t i = 0; i < years.size(); ++i) {
            const model::YearData* data = in_.data.find_year(years[i]);
            const model::YearResults* results = in_.results.find_year(years[i]);
            if (!data || !results) continue;
            bool latest = i + 1 == years.size();
            YearView y{years[i], latest, latest ? "" : std::to_string(years[i]) + "/", *data, *results,
                       in_.results.find_year(years[i] - 1)};
            tasks.push_back([y](SiteBuilder& b) { b.home(y); });
            for (const auto& d : model::directions()) tasks.push_back([y, &d](SiteBuilder& b) { b.direction(y, d); });
            for (std::size_t k = 0; k < in_.catalogue.indicators.size(); ++k)
                tasks.push_back([y, k](SiteBuilder& b) { b.indicator(y, k); });
            tasks.push_back([y](SiteBuilder& b) { b.schools_index(y); });
            for (const auto& s : data->schools) tasks.push_back([y, &s](SiteBuilder& b) { b.school(y, s); });
            tasks.push_back([y](SiteBuilder& b) {
                b.groups(y);
                b.clusters(y);
                b.rating(y);
                if (y.results.has_subjects) b.subjects(y);
            });
        }
        tasks.push_back([](SiteBuilder& b) {
            if (const auto* latest = b.latest_view()) {
                b.methodology(*latest);
                b.open_data(*latest);
                for (const auto& c : b.in_.content) b.content(*latest, c);
                b.not_found(*latest);
                b.school_downloads();
            }
        });
        return tasks;
    }

    std::vector<Page>& pages() { return pages_; }
    std::vector<std::string>& sitemap_paths() { return sitemap_paths_; }

    // sitemap.xml of every page the builders made, with absolute addresses
    // (search engines refuse relative ones): only called when site_url is set.
    static Page sitemap(const PagesInput& in, std::vector<std::string> paths) {
        std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
        const std::string& root = in.site_url;
        std::sort(paths.begin(), paths.end());
        for (const auto& p : paths) xml += "  <url><loc>" + escape_html(root + p) + "</loc></url>\n";
        xml += "</urlset>\n";
        return {"sitemap.xml", std::move(xml), "карта сайта (sitemap.xml)"};
    }

private:
    std::optional<YearView> latest_;
    const YearView* latest_view() {
        if (in_.site.years.empty()) return nullptr;
        int y = in_.site.years.back();
        const auto* data = in_.data.find_year(y);
        const auto* results = in_.results.find_year(y);
        if (!data || !results) return nullptr;
        latest_.emplace(YearView{y, true, "", *data, *results, in_.results.find_year(y - 1)});
        return &*latest_;
    }

    std::string href(const std::string& path) const { return in_.site.base_url + path; }
    std::string year_href(const YearView& y, const std::string& path) const { return href(y.prefix + path); }
    std::string school_href(const YearView& y, const std::string& id) const {
        return year_href(y, "schools/" + slug(id) + "/");
    }
    std::string indicator_href(const YearView& y, const std::string& id) const {
        return year_href(y, "indicators/" + id + "/");
    }

    // The same page in every published year (or that year's home where it does not exist).
    using Exists = std::function<bool(const model::YearData&)>;
    json year_switcher(const YearView& current, const std::string& path, const Exists& exists = nullptr) const {
        json list = json::array();
        for (std::size_t i = 0; i < in_.site.years.size(); ++i) {
            int y = in_.site.years[i];
            bool latest = i + 1 == in_.site.years.size();
            std::string prefix = latest ? "" : std::to_string(y) + "/";
            const auto* data = in_.data.find_year(y);
            bool has = data && (!exists || exists(*data));
            list.push_back({{"year", y}, {"href", href(prefix + (has ? path : ""))}, {"current", y == current.year}});
        }
        return list;
    }

    json nav(const std::string& prefix, const std::string& section) const {
        json items = json::array();
        const std::pair<const char*, const char*> links[] = {
            {"", "Обзор"},          {"schools/", "Школы"},       {"rating/", "Рейтинг"},
            {"groups/", "Группы"},  {"clusters/", "Кластеры"},   {"methodology/", "Методика"},
            {"open-data/", "Открытые данные"}};
        for (const auto& [path, label] : links) {
            bool root_only = std::string_view(path) == "methodology/" || std::string_view(path) == "open-data/";
            items.push_back({{"href", href((root_only ? "" : prefix) + path)},
                             {"label", label},
                             {"current", section == path}});
        }
        for (const auto& c : in_.content)
            items.push_back({{"href", href(c.slug + "/")}, {"label", c.title}, {"current", section == c.slug + "/"}});
        return items;
    }

    void emit(const YearView& y, const std::string& path, const std::string& section, const std::string& title,
              const std::string& description, const std::string& body_template, json body, json switcher,
              json breadcrumbs, const std::string& origin = "") {
        body["year"] = y.year;
        body["base"] = in_.site.base_url;
        body["municipality"] = in_.site.municipality;
        std::string html = t_.render(body_template, body);
        json page;
        page["lang"] = in_.site.language;
        page["title"] = title;
        page["site_title"] = site_title;
        page["description"] = description;
        page["municipality"] = in_.site.municipality;
        page["department"] = in_.site.department;
        page["base"] = in_.site.base_url;
        page["assets"] = href("assets/");
        page["home"] = href(y.prefix);
        // Open Graph wants an absolute address: only with site_url.
        if (!in_.site_url.empty()) page["url"] = in_.site_url + path;
        if (!in_.site_url.empty()) page["sitemap"] = href("sitemap.xml");
        page["nav"] = nav(y.prefix, section);
        page["years"] = std::move(switcher);
        page["year"] = y.year;
        page["earlier_year"] = !y.latest;
        page["latest_href"] = href("");
        page["has_breadcrumbs"] = !breadcrumbs.empty();
        page["breadcrumbs"] = std::move(breadcrumbs);
        page["charts_script"] = in_.charts_script;
        page["generator"] = std::string("monsite ") + MONSITE_VERSION;
        page["content"] = html;
        std::string file = path.empty() || path.back() == '/' ? path + "index.html" : path;
        pages_.push_back({file, t_.render("layout", page),
                          origin.empty() ? "страница генератора (шаблон " + body_template + ")" : origin});
        if (file != "404.html") sitemap_paths_.push_back(path);
        chart_counter_ = 0;  // chart ids restart on every page, whichever thread makes it
    }

    json crumbs(const YearView& y, std::initializer_list<std::pair<std::string, std::string>> items) const {
        json list = json::array();
        list.push_back({{"href", href(y.prefix)}, {"label", "Обзор " + std::to_string(y.year)}});
        for (const auto& [h, label] : items) list.push_back({{"href", h}, {"label", label}});
        return list;
    }

    // ------------------------------------------------------------ charts

    json chart(const std::string& spec, const ChartFrame& frame, json table) {
        ++chart_counter_;
        std::string id = "chart-" + std::to_string(chart_counter_);
        return {{"id", id}, {"title", frame.title}, {"description", frame.description}, {"spec", spec},
                {"table", std::move(table)}};
    }

    static json table(const std::string& caption, std::vector<std::string> columns, json rows) {
        json cols = json::array();
        for (auto& c : columns) cols.push_back(c);
        return {{"caption", caption}, {"columns", cols}, {"rows", std::move(rows)}};
    }

    // ------------------------------------------------------------ year pages

    std::vector<std::size_t> indicators_of(const std::string& direction) const {
        std::vector<std::size_t> out;
        for (std::size_t i = 0; i < in_.catalogue.indicators.size(); ++i)
            if (in_.catalogue.indicators[i].direction == direction) out.push_back(i);
        return out;
    }

    json indicator_row(const YearView& y, std::size_t i, const model::EntityValues& entity) const {
        const Indicator& ind = in_.catalogue.indicators[i];
        return {{"id", ind.id},
                {"title", ind.title},
                {"short_title", ind.short_title},
                {"href", indicator_href(y, ind.id)},
                {"rated", ind.rated()},
                {"value", value_view(ind, entity.values[i])}};
    }

    void home(const YearView& y) {
        json body;
        json cards = json::array();
        for (const auto& d : model::directions()) {
            json items = json::array();
            for (auto i : indicators_of(std::string(d.id))) {
                if (!y.results.municipality.values[i]) continue;
                items.push_back(indicator_row(y, i, y.results.municipality));
            }
            cards.push_back({{"id", d.id},
                             {"name", d.name},
                             {"href", year_href(y, "directions/" + std::string(d.id) + "/")},
                             {"text", direction_texts().at(std::string(d.id))},
                             {"indicators", std::move(items)}});
        }
        body["directions"] = std::move(cards);

        std::map<Level, std::int64_t> counts;
        for (const auto& g : y.results.groupings) ++counts[g.group];
        json rows = json::array();
        std::vector<ChartPoint> points;
        for (Level level : {Level::high, Level::medium, Level::low}) {
            std::int64_t n = counts[level];
            std::string share = y.results.groupings.empty()
                                    ? "0"
                                    : ru_value(*percent_indicator(), Exact::fraction(n * 100, static_cast<std::int64_t>(y.results.groupings.size())));
            rows.push_back({{"cells", {group_name(level), std::to_string(n), share}}});
            points.push_back({group_name(level), static_cast<double>(n), model::to_string(level), std::to_string(n), false});
        }
        ChartFrame frame{"Распределение школ по группам эффективности",
                         "Число школ в группах высокой, средней и низкой эффективности в " + std::to_string(y.year) +
                             " году: " + std::to_string(counts[Level::high]) + ", " +
                             std::to_string(counts[Level::medium]) + " и " + std::to_string(counts[Level::low]) + ".",
                         "Число школ", false};
        body["groups_chart"] = chart(groups_chart(frame, points), frame,
                                     table("Школы по группам эффективности", {"Группа", "Школ", "Доля"}, rows));
        body["groups_href"] = year_href(y, "groups/");
        body["schools_count"] = y.data.schools.size();

        json zones = json::array();
        for (const auto& z : y.results.problem_zones) {
            const Indicator* ind = in_.catalogue.find(z.indicator_id);
            std::size_t i = static_cast<std::size_t>(ind - in_.catalogue.indicators.data());
            std::string reason;
            if (z.low_level) reason = "низкий уровень";
            if (z.wrong_way) reason += std::string(reason.empty() ? "" : "; ") + "ухудшение за год: " + ru_change(*ind, *z.change);
            zones.push_back({{"title", ind->title},
                             {"href", indicator_href(y, ind->id)},
                             {"value", value_view(*ind, y.results.municipality.values[i])},
                             {"reason", reason}});
        }
        body["problem_zones"] = std::move(zones);
        body["has_problem_zones"] = !y.results.problem_zones.empty();
        body["links"] = json::array({json{{"href", year_href(y, "schools/")}, {"label", "Все школы и поиск"}},
                                     json{{"href", year_href(y, "rating/")}, {"label", "Рейтинг школ"}},
                                     json{{"href", year_href(y, "clusters/")}, {"label", "Сравнение кластеров"}},
                                     json{{"href", href("methodology/")}, {"label", "Методика расчёта"}},
                                     json{{"href", href("open-data/")}, {"label", "Открытые данные"}}});
        if (y.results.has_subjects)
            body["links"].push_back({{"href", year_href(y, "subjects/")}, {"label", "Результаты по предметам"}});
        std::string title = site_title + std::string(": ") + in_.site.municipality + ", " + std::to_string(y.year);
        emit(y, y.prefix, "", title,
             "Показатели системы профессионального развития педагогов, " + in_.site.municipality + ", " +
                 std::to_string(y.year) + " год.",
             "home", std::move(body), year_switcher(y, ""), json::array());
    }

    // A stand-in percent indicator for formatting shares of schools.
    const Indicator* percent_indicator() {
        if (!percent_) {
            percent_ = std::make_unique<Indicator>();
            percent_->unit = model::Unit::percent;
        }
        return percent_.get();
    }

    void direction(const YearView& y, const model::Direction& d) {
        json body;
        body["name"] = d.name;
        body["text"] = direction_texts().at(std::string(d.id));
        json rows = json::array();
        for (auto i : indicators_of(std::string(d.id))) {
            if (!y.results.municipality.values[i]) continue;
            json row = indicator_row(y, i, y.results.municipality);
            // Schools by level in this indicator.
            std::map<Level, int> by_level;
            for (const auto& s : y.results.schools)
                if (s.values[i] && s.values[i]->has_value()) ++by_level[s.values[i]->level];
            row["schools_high"] = by_level[Level::high];
            row["schools_medium"] = by_level[Level::medium];
            row["schools_low"] = by_level[Level::low];
            rows.push_back(std::move(row));
        }
        body["indicators"] = std::move(rows);
        json levels = json::array();
        for (const auto& g : y.results.groupings) {
            auto it = std::find_if(g.directions.begin(), g.directions.end(),
                                   [&](const auto& x) { return x.direction == d.id; });
            if (it == g.directions.end() || it->level == Level::none) continue;
            const auto* s = y.data.find_school(g.school_id);
            levels.push_back({{"name", s->short_name},
                              {"href", school_href(y, s->school_id)},
                              {"level", level_badge(it->level)},
                              {"mean", ru_decimal(*it->mean, 2)}});
        }
        body["schools"] = std::move(levels);
        std::string path = y.prefix + "directions/" + std::string(d.id) + "/";
        emit(y, path, "", std::string(d.name) + " — " + std::to_string(y.year), direction_texts().at(std::string(d.id)),
             "direction", std::move(body), year_switcher(y, "directions/" + std::string(d.id) + "/"),
             crumbs(y, {}));
    }

    void indicator(const YearView& y, std::size_t i) {
        const Indicator& ind = in_.catalogue.indicators[i];
        if (!y.results.municipality.values[i]) return;  // does not apply this year
        json body;
        body["title"] = ind.title;
        body["description"] = ind.description;
        body["formula"] = ind.formula.text;
        body["formula_words"] = formula_in_words(ind);
        body["unit"] = unit_label(ind);
        body["thresholds"] = thresholds_text(ind);
        body["sensitive"] = ind.sensitive;
        body["min_group"] = in_.rules.min_group;
        body["school_scope"] = ind.school_scope;
        const auto* dir = model::find_direction(ind.direction);
        body["direction"] = {{"name", dir->name}, {"href", year_href(y, "directions/" + ind.direction + "/")}};
        body["municipal"] = value_view(ind, y.results.municipality.values[i]);
        const bool percent = ind.unit == model::Unit::percent;
        const std::string axis = ind.unit == model::Unit::percent ? "Значение, %" : "Значение";

        // Trend over the published years up to this one.
        std::vector<ChartPoint> trend;
        json trend_rows = json::array();
        for (int year : in_.site.years) {
            if (year > y.year) break;
            const auto* r = in_.results.find_year(year);
            if (!r || !r->municipality.values[i]) continue;
            const auto& v = r->municipality.values[i];
            json view = value_view(ind, v);
            trend.push_back({std::to_string(year), chart_value(ind, v), model::to_string(v->level),
                             view["text"].get<std::string>(), year == y.year});
            trend_rows.push_back({{"cells", {std::to_string(year), view["text"].get<std::string>(),
                                             v->has_value() ? level_text(v->level) : "",
                                             v->change ? ru_change(ind, *v->change) : ""}}});
        }
        ChartFrame trend_frame{"Динамика по округу", "Значение показателя «" + ind.short_title + "» по округу по годам.",
                               axis, percent};
        std::optional<double> t1, t2;
        if (ind.rated()) {
            t1 = ind.t1.to_double();
            t2 = ind.t2.to_double();
        }
        body["trend_chart"] =
            chart(trend_chart(trend_frame, trend, t1, t2), trend_frame,
                  table("Значение по округу по годам", {"Год", "Значение", "Уровень", "Изменение за год"}, trend_rows));

        // Clusters against the municipality.
        const std::string municipal_text = body["municipal"]["text"].get<std::string>();
        std::vector<ChartPoint> bars;
        json cluster_rows = json::array();
        for (const auto& c : y.results.clusters) {
            json view = value_view(ind, c.values[i]);
            bars.push_back({c.id, chart_value(ind, c.values[i]), c.values[i] ? model::to_string(c.values[i]->level) : "",
                            view["text"].get<std::string>(), false});
            cluster_rows.push_back({{"cells", {c.id, view["text"].get<std::string>(),
                                               c.values[i] && c.values[i]->has_value() ? level_text(c.values[i]->level) : ""}}});
        }
        ChartFrame cluster_frame{"Сравнение кластеров",
                                 "Значение показателя «" + ind.short_title + "» в каждом кластере; линия — значение по округу (" +
                                     municipal_text + ").",
                                 axis, percent};
        body["cluster_chart"] = chart(bar_chart(cluster_frame, bars, chart_value(ind, y.results.municipality.values[i]),
                                                "Округ: " + municipal_text),
                                      cluster_frame, table("Значения по кластерам", {"Кластер", "Значение", "Уровень"}, cluster_rows));

        if (ind.school_scope) {
            std::vector<ChartPoint> schools;
            json school_rows = json::array();
            for (const auto& s : y.data.schools) {
                const auto* values = y.results.school(s.school_id);
                const auto& v = values->values[i];
                json view = value_view(ind, v);
                schools.push_back({s.short_name, chart_value(ind, v), v ? model::to_string(v->level) : "",
                                   view["text"].get<std::string>(), false});
                school_rows.push_back({{"name", s.short_name},
                                       {"href", school_href(y, s.school_id)},
                                       {"cluster", s.cluster},
                                       {"value", view}});
            }
            ChartFrame schools_frame{"Все школы",
                                     "Значение показателя «" + ind.short_title +
                                         "» в каждой школе, по убыванию; линия — значение по округу (" + municipal_text + ").",
                                     axis, percent};
            // The table of every school right below holds this chart's data.
            json chart_table = {{"ref", "#schools-table"}, {"ref_label", "Значения по школам — в таблице ниже"}};
            body["schools_chart"] = chart(schools_chart(schools_frame, schools, chart_value(ind, y.results.municipality.values[i]),
                                                        "Округ: " + municipal_text),
                                          schools_frame, std::move(chart_table));
            body["schools"] = std::move(school_rows);
        }
        std::string path = y.prefix + "indicators/" + ind.id + "/";
        emit(y, path, "", ind.title + " — " + std::to_string(y.year), ind.description, "indicator", std::move(body),
             year_switcher(y, "indicators/" + ind.id + "/",
                           [&ind](const model::YearData& d) {
                               return ind.formula.kind != model::FormulaKind::teacher_mean || d.has_teachers;
                           }),
             crumbs(y, {{year_href(y, "directions/" + ind.direction + "/"), std::string(dir->name)}}));
    }

    static std::string level_text(Level level) {
        if (level == Level::none) return "";
        const auto& style = level_style(model::to_string(level));
        return std::string(style.symbol) + " " + style.name;
    }

    json school_card(const YearView& y, const model::SchoolYear& s) const {
        const auto* g = y.results.grouping(s.school_id);
        json out{{"id", s.school_id},
                 {"name", s.name},
                 {"short_name", s.short_name},
                 {"href", school_href(y, s.school_id)},
                 {"type", s.type},
                 {"cluster", s.cluster},
                 {"locality", s.locality},
                 {"group", model::to_string(g->group)},
                 {"group_name", group_name(g->group)},
                 {"group_badge", level_badge(g->group)},
                 {"composite", g->composite ? ru_decimal(*g->composite, 2) : "—"},
                 {"rank", g->rank ? std::to_string(g->rank) : "—"},
                 {"search", util::to_lower(s.name + " " + s.short_name + " " + s.school_id)}};
        return out;
    }

    void schools_index(const YearView& y) {
        json body;
        json list = json::array();
        std::set<std::string> clusters, types;
        for (const auto& s : y.data.schools) {
            list.push_back(school_card(y, s));
            clusters.insert(s.cluster);
            types.insert(s.type);
        }
        body["schools"] = std::move(list);
        body["count"] = y.data.schools.size();
        json c = json::array(), t = json::array();
        for (const auto& x : clusters) c.push_back(x);
        for (const auto& x : types) t.push_back(x);
        body["clusters"] = std::move(c);
        body["types"] = std::move(t);
        body["groups"] = json::array({json{{"value", "high"}, {"name", group_name(Level::high)}},
                                      json{{"value", "medium"}, {"name", group_name(Level::medium)}},
                                      json{{"value", "low"}, {"name", group_name(Level::low)}}});
        emit(y, y.prefix + "schools/", "schools/", "Школы — " + std::to_string(y.year),
             "Все школы округа с группой эффективности и местом в рейтинге; поиск и фильтры.", "schools",
             std::move(body), year_switcher(y, "schools/"), crumbs(y, {}));
    }

    void school(const YearView& y, const model::SchoolYear& s) {
        const auto* g = y.results.grouping(s.school_id);
        const auto* values = y.results.school(s.school_id);
        const model::EntityValues* cluster = nullptr;
        for (const auto& c : y.results.clusters)
            if (c.id == s.cluster) cluster = &c;
        json body = school_card(y, s);
        body["rank_of"] = std::count_if(y.results.groupings.begin(), y.results.groupings.end(),
                                        [](const auto& x) { return x.rank > 0; });
        body["ranked"] = g->rank > 0;
        body["advice"] = group_advice(g->group);
        if (auto students = s.field("students")) body["students"] = std::to_string(static_cast<long long>(*students));
        if (auto teachers = s.field("teachers_total")) body["teachers"] = std::to_string(static_cast<long long>(*teachers));

        json directions = json::array();
        for (const auto& d : model::directions()) {
            json rows = json::array();
            for (auto i : indicators_of(std::string(d.id))) {
                if (!values->values[i]) continue;
                const Indicator& ind = in_.catalogue.indicators[i];
                json row = indicator_row(y, i, *values);
                row["municipal"] = value_view(ind, y.results.municipality.values[i]);
                row["cluster"] = cluster ? value_view(ind, cluster->values[i]) : json(nullptr);
                rows.push_back(std::move(row));
            }
            if (rows.empty()) continue;
            auto level = std::find_if(g->directions.begin(), g->directions.end(),
                                      [&](const auto& x) { return x.direction == d.id; });
            directions.push_back({{"name", d.name},
                                  {"level", level != g->directions.end() ? level_badge(level->level) : json(nullptr)},
                                  {"indicators", std::move(rows)}});
        }
        body["directions"] = std::move(directions);
        body["grid"] = status_grid(y, s.school_id);
        body["trends"] = school_trends(y, s.school_id);
        body["composite_chart"] = composite_chart(y, s.school_id, s.short_name);

        json partners = json::array();
        for (const auto& p : g->partners) {
            json schools = json::array();
            for (const auto& id : p.partners) {
                const auto* other = y.data.find_school(id);
                schools.push_back({{"name", other->short_name}, {"href", school_href(y, id)}, {"cluster", other->cluster}});
            }
            partners.push_back({{"direction", model::find_direction(p.direction)->name}, {"schools", std::move(schools)}});
        }
        body["partners"] = std::move(partners);
        body["has_partners"] = !g->partners.empty();

        json measures = json::array();
        for (const model::Measure* m : measures_of(y, s.school_id)) measures.push_back(measure_view(*m));
        body["has_measures"] = !measures.empty();
        body["measures"] = std::move(measures);

        if (y.results.has_subjects)
            for (const auto& ss : y.results.school_subjects)
                if (ss.school_id == s.school_id) {
                    body["subjects"] = subject_rows(ss.subjects);
                    body["has_subjects"] = !ss.subjects.empty();
                }
        body["downloads"] = json::array({json{{"href", href("data/schools/" + slug(s.school_id) + ".csv")},
                                              {"label", "Показатели школы за все годы (CSV)"}},
                                         json{{"href", href("data/indicators.csv")}, {"label", "Все показатели округа (CSV)"}},
                                         json{{"href", href("data/monitoring.xlsx")}, {"label", "Все показатели округа (XLSX)"}}});
        std::string path = y.prefix + "schools/" + slug(s.school_id) + "/";
        emit(y, path, "schools/", s.short_name + " — " + std::to_string(y.year),
             s.name + ": показатели профессионального развития педагогов, " + std::to_string(y.year) + " год.", "school",
             std::move(body), year_switcher(y, "schools/" + slug(s.school_id) + "/",
                           [&s](const model::YearData& d) { return d.find_school(s.school_id) != nullptr; }),
             crumbs(y, {{year_href(y, "schools/"), "Школы"}}));
    }

    // The level of each direction now against its change since last year
    // (after the California School Dashboard's status x change grid).
    json status_grid(const YearView& y, const std::string& school_id) const {
        static const char* statuses[] = {"очень низкий", "низкий", "средний", "высокий", "очень высокий"};
        static const char* changes[] = {"заметно снизился", "снизился", "без изменений", "вырос", "заметно вырос"};
        const auto* g = y.results.grouping(school_id);
        const auto* before = y.previous ? y.previous->grouping(school_id) : nullptr;
        std::vector<std::vector<std::vector<std::string>>> cells(5, std::vector<std::vector<std::string>>(5));
        json without_change = json::array();
        bool any = false;
        for (std::size_t d = 0; d < g->directions.size(); ++d) {
            const auto& now = g->directions[d];
            if (!now.mean) continue;
            double m = now.mean->to_double();
            int status = m < 0.4 ? 0 : m < 0.8 ? 1 : m < 1.2 ? 2 : m < 1.6 ? 3 : 4;
            std::string name = std::string(model::find_direction(now.direction)->name);
            if (!before || !before->directions[d].mean) {
                without_change.push_back({{"name", name}, {"status", statuses[status]}});
                continue;
            }
            double delta = m - before->directions[d].mean->to_double();
            int change = delta <= -0.5 ? 0 : delta < -0.1 ? 1 : delta <= 0.1 ? 2 : delta < 0.5 ? 3 : 4;
            cells[static_cast<std::size_t>(status)][static_cast<std::size_t>(change)].push_back(name);
            any = true;
        }
        json rows = json::array();
        for (int status = 4; status >= 0; --status) {
            json row_cells = json::array();
            for (int change = 0; change < 5; ++change) {
                int colour = std::clamp(status + change - 2, 0, 4);
                json names = json::array();
                for (const auto& n : cells[static_cast<std::size_t>(status)][static_cast<std::size_t>(change)]) names.push_back(n);
                row_cells.push_back({{"colour", colour}, {"names", std::move(names)}});
            }
            rows.push_back({{"status", statuses[status]}, {"cells", std::move(row_cells)}});
        }
        json columns = json::array();
        for (const char* c : changes) columns.push_back(c);
        return {{"has_grid", any}, {"columns", std::move(columns)}, {"rows", std::move(rows)},
                {"without_change", std::move(without_change)}, {"has_without_change", !without_change.empty()}};
    }

    json school_trends(const YearView& y, const std::string& school_id) const {
        std::vector<int> years;
        for (int year : in_.site.years)
            if (year <= y.year && year > y.year - 3 && in_.results.find_year(year) &&
                in_.results.find_year(year)->school(school_id))
                years.push_back(year);
        json header = json::array();
        for (int year : years) header.push_back(std::to_string(year));
        json rows = json::array();
        for (std::size_t i = 0; i < in_.catalogue.indicators.size(); ++i) {
            const Indicator& ind = in_.catalogue.indicators[i];
            if (!ind.school_scope || !ind.rated()) continue;
            json cells = json::array();
            bool any = false;
            for (int year : years) {
                const auto* e = in_.results.find_year(year)->school(school_id);
                json view = value_view(ind, e->values[i]);
                any = any || view.contains("data_value");
                cells.push_back(view["text"]);
            }
            if (any) rows.push_back({{"title", ind.short_title}, {"href", indicator_href(y, ind.id)}, {"cells", std::move(cells)}});
        }
        return {{"years", std::move(header)}, {"rows", std::move(rows)}, {"has_years", years.size() > 1}};
    }

    json composite_chart(const YearView& y, const std::string& school_id, const std::string& name) {
        std::vector<ChartPoint> points;
        json rows = json::array();
        for (int year : in_.site.years) {
            if (year > y.year) break;
            const auto* r = in_.results.find_year(year);
            const auto* gr = r ? r->grouping(school_id) : nullptr;
            if (!gr) continue;
            std::string text = gr->composite ? ru_decimal(*gr->composite, 2) : "нет данных";
            points.push_back({std::to_string(year), gr->composite ? std::optional<double>(std::stod(gr->composite->to_fixed(2))) : std::nullopt,
                              model::to_string(gr->group), text, year == y.year});
            rows.push_back({{"cells", {std::to_string(year), text, group_name(gr->group)}}});
        }
        ChartFrame frame{"Интегральный балл по годам", "Интегральный балл школы «" + name + "» (0–100) по годам.",
                         "Балл", true};
        return chart(trend_chart(frame, points, in_.rules.group_medium.to_double(), in_.rules.group_high.to_double()),
                     frame, table("Интегральный балл по годам", {"Год", "Балл", "Группа"}, rows));
    }

    // A school's measures in file order. The index of a year is built once per
    // builder (thread), so a page costs its own measures, not the whole year's.
    const std::vector<const model::Measure*>& measures_of(const YearView& y, const std::string& school_id) {
        auto [index, fresh] = measure_index_.try_emplace(y.year);
        if (fresh)
            for (const auto& m : y.data.measures) index->second[m.school_id].push_back(&m);
        static const std::vector<const model::Measure*> none;
        auto it = index->second.find(school_id);
        return it == index->second.end() ? none : it->second;
    }

    static json measure_view(const model::Measure& m) {
        const auto* d = m.direction.empty() ? nullptr : model::find_direction(m.direction);
        return {{"measure", m.measure},       {"kind", m.kind},
                {"direction", d ? std::string(d->name) : ""}, {"period", m.period},
                {"responsible", m.responsible}, {"document", m.document}};
    }

    json subject_rows(const std::vector<model::SubjectSummary>& subjects) const {
        json rows = json::array();
        for (const auto& s : subjects) {
            rows.push_back({{"subject", s.subject},
                            {"teachers", std::to_string(s.teachers)},
                            {"scored", std::to_string(s.scored)},
                            {"average", subject_cell(s.average_score ? ru_decimal(*s.average_score, 1) : "",
                                                     s.average_suppressed)},
                            {"deficit", subject_cell(s.deficit_share ? ru_value(*percent_share(), *s.deficit_share) : "",
                                                     s.deficit_suppressed)}});
        }
        return rows;
    }

    // A subject figure for the value partial: its text, «скрыто» (with the same note as
    // any suppressed value) or «нет данных».
    static json subject_cell(const std::string& text, bool suppressed) {
        if (!text.empty()) return {{"text", text}, {"has_value", true}};
        if (suppressed) return {{"text", "скрыто"}, {"missing", true}, {"suppressed", true}};
        return {{"text", "нет данных"}, {"missing", true}};
    }

    const Indicator* percent_share() const {
        static const Indicator share = [] {
            Indicator i;
            i.unit = model::Unit::percent;
            return i;
        }();
        return &share;
    }

    void groups(const YearView& y) {
        json body;
        json list = json::array();
        for (Level level : {Level::high, Level::medium, Level::low, Level::none}) {
            json members = json::array();
            for (const auto& g : y.results.groupings)
                if (g.group == level) members.push_back(school_card(y, *y.data.find_school(g.school_id)));
            if (level == Level::none && members.empty()) continue;
            list.push_back({{"name", group_name(level)},
                            {"badge", level_badge(level)},
                            {"advice", group_advice(level)},
                            {"count", members.size()},
                            {"schools", std::move(members)}});
        }
        body["groups"] = std::move(list);
        body["high"] = ru_decimal(in_.rules.group_high, 0);
        body["medium"] = ru_decimal(in_.rules.group_medium, 0);
        emit(y, y.prefix + "groups/", "groups/", "Группы эффективности — " + std::to_string(y.year),
             "Школы по группам эффективности деятельности и рекомендации для каждой группы.", "groups", std::move(body),
             year_switcher(y, "groups/"), crumbs(y, {}));
    }

    void clusters(const YearView& y) {
        json body;
        json columns = json::array();
        for (const auto& c : y.results.clusters) columns.push_back(c.id);
        body["columns"] = std::move(columns);
        json rows = json::array();
        for (std::size_t i = 0; i < in_.catalogue.indicators.size(); ++i) {
            const Indicator& ind = in_.catalogue.indicators[i];
            if (!y.results.municipality.values[i]) continue;
            json cells = json::array();
            for (const auto& c : y.results.clusters) cells.push_back(value_view(ind, c.values[i]));
            rows.push_back({{"title", ind.short_title},
                            {"href", indicator_href(y, ind.id)},
                            {"municipal", value_view(ind, y.results.municipality.values[i])},
                            {"cells", std::move(cells)}});
        }
        body["rows"] = std::move(rows);
        json members = json::array();
        for (const auto& c : y.results.clusters) {
            json schools = json::array();
            for (const auto& s : y.data.schools)
                if (s.cluster == c.id) schools.push_back(school_card(y, s));
            members.push_back({{"name", c.id}, {"anchor", "cluster-" + slug(c.id)}, {"count", schools.size()}, {"schools", std::move(schools)}});
        }
        body["clusters"] = std::move(members);
        emit(y, y.prefix + "clusters/", "clusters/", "Кластеры — " + std::to_string(y.year),
             "Сравнение кластеров школ по всем показателям.", "clusters", std::move(body),
             year_switcher(y, "clusters/"), crumbs(y, {}));
    }

    void rating(const YearView& y) {
        json body;
        std::vector<const model::SchoolGrouping*> order;
        for (const auto& g : y.results.groupings) order.push_back(&g);
        std::stable_sort(order.begin(), order.end(), [](const auto* a, const auto* b) {
            if ((a->rank > 0) != (b->rank > 0)) return a->rank > 0;
            if (a->rank != b->rank) return a->rank < b->rank;
            return a->school_id < b->school_id;
        });
        json rows = json::array();
        for (const auto* g : order) rows.push_back(school_card(y, *y.data.find_school(g->school_id)));
        body["schools"] = std::move(rows);
        emit(y, y.prefix + "rating/", "rating/", "Рейтинг школ — " + std::to_string(y.year),
             "Школы по интегральному баллу: место, балл и группа эффективности.", "rating", std::move(body),
             year_switcher(y, "rating/"), crumbs(y, {}));
    }

    void subjects(const YearView& y) {
        json body;
        body["subjects"] = subject_rows(y.results.subjects);
        body["min_group"] = in_.rules.min_group;
        std::vector<ChartPoint> bars;
        for (const auto& s : y.results.subjects)
            if (s.average_score)
                bars.push_back({s.subject, std::stod(s.average_score->to_fixed(2)), "", ru_decimal(*s.average_score, 1), false});
        ChartFrame frame{"Средний результат диагностики по предметам",
                         "Средний результат диагностики педагогов по предметам, в процентах; предметы, где результатов "
                         "меньше " + std::to_string(in_.rules.min_group) + ", не показаны.",
                         "Средний результат, %", true};
        json rows = json::array();
        for (const auto& p : bars) rows.push_back({{"cells", {p.label, p.value_text}}});
        body["chart"] = chart(bar_chart(frame, bars, std::nullopt, ""), frame,
                              table("Средний результат по предметам", {"Предмет", "Средний результат, %"}, rows));
        emit(y, y.prefix + "subjects/", "", "Результаты по предметам — " + std::to_string(y.year),
             "Число педагогов, средний результат диагностики и доля педагогов с дефицитами по предметам.", "subjects",
             std::move(body), year_switcher(y, "subjects/", [](const model::YearData& d) { return d.has_teachers; }),
             crumbs(y, {}));
    }

    // ------------------------------------------------------------ pages of the whole site

    void methodology(const YearView& y) {
        json body;
        json directions = json::array();
        for (const auto& d : model::directions()) {
            json list = json::array();
            for (auto i : indicators_of(std::string(d.id))) {
                const Indicator& ind = in_.catalogue.indicators[i];
                list.push_back({{"id", ind.id},
                                {"title", ind.title},
                                {"href", indicator_href(y, ind.id)},
                                {"description", ind.description},
                                {"formula", ind.formula.text},
                                {"formula_words", formula_in_words(ind)},
                                {"unit", unit_label(ind)},
                                {"thresholds", thresholds_text(ind)},
                                {"scopes", ind.school_scope ? "школа, кластер, округ" : "кластер, округ"},
                                {"sensitive", ind.sensitive}});
            }
            if (!list.empty()) directions.push_back({{"name", d.name}, {"indicators", std::move(list)}});
        }
        body["directions"] = std::move(directions);
        body["min_group"] = in_.rules.min_group;
        body["group_high"] = ru_decimal(in_.rules.group_high, 2);
        body["group_medium"] = ru_decimal(in_.rules.group_medium, 2);
        body["direction_high"] = ru_decimal(in_.rules.direction_high, 2);
        body["direction_low"] = ru_decimal(in_.rules.direction_low, 2);
        body["partners"] = in_.rules.partners_per_direction;
        body["problem_pp"] = ru_decimal(in_.rules.problem_percent_points, 2);
        body["problem_relative"] = ru_decimal(in_.rules.problem_relative_percent, 2);
        json tables = json::array();
        for (const auto& spec : model::contract_tables()) {
            json fields = json::array();
            for (const auto& f : spec.fields) fields.push_back({{"id", f.id}, {"header", f.header}, {"required", f.required}});
            tables.push_back({{"name", spec.name}, {"required", spec.required}, {"fields", std::move(fields)}});
        }
        body["tables"] = std::move(tables);
        emit(y, "methodology/", "methodology/", "Методика расчёта показателей",
             "Формулы, пороги, правила группировки и защиты персональных данных.", "methodology", std::move(body),
             year_switcher(y, ""), crumbs(y, {}));
    }

    void open_data(const YearView& y) {
        json body;
        body["files"] = json::array(
            {json{{"href", href("data/indicators.csv")}, {"name", "indicators.csv"}, {"text", "Все значения показателей: год × уровень × объект × показатель (CSV, UTF-8)"}},
             json{{"href", href("data/schools.csv")}, {"name", "schools.csv"}, {"text", "Школы: интегральный балл, группа, место в рейтинге (CSV, UTF-8)"}},
             json{{"href", href("data/monitoring.xlsx")}, {"name", "monitoring.xlsx"}, {"text", "Обе таблицы в одной книге Excel"}},
             json{{"href", href("data/site.json")}, {"name", "site.json"}, {"text", "Все данные сайта в формате JSON"}}});
        body["indicator_columns"] = json::array(
            {json{{"name", "year"}, {"text", "год мониторинга (состояние на 1 сентября)"}},
             json{{"name", "scope"}, {"text", "уровень: municipality — округ, cluster — кластер, school — школа"}},
             json{{"name", "entity_id"}, {"text", "municipality, название кластера или код школы"}},
             json{{"name", "indicator_id"}, {"text", "код показателя (см. список ниже)"}},
             json{{"name", "value"}, {"text", "значение: проценты от 0 до 100 и средние — с двумя знаками после точки, количества — целым числом"}},
             json{{"name", "numerator"}, {"text", "числитель — сумма по школам (для долей); пусто для сумм и средних"}},
             json{{"name", "denominator"}, {"text", "знаменатель — сумма по школам (для долей); пусто для сумм и средних"}},
             json{{"name", "level"}, {"text", "уровень: low, medium, high; пусто для справочных показателей"}},
             json{{"name", "note"}, {"text", "пусто; no_data — нет данных; suppressed — скрыто для защиты персональных данных (знаменатель меньше " + std::to_string(in_.rules.min_group) + ")"}}});
        body["school_columns"] = json::array(
            {json{{"name", "year"}, {"text", "год мониторинга"}},
             json{{"name", "school_id"}, {"text", "код школы"}},
             json{{"name", "name"}, {"text", "полное наименование"}},
             json{{"name", "type"}, {"text", "тип школы"}},
             json{{"name", "cluster"}, {"text", "кластер"}},
             json{{"name", "composite"}, {"text", "интегральный балл 0–100, два знака после точки"}},
             json{{"name", "group"}, {"text", "группа эффективности: low, medium, high"}},
             json{{"name", "rank"}, {"text", "место в рейтинге года (равные баллы — одно место)"}}});
        json ids = json::array();
        for (const auto& ind : in_.catalogue.indicators)
            ids.push_back({{"id", ind.id}, {"title", ind.title}, {"unit", unit_label(ind)}, {"href", indicator_href(y, ind.id)}});
        body["indicators"] = std::move(ids);
        emit(y, "open-data/", "open-data/", "Открытые данные", "Файлы открытых данных мониторинга и их описание.",
             "open_data", std::move(body), year_switcher(y, ""), crumbs(y, {}));
    }

    void content(const YearView& y, const ContentPage& c) {
        json body{{"title", c.title}, {"html", c.html}};
        emit(y, c.slug + "/", c.slug + "/", c.title, c.description.empty() ? c.title : c.description, "content",
             std::move(body), year_switcher(y, ""), crumbs(y, {}), c.source.empty() ? "content/" + c.slug : c.source);
    }

    void not_found(const YearView& y) {
        emit(y, "404.html", "", "Страница не найдена", "Страница не найдена.", "not_found", json::object(),
             year_switcher(y, ""), json::array());
    }

    void school_downloads() {
        auto rows = indicator_rows(in_.results, in_.catalogue, in_.site.years);
        std::map<std::string, std::vector<IndicatorRow>> by_school;
        for (auto& r : rows)
            if (std::string_view(r.scope) == "school") by_school[r.entity_id].push_back(std::move(r));
        for (const auto& [id, list] : by_school) pages_.push_back({"data/schools/" + slug(id) + ".csv", indicators_csv(list), "открытые данные школы " + id});
    }

    const PagesInput& in_;
    const Templates& t_;
    std::vector<Page> pages_;
    std::vector<std::string> sitemap_paths_;
    int chart_counter_ = 0;
    std::unique_ptr<Indicator> percent_;
    std::map<int, std::map<std::string, std::vector<const model::Measure*>>> measure_index_;
};

}  // namespace

const std::vector<std::string>& reserved_top_level_names() {
    // Everything plan() and build_site() put at the top level, besides the year archives.
    static const std::vector<std::string> names = {"404",    "assets", "clusters",    "data",      "directions",
                                                   "groups", "index",  "indicators",  "methodology", "open-data",
                                                   "rating", "schools", "sitemap",    "subjects"};
    return names;
}

namespace {
// Names Windows keeps for devices (CON, NUL, COM1, …), in any case: a published
// folder named so cannot be copied to or served from Windows.
bool windows_device_name(std::string_view text) {
    std::string lower = util::to_lower(text);
    if (lower == "con" || lower == "prn" || lower == "aux" || lower == "nul") return true;
    return lower.size() == 4 && (lower.starts_with("com") || lower.starts_with("lpt")) && lower[3] >= '0' &&
           lower[3] <= '9';
}
}  // namespace

std::string slug(std::string_view text) {
    // Lower-case only: on a case-insensitive disk (Windows, macOS) "Sch1" and
    // "sch1" would be one folder, one school's page overwriting the other's.
    bool safe = !text.empty() && text.size() <= 64 && text != "." && text != ".." && !windows_device_name(text);
    for (char c : text)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) safe = false;
    if (safe) return std::string(text);
    std::string t = translit(text);
    if (t.size() > 48) t.resize(48);
    while (!t.empty() && t.back() == '-') t.pop_back();
    return (t.empty() ? std::string("x") : t) + "-" + hex_hash(text);
}

std::vector<Page> build_pages(const PagesInput& input, const Templates& templates, unsigned threads) {
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    SiteBuilder planner(input, templates);
    const auto tasks = planner.plan();
    threads = std::min<unsigned>(threads, static_cast<unsigned>(tasks.size()));

    // One builder and one copy of the templates per thread; tasks are taken in order.
    std::vector<Templates> copies;
    for (unsigned t = 1; t < threads; ++t) copies.push_back(templates.clone());
    std::vector<std::unique_ptr<SiteBuilder>> builders;
    builders.push_back(std::make_unique<SiteBuilder>(input, templates));
    for (auto& copy : copies) builders.push_back(std::make_unique<SiteBuilder>(input, copy));
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::mutex failure_lock;
    auto work = [&](SiteBuilder& builder) {
        try {
            for (std::size_t i; (i = next.fetch_add(1)) < tasks.size();) tasks[i](builder);
        } catch (...) {
            std::lock_guard lock(failure_lock);
            if (!failure) failure = std::current_exception();
            next = tasks.size();
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, std::ref(*builders[t]));
    work(*builders[0]);
    for (auto& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);

    std::vector<Page> pages;
    std::vector<std::string> paths;
    for (auto& b : builders) {
        std::move(b->pages().begin(), b->pages().end(), std::back_inserter(pages));
        std::move(b->sitemap_paths().begin(), b->sitemap_paths().end(), std::back_inserter(paths));
    }
    if (!input.site_url.empty()) pages.push_back(SiteBuilder::sitemap(input, std::move(paths)));
    // Paths are unique (the publisher refuses a path added twice), so the order is total.
    std::stable_sort(pages.begin(), pages.end(), [](const Page& a, const Page& b) { return a.path < b.path; });
    return pages;
}

}  // namespace monsite::render
