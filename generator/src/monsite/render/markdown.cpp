#include "monsite/render/markdown.hpp"
#include "monsite/util/messages.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <memory>
#include <mutex>

#include "monsite/util/error.hpp"

namespace monsite::render {
namespace {

struct ParserDeleter {
    void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
    void operator()(cmark_node* n) const { cmark_node_free(n); }
};

std::once_flag extensions_registered;

// Text of a heading node (its literal descendants).
std::string plain_text(cmark_node* node) {
    std::string text;
    cmark_iter* iter = cmark_iter_new(node);
    for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
        cmark_node* cur = cmark_iter_get_node(iter);
        if (ev == CMARK_EVENT_ENTER && (cmark_node_get_type(cur) == CMARK_NODE_TEXT ||
                                        cmark_node_get_type(cur) == CMARK_NODE_CODE))
            if (const char* literal = cmark_node_get_literal(cur)) text += literal;
    }
    cmark_iter_free(iter);
    return text;
}

}  // namespace

MarkdownPage markdown_to_html(std::string_view markdown, bool take_title) {
    std::call_once(extensions_registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
    const int options = CMARK_OPT_DEFAULT | CMARK_OPT_SMART;  // safe: no raw HTML, no dangerous links
    std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(options));
    if (!parser) throw util::InternalError(util::messages::cmark_parser);
    for (const char* name : {"table", "autolink", "strikethrough"})
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser.get(), ext);
    cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
    std::unique_ptr<cmark_node, NodeDeleter> document(cmark_parser_finish(parser.get()));

    MarkdownPage page;
    for (cmark_node* child = take_title ? cmark_node_first_child(document.get()) : nullptr; child;
         child = cmark_node_next(child)) {
        if (cmark_node_get_type(child) == CMARK_NODE_HEADING && cmark_node_get_heading_level(child) == 1) {
            page.title = plain_text(child);
            cmark_node_unlink(child);
            cmark_node_free(child);
            break;
        }
    }
    char* html = cmark_render_html(document.get(), options, cmark_parser_get_syntax_extensions(parser.get()));
    page.html = html;
    std::free(html);
    return page;
}

}  // namespace monsite::render
