#include "monsite/render/template.hpp"
#include "monsite/util/messages.hpp"

#include <kainjow/mustache.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "monsite/util/error.hpp"

namespace monsite::render {
namespace {

namespace km = kainjow::mustache;

km::data to_data(const nlohmann::ordered_json& j) {
    switch (j.type()) {
        case nlohmann::json::value_t::object: {
            km::data object(km::data::type::object);
            for (const auto& [key, value] : j.items()) object[key] = to_data(value);
            return object;
        }
        case nlohmann::json::value_t::array: {
            // km::data offers only copying ways to fill a list; this list is our
            // own non-const object, so moving elements into it is well defined
            // and saves a deep copy of everything inside lists.
            km::data list(km::data::type::list);
            auto& items = const_cast<km::list&>(list.list_value());
            items.reserve(j.size());
            for (const auto& value : j) items.push_back(to_data(value));
            return list;
        }
        case nlohmann::json::value_t::string: return km::data(j.get_ref<const std::string&>());
        case nlohmann::json::value_t::boolean: return km::data(j.get<bool>());
        case nlohmann::json::value_t::number_integer:
        case nlohmann::json::value_t::number_unsigned: return km::data(std::to_string(j.get<long long>()));
        case nlohmann::json::value_t::number_float: return km::data(j.dump());
        default: return km::data(false);  // null: renders nothing, counts as false
    }
}

// Replaces each {{> name}} with the partial's text, recursively, so templates
// are parsed once at load instead of at every use of a partial. Mustache
// partials take the surrounding context, which inclusion keeps. An unknown
// partial is an error naming the template (its file when known), the line and
// the partial: silently rendering nothing would hide a slip in a theme.
std::string expand_partials(const std::string& owner, const std::map<std::string, std::string>& all,
                            const std::map<std::string, std::string>& sources, int depth) {
    if (depth > 16) throw util::UsageError(util::messages::template_cycle);
    const std::string& text = all.at(owner);
    std::string out;
    std::size_t pos = 0;
    for (;;) {
        std::size_t open = text.find("{{>", pos);
        if (open == std::string::npos) break;
        std::size_t close = text.find("}}", open);
        if (close == std::string::npos) break;
        std::string name = text.substr(open + 3, close - open - 3);
        name.erase(0, name.find_first_not_of(" \t"));
        name.erase(name.find_last_not_of(" \t") + 1);
        out.append(text, pos, open - pos);
        if (!all.count(name)) {
            auto source = sources.find(owner);
            util::SourceLocation where{source != sources.end() ? source->second : util::messages::template_label(owner)};
            where.line_based = true;
            where.row = static_cast<std::uint32_t>(1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(open), '\n'));
            throw util::UsageError(util::messages::unknown_partial(name), where);
        }
        out += expand_partials(name, all, sources, depth + 1);
        pos = close + 2;
    }
    out.append(text, pos, std::string::npos);
    return out;
}

// Looks partials up in the theme, never in the data, so a data key such as
// "level" cannot shadow (or become) the partial of the same name.
class ThemeContext : public km::context<std::string> {
public:
    ThemeContext(const km::data* root, const std::map<std::string, km::data>& partials)
        : km::context<std::string>(root), partials_(partials) {}
    const km::data* get_partial(const std::string& name) const override {
        auto it = partials_.find(name);
        return it == partials_.end() ? nullptr : &it->second;
    }

private:
    const std::map<std::string, km::data>& partials_;
};

}  // namespace

struct Templates::Compiled {
    std::map<std::string, std::unique_ptr<km::mustache>> templates;
    std::map<std::string, km::data> partials;
};

Templates::Templates() : compiled_(std::make_unique<Compiled>()) {}
Templates::Templates(Templates&&) noexcept = default;
Templates& Templates::operator=(Templates&&) noexcept = default;
Templates::~Templates() = default;

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

Templates Templates::from_text(std::map<std::string, std::string> templates, std::map<std::string, std::string> sources) {
    Templates t;
    t.texts_ = std::move(templates);
    t.sources_ = std::move(sources);
    for (const auto& [name, text] : t.texts_) {
        auto compiled = std::make_unique<km::mustache>(expand_partials(name, t.texts_, t.sources_, 0));
        if (!compiled->is_valid()) {
            auto source = t.sources_.find(name);
            throw util::UsageError(util::messages::template_error(name, compiled->error_message()),
                                   {source != t.sources_.end() ? source->second : ""});
        }
        compiled->set_custom_escape([](const std::string& s) { return escape_html(s); });
        t.compiled_->templates.emplace(name, std::move(compiled));
        const std::string* source = &text;
        t.compiled_->partials.emplace(name, km::data(km::partial([source] { return *source; })));
    }
    return t;
}

Templates Templates::load(const std::vector<std::filesystem::path>& folders) {
    std::map<std::string, std::string> texts, sources;
    bool any = false;
    for (const auto& folder : folders) {
        std::error_code ec;
        if (!std::filesystem::is_directory(folder, ec)) continue;
        any = true;
        for (const auto& entry : std::filesystem::directory_iterator(folder)) {
            if (entry.path().extension() != ".mustache") continue;
            std::string name = entry.path().stem().string();
            if (texts.count(name)) continue;  // an earlier folder overrides
            std::ifstream in(entry.path(), std::ios::binary);
            std::ostringstream text;
            text << in.rdbuf();
            texts.emplace(name, text.str());
            sources.emplace(name, entry.path().generic_string());
        }
    }
    if (!any) {
        std::string list;
        for (const auto& f : folders) list += (list.empty() ? "" : ", ") + f.generic_string();
        throw util::UsageError(util::messages::no_template_folder(list));
    }
    return from_text(std::move(texts), std::move(sources));
}

Templates Templates::clone() const { return from_text(texts_, sources_); }

bool Templates::has(std::string_view name) const { return compiled_->templates.count(std::string(name)) > 0; }

struct SharedValues::Data {
    km::data values;
};

SharedValues::SharedValues(const nlohmann::ordered_json& values)
    : data_(std::make_unique<Data>(Data{to_data(values)})) {}
SharedValues::SharedValues(SharedValues&&) noexcept = default;
SharedValues::~SharedValues() = default;

std::string Templates::render(std::string_view name, const nlohmann::ordered_json& context,
                              const SharedValues* shared) const {
    auto it = compiled_->templates.find(std::string(name));
    if (it == compiled_->templates.end()) throw util::InternalError(util::messages::no_template(name));
    km::data root = to_data(context);
    // The context's stack: the shared values at the bottom, the render's own values above them.
    ThemeContext ctx(shared ? &shared->data().values : &root, compiled_->partials);
    if (shared) ctx.push(&root);
    std::ostringstream out;
    it->second->render(ctx, out);
    if (!it->second->is_valid())
        throw util::InternalError(util::messages::template_render_error(name, it->second->error_message()));
    return out.str();
}

}  // namespace monsite::render
