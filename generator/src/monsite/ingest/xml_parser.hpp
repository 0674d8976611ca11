#pragma once
// A streaming, namespace-aware XML reader (expat behind it). Refuses DTDs and
// entity declarations outright (no spreadsheet part needs them), so external
// entities and entity expansion bombs cannot happen; nesting depth is capped.

#include <cstdint>
#include <exception>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "monsite/util/error.hpp"

namespace monsite::ingest {

struct XmlAttribute {
    std::string_view ns;     // namespace URI, empty if none
    std::string_view name;   // local name
    std::string_view value;
};

// Receives parse events. Views are valid only during the call. A handler may
// throw; the exception is carried out of feed() unchanged.
class XmlHandler {
public:
    virtual ~XmlHandler() = default;
    virtual void start_element(std::string_view ns, std::string_view name, std::span<const XmlAttribute> attributes) = 0;
    virtual void end_element(std::string_view ns, std::string_view name) = 0;
    // Character data, possibly in several pieces for one text node.
    virtual void characters(std::string_view text) = 0;
};

class XmlParser {
public:
    // `where` names the file; `part` is the entry inside it, used in messages.
    XmlParser(XmlHandler& handler, util::SourceLocation where, std::string part, std::uint32_t max_depth);
    ~XmlParser();
    XmlParser(const XmlParser&) = delete;
    XmlParser& operator=(const XmlParser&) = delete;

    // Feeds the next chunk; `last` on the final one. Throws util::DataError
    // for malformed XML, a DTD, or nesting deeper than max_depth.
    void feed(std::string_view chunk, bool last = false);

    // Convenience for callers that read a part in one piece.
    void parse(std::string_view document) { feed(document, true); }

    // Called by the expat callbacks; not for users.
    struct Callbacks;

private:
    [[noreturn]] void fail(const std::string& what);

    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace monsite::ingest
