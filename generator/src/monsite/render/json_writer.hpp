#pragma once
// Writes JSON piece by piece in exactly the layout of nlohmann's dump(1)
// (one space per level, a value per line), so that a large array (a million
// measures) is written row by row and never held as a json tree.
// The writer appends to a string owned by the caller.

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace monsite::render {

class JsonWriter {
public:
    explicit JsonWriter(std::string& out) : out_(out) {}

    void begin_object();
    void begin_array();
    void end();                        // closes the innermost object or array
    void key(std::string_view name);   // inside an object, before its value
    // A whole value at the current place (an element of an array, or after key()).
    void value(const nlohmann::ordered_json& v);
    // Each entry of an object as key() + value(), in its order.
    void entries(const nlohmann::ordered_json& object);

private:
    struct Level {
        bool object = false;
        std::size_t count = 0;
    };
    void element();  // the separator and indentation before a new element or key
    void indent(std::size_t depth);

    std::string& out_;
    std::vector<Level> stack_;
    bool after_key_ = false;
};

}  // namespace monsite::render
