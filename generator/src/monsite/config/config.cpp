#include "monsite/config/config.hpp"

#include <algorithm>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include <toml++/toml.h>

#include "monsite/config/formula.hpp"
#include "monsite/model/contract.hpp"
#include "monsite/util/strings.hpp"

namespace monsite::config {
namespace {

using util::SourceLocation;
using util::UsageError;

// Reads typed values out of a toml table, with errors naming file and line.
class TomlReader {
public:
    explicit TomlReader(std::string file) : file_(std::move(file)) {}

    SourceLocation at(const toml::source_region& region) const {
        return {file_, "", static_cast<std::uint32_t>(region.begin.line), 0, true};
    }
    SourceLocation at(const toml::node& node) const { return at(node.source()); }

    // Every key of `table` must be one of `known`; a near miss is suggested.
    void only_keys(const toml::table& table, std::initializer_list<std::string_view> known) const {
        for (auto&& [key, node] : table) {
            if (std::find(known.begin(), known.end(), key.str()) != known.end()) continue;
            std::string hint;  // only near misses are suggested
            std::span<const std::string_view> options(known.begin(), known.size());
            if (auto near = util::closest(key.str(), options, 2))
                hint = "; возможно, имелось в виду «" + std::string(options[*near]) + "»";
            throw UsageError("неизвестный параметр «" + std::string(key.str()) + "»" + hint, at(key.source()));
        }
    }

    std::string text(const toml::table& t, std::string_view key, std::string fallback) const {
        const toml::node* n = t.get(key);
        if (!n) return fallback;
        if (!n->is_string()) throw UsageError("«" + std::string(key) + "» должен быть строкой", at(*n));
        return std::string(*n->value<std::string_view>());
    }

    std::string required_text(const toml::table& t, std::string_view key, const SourceLocation& owner) const {
        if (!t.get(key)) throw UsageError("не задан обязательный параметр «" + std::string(key) + "»", owner);
        std::string v = text(t, key, "");
        if (util::trim(v).empty()) throw UsageError("параметр «" + std::string(key) + "» пуст", at(*t.get(key)));
        return v;
    }

    model::Exact number(const toml::table& t, std::string_view key, model::Exact fallback) const {
        const toml::node* n = t.get(key);
        if (!n) return fallback;
        if (auto i = n->value_exact<std::int64_t>()) return *i;
        if (auto d = n->value_exact<double>()) return model::Exact::from_double(*d);
        throw UsageError("«" + std::string(key) + "» должен быть числом", at(*n));
    }

    int integer(const toml::table& t, std::string_view key, int fallback, int min, int max) const {
        const toml::node* n = t.get(key);
        if (!n) return fallback;
        auto i = n->value_exact<std::int64_t>();
        if (!i || *i < min || *i > max)
            throw UsageError("«" + std::string(key) + "» должен быть целым числом от " + std::to_string(min) + " до " +
                                 std::to_string(max),
                             at(*n));
        return static_cast<int>(*i);
    }

    bool boolean(const toml::table& t, std::string_view key, bool fallback) const {
        const toml::node* n = t.get(key);
        if (!n) return fallback;
        auto b = n->value_exact<bool>();
        if (!b) throw UsageError("«" + std::string(key) + "» должен быть true или false", at(*n));
        return *b;
    }

    const toml::table* subtable(const toml::table& t, std::string_view key) const {
        const toml::node* n = t.get(key);
        if (!n) return nullptr;
        if (!n->is_table()) throw UsageError("«" + std::string(key) + "» должен быть разделом [" + std::string(key) + "]", at(*n));
        return n->as_table();
    }

