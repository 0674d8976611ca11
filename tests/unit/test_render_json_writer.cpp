#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

#include "monsite/render/json_writer.hpp"

using json = nlohmann::ordered_json;
using monsite::render::JsonWriter;

namespace {

std::string dumped(const json& v) { return v.dump(1, ' ', false, json::error_handler_t::replace); }

// Writes v through the writer, containers opened and closed by hand at every
// level, so that the result can be compared with nlohmann's own dump(1).
void stream(JsonWriter& w, const json& v) {
    if (v.is_object()) {
        w.begin_object();
        for (const auto& [name, item] : v.items()) {
            w.key(name);
            stream(w, item);
        }
        w.end();
    } else if (v.is_array()) {
        w.begin_array();
        for (const auto& item : v) stream(w, item);
        w.end();
    } else {
        w.value(v);
    }
}

std::string streamed(const json& v) {
    std::string out;
    JsonWriter w(out);
    stream(w, v);
    return out;
}

}  // namespace

TEST_CASE("JsonWriter writes the layout of dump(1), container by container or value by value") {
    const json doc = {
        {"name", "line one\nline \"two\" <b>"},
        {"empty_array", json::array()},
        {"empty_object", json::object()},
        {"numbers", {1, 2.5, -3, nullptr, true}},
        {"nested", {{"rows", json::array({json::array({0, "s1", nullptr}), json::array()})}, {"ключ", "значение"}}},
    };
    CHECK(streamed(doc) == dumped(doc));
    CHECK(streamed(json::array()) == "[]");
    CHECK(streamed(json::object()) == "{}");
    CHECK(streamed(json::array({json::object()})) == dumped(json::array({json::object()})));

    // Mixed: entries() and value() of whole sub-trees inside a streamed array.
    std::string out;
    JsonWriter w(out);
    w.begin_object();
    w.entries({{"a", 1}, {"b", {{"c", json::array({1, 2})}}}});
    w.key("rows");
    w.begin_array();
    w.value(json::array({"x", 1}));
    w.value({{"k", "v"}});
    w.end();
    w.end();
    const json whole = {{"a", 1}, {"b", {{"c", json::array({1, 2})}}}, {"rows", {json::array({"x", 1}), {{"k", "v"}}}}};
    CHECK(out == dumped(whole));
}

TEST_CASE("JsonWriter refuses misuse instead of writing broken JSON") {
    std::string out;
    JsonWriter w(out);
    CHECK_THROWS_AS(w.end(), std::logic_error);
    CHECK_THROWS_AS(w.key("k"), std::logic_error);
    w.begin_object();
    CHECK_THROWS_AS(w.value(1), std::logic_error);  // a value in an object needs a key
    w.key("k");
    CHECK_THROWS_AS(w.key("again"), std::logic_error);
    CHECK_THROWS_AS(w.end(), std::logic_error);  // the key has no value yet
    w.value(1);
    w.end();
    CHECK(out == "{\n \"k\": 1\n}");
}
