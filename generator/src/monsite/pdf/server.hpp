#pragma once
// A static file server on 127.0.0.1 (a free port), serving a built site at its
// base path so that the site's absolute links work while it is printed. Only
// this file knows cpp-httplib.

#include <filesystem>
#include <memory>
#include <string>

namespace monsite::pdf {

class LoopbackServer {
public:
    // Serves `site` at `base_path` ("/" or "/monitoring/"). Throws util::InternalError
    // when no port can be bound.
    LoopbackServer(const std::filesystem::path& site, const std::string& base_path);
    ~LoopbackServer();  // stops serving
    LoopbackServer(const LoopbackServer&) = delete;
    LoopbackServer& operator=(const LoopbackServer&) = delete;

    // "http://127.0.0.1:PORT" (no trailing slash).
    const std::string& origin() const { return origin_; }

private:
    struct State;
    std::unique_ptr<State> state_;
    std::string origin_;
};

}  // namespace monsite::pdf