    const std::string& file() const { return file_; }

private:
    std::string file_;
};

toml::table parse_toml(std::string_view text, const std::string& source) {
    try {
        return toml::parse(text, source);
    } catch (const toml::parse_error& e) {
        throw UsageError("ошибка синтаксиса TOML: " + std::string(e.description()),
                         {source, "", static_cast<std::uint32_t>(e.source().begin.line), 0, true});
    }
}

// An optional English text (title_en, ...): nullopt when absent; present, it may not be empty.
std::optional<std::string> english_text(const toml::table& t, std::string_view key, const TomlReader& r) {
    if (!t.get(key)) return std::nullopt;
    std::string v = r.text(t, key, "");
    if (util::trim(v).empty()) throw UsageError("параметр «" + std::string(key) + "» пуст", r.at(*t.get(key)));
    return v;
}

// The texts of an indicator in `language`. English falls back text by text:
// short_title_en to title_en, then to the Russian text.
void indicator_texts(model::Indicator& ind, const toml::table& t, const TomlReader& r, const SourceLocation& where,
                     util::Language language) {
    ind.title = r.required_text(t, "title", where);
    ind.short_title = r.text(t, "short_title", ind.title);
    ind.description = r.text(t, "description", "");
    const auto title_en = english_text(t, "title_en", r);
    const auto short_title_en = english_text(t, "short_title_en", r);
    const auto description_en = english_text(t, "description_en", r);
    if (language != util::Language::en) return;
    if (short_title_en) ind.short_title = *short_title_en;
    else if (title_en) ind.short_title = *title_en;
    if (title_en) ind.title = *title_en;
    if (description_en) ind.description = *description_en;
}

model::Indicator parse_indicator(const toml::table& t, const TomlReader& r, const SourceLocation& where,
                                 util::Language language) {
    r.only_keys(t, {"id", "direction", "title", "short_title", "formula", "unit", "better", "thresholds", "scopes",
                    "sensitive", "description", "title_en", "short_title_en", "description_en"});
    model::Indicator ind;
    ind.where = where;
    ind.id = r.required_text(t, "id", where);
    for (char c : ind.id)
        if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_'))
            throw UsageError("код показателя «" + ind.id + "» может содержать только латинские строчные буквы, цифры и _",
                             r.at(*t.get("id")));
    ind.direction = r.required_text(t, "direction", where);
    const auto* direction = model::find_direction(ind.direction);
    if (!direction) throw UsageError("неизвестное направление «" + ind.direction + "»", r.at(*t.get("direction")));
    ind.direction = std::string(direction->id);
    indicator_texts(ind, t, r, where, language);
    std::string formula = r.required_text(t, "formula", where);
    ind.formula = parse_formula(formula, r.at(*t.get("formula")));

    std::string unit = r.required_text(t, "unit", where);
    if (unit == "%") ind.unit = model::Unit::percent;
    else if (unit == "count") ind.unit = model::Unit::count;
    else if (unit == "years") ind.unit = model::Unit::years;
    else if (unit == "rates") ind.unit = model::Unit::rates;
    else throw UsageError("единица «" + unit + "» неизвестна; допустимы \"%\", \"count\", \"years\", \"rates\"", r.at(*t.get("unit")));

    std::string better = r.required_text(t, "better", where);
    if (better == "higher") ind.better = model::Better::higher;
    else if (better == "lower") ind.better = model::Better::lower;
    else if (better == "none") ind.better = model::Better::none;
    else throw UsageError("«better» должен быть \"higher\", \"lower\" или \"none\"", r.at(*t.get("better")));

    const toml::node* thresholds = t.get("thresholds");
    if (ind.rated()) {
        if (!thresholds) throw UsageError("для оцениваемого показателя «" + ind.id + "» нужны thresholds = [t1, t2]", where);
        const toml::array* a = thresholds->as_array();
        if (!a || a->size() != 2) throw UsageError("thresholds должен быть списком из двух чисел [t1, t2]", r.at(*thresholds));
        model::Exact values[2];
        for (std::size_t i = 0; i < 2; ++i) {
            const toml::node& n = *a->get(i);
            if (auto v = n.value_exact<std::int64_t>()) values[i] = *v;
            else if (auto d = n.value_exact<double>()) values[i] = model::Exact::from_double(*d);
            else throw UsageError("thresholds должен быть списком из двух чисел [t1, t2]", r.at(n));
        }
        if (!(values[0] < values[1])) throw UsageError("нужно t1 < t2 в thresholds", r.at(*thresholds));
        ind.t1 = values[0];
        ind.t2 = values[1];
    } else if (thresholds) {
        throw UsageError("у показателя с better = \"none\" не бывает порогов thresholds", r.at(*thresholds));
    }

    ind.school_scope = true;
    if (const toml::node* scopes = t.get("scopes")) {
        const toml::array* a = scopes->as_array();
        if (!a) throw UsageError("scopes должен быть списком, например [\"school\"]", r.at(*scopes));
        ind.school_scope = false;
        for (const auto& n : *a) {
            auto s = n.value<std::string_view>();
            if (s == "school") ind.school_scope = true;
            else if (s == "municipality" || s == "cluster") continue;
            else throw UsageError("неизвестный уровень в scopes; допустимы \"school\", \"cluster\", \"municipality\"", r.at(n));
        }
    }
    if (ind.school_scope && ind.formula.kind == model::FormulaKind::share_of_schools)
        throw UsageError("share_of_schools не считается для отдельной школы: уберите \"school\" из scopes",
                         r.at(*t.get("formula")));
    // A mean over Педагоги rows is a figure about persons: always sensitive.
    const bool over_teachers = ind.formula.kind == model::FormulaKind::teacher_mean;
    ind.sensitive = r.boolean(t, "sensitive", over_teachers);
    if (over_teachers && !ind.sensitive)
        throw UsageError("показатель «" + ind.id + "» считается по таблице «Педагоги» и всегда защищается (sensitive): "
                         "уберите sensitive = false",
                         r.at(*t.get("sensitive")));
    return ind;
}

std::string read_text_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw UsageError("не удалось открыть файл конфигурации", {file.generic_string()});
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// base_url is a path on the server. A full address is the commonest slip: it
// belongs in site_url. A missing slash at either end is added.
std::string checked_base_url(std::string value, const SourceLocation& where) {
    const std::string full_address =
        "base_url должен быть путём на сайте, например \"/monitoring/\"; полный адрес укажите в site_url";
    const std::string first = value.substr(0, value.find('/'));
    if (value.find("://") != std::string::npos || value.starts_with("//") || util::to_lower(value).starts_with("http:") ||
        util::to_lower(value).starts_with("https:") ||
        // "edu.example.ru/monitoring/": a server name without the scheme
        (first != "." && first != ".." && first.find('.') != std::string::npos))
        throw UsageError(full_address, where);
    if (value.empty() || value.front() != '/') value.insert(0, "/");
    if (value.back() != '/') value += '/';
    // Every part between slashes: letters, digits, - _ . ~ (and UTF-8), never "." or "..".
    for (std::size_t start = 1; start < value.size();) {
        std::size_t end = value.find('/', start);
        std::string_view part(value.data() + start, end - start);
        bool ok = !part.empty() && part != "." && part != "..";
        for (char c : part)
            if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == '~' ||
                  static_cast<unsigned char>(c) >= 0x80))
                ok = false;
        if (!ok)
            throw UsageError("base_url «" + value + "» — не путь на сайте: ожидались части из латинских букв, цифр, "
                             "- _ . через /, например \"/monitoring/\"",
                             where);
        start = end + 1;
    }
    return value;
}

