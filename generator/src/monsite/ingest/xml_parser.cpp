#include "monsite/ingest/xml_parser.hpp"

#include <expat.h>

#include <vector>

namespace monsite::ingest {

namespace {
constexpr char namespace_separator = '\x01';

std::pair<std::string_view, std::string_view> split_name(const XML_Char* qualified) {
    std::string_view full(qualified);
    auto cut = full.find(namespace_separator);
    if (cut == std::string_view::npos) return {{}, full};
    return {full.substr(0, cut), full.substr(cut + 1)};
}
}  // namespace

struct XmlParser::State {
    XmlHandler& handler;
    util::SourceLocation where;
    std::string part;
    std::uint32_t max_depth;
    XML_Parser parser = nullptr;
    std::uint32_t depth = 0;
    std::exception_ptr pending;  // an exception thrown inside a callback
    std::string refusal;         // why we stopped the parser ourselves
    std::vector<XmlAttribute> attributes;

    State(XmlHandler& h, util::SourceLocation w, std::string p, std::uint32_t d)
        : handler(h), where(std::move(w)), part(std::move(p)), max_depth(d) {}

    void refuse(std::string why) {
        if (refusal.empty()) refusal = std::move(why);
        XML_StopParser(parser, XML_FALSE);
    }
};

struct XmlParser::Callbacks {
    static void start(void* data, const XML_Char* name, const XML_Char** atts) {
        auto* s = static_cast<State*>(data);
        if (s->pending || !s->refusal.empty()) return;
        if (++s->depth > s->max_depth) {
            s->refuse("вложенность элементов глубже " + std::to_string(s->max_depth));
            return;
        }
        try {
            s->attributes.clear();
            for (const XML_Char** a = atts; *a; a += 2) {
                auto [ns, local] = split_name(a[0]);
                s->attributes.push_back({ns, local, a[1]});
            }
            auto [ns, local] = split_name(name);
            s->handler.start_element(ns, local, s->attributes);
        } catch (...) {
            s->pending = std::current_exception();
            XML_StopParser(s->parser, XML_FALSE);
        }
    }

    static void end(void* data, const XML_Char* name) {
        auto* s = static_cast<State*>(data);
        if (s->pending || !s->refusal.empty()) return;
        --s->depth;
        try {
            auto [ns, local] = split_name(name);
            s->handler.end_element(ns, local);
        } catch (...) {
            s->pending = std::current_exception();
            XML_StopParser(s->parser, XML_FALSE);
        }
    }

    static void text(void* data, const XML_Char* chars, int len) {
        auto* s = static_cast<State*>(data);
        if (s->pending || !s->refusal.empty()) return;
        try {
            s->handler.characters(std::string_view(chars, static_cast<std::size_t>(len)));
        } catch (...) {
            s->pending = std::current_exception();
            XML_StopParser(s->parser, XML_FALSE);
        }
    }

    static void doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
        static_cast<State*>(data)->refuse("объявление DTD (<!DOCTYPE>) не допускается");
    }

    static void entity(void* data, const XML_Char*, int, const XML_Char*, int, const XML_Char*, const XML_Char*,
                       const XML_Char*, const XML_Char*) {
        static_cast<State*>(data)->refuse("объявление сущности (<!ENTITY>) не допускается");
    }

    static int external_entity(XML_Parser, const XML_Char*, const XML_Char*, const XML_Char*, const XML_Char*) {
        return XML_STATUS_ERROR;  // never load anything from outside
    }
};

XmlParser::XmlParser(XmlHandler& handler, util::SourceLocation where, std::string part, std::uint32_t max_depth)
    : state_(std::make_unique<State>(handler, std::move(where), std::move(part), max_depth)) {
    state_->parser = XML_ParserCreateNS("UTF-8", namespace_separator);
    if (!state_->parser) throw util::InternalError("не удалось создать XML-парсер");
    XML_SetUserData(state_->parser, state_.get());
    XML_SetElementHandler(state_->parser, Callbacks::start, Callbacks::end);
    XML_SetCharacterDataHandler(state_->parser, Callbacks::text);
    XML_SetStartDoctypeDeclHandler(state_->parser, Callbacks::doctype);
    XML_SetEntityDeclHandler(state_->parser, Callbacks::entity);
    XML_SetExternalEntityRefHandler(state_->parser, Callbacks::external_entity);
    XML_SetParamEntityParsing(state_->parser, XML_PARAM_ENTITY_PARSING_NEVER);
}

XmlParser::~XmlParser() {
    if (state_->parser) XML_ParserFree(state_->parser);
}

void XmlParser::fail(const std::string& what) {
    auto line = XML_GetCurrentLineNumber(state_->parser);
    auto column = XML_GetCurrentColumnNumber(state_->parser);
    throw util::DataError(state_->where, "повреждённый XML в части " + state_->part + " (строка " +
                                             std::to_string(line) + ", позиция " + std::to_string(column) +
                                             "): " + what);
}

void XmlParser::feed(std::string_view chunk, bool last) {
    if (chunk.size() > static_cast<std::size_t>(INT32_MAX)) throw util::InternalError("XML chunk too large");
    auto status = XML_Parse(state_->parser, chunk.data(), static_cast<int>(chunk.size()), last ? XML_TRUE : XML_FALSE);
    if (state_->pending) std::rethrow_exception(state_->pending);
    if (!state_->refusal.empty()) fail(state_->refusal);
    if (status != XML_STATUS_OK) fail(XML_ErrorString(XML_GetErrorCode(state_->parser)));
}

}  // namespace monsite::ingest
