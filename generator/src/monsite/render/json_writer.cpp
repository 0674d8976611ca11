#include "monsite/render/json_writer.hpp"

#include <stdexcept>

namespace monsite::render {

void JsonWriter::indent(std::size_t depth) { out_.append(depth, ' '); }

void JsonWriter::element() {
    if (after_key_) {  // the value of a key: on the key's line
        after_key_ = false;
        return;
    }
    if (stack_.empty()) return;  // the document itself
    if (stack_.back().object) throw std::logic_error("JsonWriter: a value in an object needs a key");
    if (stack_.back().count++ > 0) out_ += ',';
    out_ += '\n';
    indent(stack_.size());
}

void JsonWriter::begin_object() {
    element();
    out_ += '{';
    stack_.push_back({true, 0});
}

void JsonWriter::begin_array() {
    element();
    out_ += '[';
    stack_.push_back({false, 0});
}

void JsonWriter::end() {
    if (stack_.empty() || after_key_) throw std::logic_error("JsonWriter: nothing to close");
    const Level level = stack_.back();
    stack_.pop_back();
    if (level.count > 0) {
        out_ += '\n';
        indent(stack_.size());
    }
    out_ += level.object ? '}' : ']';
}

void JsonWriter::key(std::string_view name) {
    if (stack_.empty() || !stack_.back().object || after_key_) throw std::logic_error("JsonWriter: a key outside an object");
    if (stack_.back().count++ > 0) out_ += ',';
    out_ += '\n';
    indent(stack_.size());
    out_ += nlohmann::ordered_json(name).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    out_ += ": ";
    after_key_ = true;
}

void JsonWriter::value(const nlohmann::ordered_json& v) {
    element();
    const std::string text = v.dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    // Strings are escaped, so every newline of the dump is a layout newline:
    // each gets the indentation of the current depth in front of its own.
    const std::size_t depth = stack_.size();
    for (char c : text) {
        out_ += c;
        if (c == '\n') indent(depth);
    }
}

void JsonWriter::entries(const nlohmann::ordered_json& object) {
    for (const auto& [name, v] : object.items()) {
        key(name);
        value(v);
    }
}

}  // namespace monsite::render