// site_url is the absolute http(s) address of the site root. Returns it ending
// with "/"; `path` receives its path ("/" for the address of a server alone).
std::string checked_site_url(std::string value, const SourceLocation& where, std::string& path) {
    const std::string expected = "site_url должен быть полным адресом сайта, начинающимся с https:// или http://, "
                                 "например \"https://edu.example.ru/monitoring/\"";
    std::string lower = util::to_lower(value);
    std::size_t scheme = lower.starts_with("https://") ? 8 : lower.starts_with("http://") ? 7 : 0;
    if (scheme == 0) throw UsageError(expected, where);
    std::size_t host_end = value.find('/', scheme);
    std::string_view host(value.data() + scheme, (host_end == std::string::npos ? value.size() : host_end) - scheme);
    bool ok = !host.empty() && host.front() != '.' && host.front() != ':';
    for (char c : value.substr(scheme)) {
        unsigned char u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7F || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\' || c == '?' ||
            c == '#' || c == '`' || c == '{' || c == '}' || c == '|' || c == '^')
            ok = false;
    }
    for (char c : host)
        if (c == '@') ok = false;  // no user names or passwords in a published address
    if (!ok) throw UsageError(expected + "; в адресе «" + value + "» нет имени сервера или есть недопустимые символы", where);
    path = host_end == std::string::npos ? "/" : value.substr(host_end);
    if (path.back() != '/') {
        path += '/';
        value += '/';
    }
    if (host_end == std::string::npos) value += '/';
    return value;
}

