#include "monsite/render/template.hpp"

#include <mstch/mstch.hpp>

#include <fstream>
#include <mutex>
#include <sstream>

#include "monsite/util/error.hpp"

namespace monsite::render {
namespace {

mstch::node to_node(const nlohmann::ordered_json& j) {
    switch (j.type()) {
        case nlohmann::json::value_t::object: {
            mstch::map map;
            for (const auto& [key, value] : j.items()) map.emplace(key, to_node(value));
            return map;
        }
        case nlohmann::json::value_t::array: {
            mstch::array array;
            array.reserve(j.size());
            for (const auto& value : j) array.push_back(to_node(value));
            return array;
        }
        case nlohmann::json::value_t::string: return j.get<std::string>();
        case nlohmann::json::value_t::boolean: return j.get<bool>();
        case nlohmann::json::value_t::number_integer:
        case nlohmann::json::value_t::number_unsigned: return std::to_string(j.get<long long>());
        case nlohmann::json::value_t::number_float: return j.dump();
        default: return nullptr;
    }
}

std::once_flag escape_installed;

}  // namespace

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            case '`': out += "&#96;"; break;
            case '=': out += "&#61;"; break;
            case '\0': out += "\xEF\xBF\xBD"; break;
            default: out += c;
        }
    }
    return out;
}

Templates Templates::load(const std::vector<std::filesystem::path>& folders) {
    Templates t;
    bool any = false;
    for (const auto& folder : folders) {
        std::error_code ec;
        if (!std::filesystem::is_directory(folder, ec)) continue;
        any = true;
        for (const auto& entry : std::filesystem::directory_iterator(folder)) {
            if (entry.path().extension() != ".mustache") continue;
            std::string name = entry.path().stem().string();
            if (t.templates_.count(name)) continue;  // an earlier folder overrides
            std::ifstream in(entry.path(), std::ios::binary);
            std::ostringstream text;
            text << in.rdbuf();
            t.templates_.emplace(name, text.str());
        }
    }
    if (!any) {
        std::string list;
        for (const auto& f : folders) list += (list.empty() ? "" : ", ") + f.generic_string();
        throw util::UsageError("не найдена папка шаблонов темы (искали: " + list + ")");
    }
    return t;
}

Templates Templates::from_text(std::map<std::string, std::string> templates) {
    Templates t;
    t.templates_ = std::move(templates);
    return t;
}

std::string Templates::render(std::string_view name, const nlohmann::ordered_json& context) const {
    std::call_once(escape_installed, [] { mstch::config::escape = [](const std::string& s) { return escape_html(s); }; });
    auto it = templates_.find(std::string(name));
    if (it == templates_.end()) throw util::InternalError("нет шаблона «" + std::string(name) + "» в теме");
    return mstch::render(it->second, to_node(context), templates_);
}

}  // namespace monsite::render