void apply_site(SiteConfig& config, const toml::table& t, const TomlReader& r) {
    r.only_keys(t, {"municipality", "department", "base_url", "site_url", "years", "language", "theme", "indicators",
                    "min_group", "strict", "closed_schools", "groups", "direction_levels", "direction_change", "partners", "problem_zones", "pages"});
    config.municipality = r.text(t, "municipality", config.municipality);
    config.department = r.text(t, "department", config.department);
    if (t.get("base_url")) config.base_url = checked_base_url(r.text(t, "base_url", ""), r.at(*t.get("base_url")));
    if (t.get("site_url")) {
        config.site_url = r.text(t, "site_url", "");
        if (!config.site_url.empty()) {
            std::string path;
            config.site_url = checked_site_url(config.site_url, r.at(*t.get("site_url")), path);
            // The sitemap and the links must agree: the address's path is base_url.
            if (path == "/" && config.base_url != "/") {
                config.site_url.pop_back();
                config.site_url += config.base_url;
            } else if (path != config.base_url) {
                throw UsageError("путь в site_url («" + path + "») не совпадает с base_url («" + config.base_url +
                                     "»): задайте base_url = \"" + path + "\" или исправьте site_url",
                                 r.at(*t.get("site_url")));
            }
        }
    }
    if (const toml::node* language = t.get("language")) {
        config.language = r.text(t, "language", config.language);
        const auto& known = supported_languages();
        if (std::find(known.begin(), known.end(), config.language) == known.end()) {
            std::string list;
            for (const auto& l : known) list += (list.empty() ? "\"" : ", \"") + l + "\"";
            throw UsageError("неизвестный язык «" + config.language + "» в language; допустимые значения: " + list +
                                 " (на других языках интерфейса сайта пока нет)",
                             r.at(*language));
        }
    }
    config.strict = r.boolean(t, "strict", config.strict);
    config.theme = r.text(t, "theme", config.theme);
    config.rules.min_group = r.integer(t, "min_group", config.rules.min_group, 1, 1000);
    if (const toml::node* years = t.get("years")) {
        const toml::array* a = years->as_array();
        if (!a) throw UsageError("years должен быть списком лет, например [2024, 2025]", r.at(*years));
        config.years.clear();
        for (const auto& n : *a) {
            auto y = n.value_exact<std::int64_t>();
            if (!y || *y < 1900 || *y > 2999) throw UsageError("год в years должен быть числом, например 2025", r.at(n));
            if (std::find(config.years.begin(), config.years.end(), static_cast<int>(*y)) != config.years.end())
                throw UsageError("год " + std::to_string(*y) + " указан в years дважды; каждый год публикуется один раз",
                                 r.at(n));
            config.years.push_back(static_cast<int>(*y));
        }
        std::sort(config.years.begin(), config.years.end());
    }
    if (const toml::node* closed = t.get("closed_schools")) {
        const toml::array* a = closed->as_array();
        if (!a) throw UsageError("closed_schools должен быть списком кодов школ, например [\"sch12\"]", r.at(*closed));
        config.closed_schools.clear();
        for (const auto& n : *a) {
            auto code = n.value_exact<std::string>();
            if (!code || code->empty())
                throw UsageError("код школы в closed_schools должен быть непустой строкой, например \"sch12\"", r.at(n));
            config.closed_schools.push_back(*code);
        }
    }
    if (const auto* g = r.subtable(t, "groups")) {
        r.only_keys(*g, {"high", "medium"});
        config.rules.group_high = r.number(*g, "high", config.rules.group_high);
        config.rules.group_medium = r.number(*g, "medium", config.rules.group_medium);
        if (!(config.rules.group_medium < config.rules.group_high))
            throw UsageError("в [groups] нужно medium < high", r.at(*t.get("groups")));
    }
    if (const auto* d = r.subtable(t, "direction_levels")) {
        r.only_keys(*d, {"high", "low"});
        config.rules.direction_high = r.number(*d, "high", config.rules.direction_high);
        config.rules.direction_low = r.number(*d, "low", config.rules.direction_low);
        if (!(config.rules.direction_low < config.rules.direction_high))
            throw UsageError("в [direction_levels] нужно low < high", r.at(*t.get("direction_levels")));
    }
    if (const auto* c = r.subtable(t, "direction_change")) {
        r.only_keys(*c, {"same"});
        config.rules.direction_change_same = r.number(*c, "same", config.rules.direction_change_same);
        if (config.rules.direction_change_same < model::Exact(0) || !(config.rules.direction_change_same < model::Exact(2)))
            throw UsageError("в [direction_change] same должен быть от 0 до 2 (средний балл направления — от 0 до 2)",
                             r.at(*c->get("same")));
    }
    if (const auto* p = r.subtable(t, "partners")) {
        r.only_keys(*p, {"per_direction"});
        config.rules.partners_per_direction = r.integer(*p, "per_direction", config.rules.partners_per_direction, 0, 10);
    }
    if (const auto* p = r.subtable(t, "pages")) {
        r.only_keys(*p, {"full_lists_up_to"});
        config.full_lists_up_to = r.integer(*p, "full_lists_up_to", config.full_lists_up_to, 1, 1000000);
    }
    if (const auto* z = r.subtable(t, "problem_zones")) {
        r.only_keys(*z, {"percent_points", "relative_percent"});
        config.rules.problem_percent_points = r.number(*z, "percent_points", config.rules.problem_percent_points);
        config.rules.problem_relative_percent = r.number(*z, "relative_percent", config.rules.problem_relative_percent);
    }
}

// [[school_type]] sections: code, ru (default: the code), en (default: the Russian name).
void parse_school_types(const toml::table& root, const TomlReader& r, util::Language language,
                        model::Catalogue& catalogue) {
    const toml::node* list = root.get("school_type");
    if (!list) return;
    const toml::array* items = list->as_array();
    if (!items) throw UsageError("school_type должен быть списком разделов [[school_type]]", r.at(*list));
    std::set<std::string> codes;
    for (const auto& item : *items) {
        const toml::table* t = item.as_table();
        if (!t) throw UsageError("[[school_type]] должен быть разделом", r.at(item));
        const SourceLocation where = r.at(item);
        r.only_keys(*t, {"code", "ru", "en"});
        model::SchoolType type;
        type.where = where;
        type.code = std::string(util::trim(r.required_text(*t, "code", where)));
        std::string ru = t->get("ru") ? r.required_text(*t, "ru", where) : type.code;
        auto en = english_text(*t, "en", r);
        type.name = language == util::Language::en && en ? *en : ru;
        if (!codes.insert(util::normalize_key(type.code)).second)
            throw UsageError("тип ОО «" + type.code + "» встречается в каталоге дважды", r.at(*t->get("code")));
        catalogue.school_types.push_back(std::move(type));
    }
}

// The catalogue a site uses: its own file's indicators, and the built-in school
// types with the file's own [[school_type]] entries over them (by code) or after them.
model::Catalogue merged_catalogue(model::Catalogue own, model::Catalogue builtin) {
    std::vector<model::SchoolType> types = std::move(builtin.school_types);
    for (auto& t : own.school_types) {
        auto same = std::find_if(types.begin(), types.end(), [&](const model::SchoolType& b) {
            return util::normalize_key(b.code) == util::normalize_key(t.code);
        });
        if (same != types.end()) *same = std::move(t);
        else types.push_back(std::move(t));
    }
    own.school_types = std::move(types);
    return own;
}

constexpr std::string_view builtin_catalogue_name = "indicators.toml (встроенный)";

}  // namespace

model::Catalogue parse_catalogue(std::string_view toml_text, const std::string& source, util::Language language) {
    TomlReader r(source);
    toml::table root = parse_toml(toml_text, source);
    r.only_keys(root, {"indicator", "school_type"});
    model::Catalogue catalogue;
    const toml::node* list = root.get("indicator");
    const toml::array* items = list ? list->as_array() : nullptr;
    if (!items || items->empty())
        throw UsageError("в каталоге нет ни одного показателя: ожидались разделы [[indicator]]", {source});
    std::set<std::string> ids;
    for (const auto& item : *items) {
        const toml::table* t = item.as_table();
        if (!t) throw UsageError("[[indicator]] должен быть разделом", r.at(item));
        model::Indicator ind = parse_indicator(*t, r, r.at(item), language);
        if (!ids.insert(ind.id).second)
            throw UsageError("код показателя «" + ind.id + "» встречается дважды", r.at(*t->get("id")));
        catalogue.indicators.push_back(std::move(ind));
    }
    parse_school_types(root, r, language, catalogue);
    return catalogue;
}

const std::vector<std::string>& supported_languages() {
    static const std::vector<std::string> languages = {"ru", "en"};
    return languages;
}

SiteConfig default_config() {
    SiteConfig config;
    TomlReader r("site.toml (встроенный)");
    apply_site(config, parse_toml(builtin_site_toml(), r.file()), r);
    config.catalogue =
        parse_catalogue(builtin_catalogue_toml(), std::string(builtin_catalogue_name), site_language(config));
    return config;
}

util::Language site_language(const SiteConfig& config) {
    return util::parse_language(config.language).value_or(util::Language::ru);
}

SiteConfig load_config(const std::filesystem::path& file) {
    SiteConfig config = default_config();
    const std::string name = file.generic_string();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) throw UsageError("файл конфигурации не найден", {name});
    TomlReader r(name);
    toml::table root = parse_toml(read_text_file(file), name);
    apply_site(config, root, r);
    config.source = file;
    // The language is known now: the catalogue's texts are read in it.
    const util::Language language = site_language(config);
    model::Catalogue builtin = parse_catalogue(builtin_catalogue_toml(), std::string(builtin_catalogue_name), language);
    std::string indicators = r.text(root, "indicators", "");
    if (!indicators.empty()) {
        std::filesystem::path path = file.parent_path() / indicators;
        if (!std::filesystem::is_regular_file(path, ec))
            throw UsageError("файл каталога показателей «" + indicators + "» не найден", r.at(*root.get("indicators")));
        config.catalogue =
            merged_catalogue(parse_catalogue(read_text_file(path), path.generic_string(), language), std::move(builtin));
    } else {
        config.catalogue = std::move(builtin);
    }
    return config;
}

// The command line's replacements (build --base-url, --site-url), checked as in
// site.toml; a site_url override also sets base_url to its path.
void override_address(SiteConfig& config, const std::optional<std::string>& base_url,
                      const std::optional<std::string>& site_url) {
    if (base_url) config.base_url = checked_base_url(*base_url, {"параметр --base-url"});
    if (site_url && site_url->empty()) {
        config.site_url.clear();  // --site-url "": no sitemap
    } else if (site_url) {
        std::string path;
        config.site_url = checked_site_url(*site_url, {"параметр --site-url"}, path);
        if (path == "/" && config.base_url != "/") {
            config.site_url.pop_back();  // the address of the server alone: base_url is added
            config.site_url += config.base_url;
        } else if (base_url && path != config.base_url) {
            throw UsageError("путь в --site-url («" + path + "») не совпадает с --base-url («" + config.base_url +
                                 "»): укажите один из них или одинаковые пути",
                             {"параметр --site-url"});
        } else {
            config.base_url = path;
        }
    } else if (base_url && !config.site_url.empty()) {
        // site_url of site.toml keeps its server and takes the new path.
        const std::size_t host_end = config.site_url.find('/', config.site_url.find("://") + 3);
        config.site_url = config.site_url.substr(0, host_end) + config.base_url;
    }
}

}  // namespace monsite::config
