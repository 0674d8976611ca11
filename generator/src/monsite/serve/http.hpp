#pragma once
// The preview's web server (cpp-httplib; only this file knows it): serves the
// current build of a PreviewSite from memory at the site's base path, adds the
// reload script to every HTML page, streams "reload" events (server-sent
// events) to open pages when a newer build is published, and shows the error
// page while the build has errors.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "monsite/serve/preview.hpp"

namespace monsite::serve {

class PreviewServer {
public:
    // Binds `address`:`port` (port 0: a free one) and starts serving `site`,
    // which must outlive the server. `shipped_theme` is monsite's own default
    // theme (its preview/ folder holds the reload script and the error page).
    // Throws util::UsageError when the address cannot be bound (port taken).
    PreviewServer(const PreviewSite& site, const std::string& address, int port,
                  const std::filesystem::path& shipped_theme);
    ~PreviewServer();  // stop() and wait for the server's threads
    PreviewServer(const PreviewServer&) = delete;
    PreviewServer& operator=(const PreviewServer&) = delete;

    int port() const { return port_; }

    // Wakes open event streams: each checks whether a newer build exists.
    void notify();
    // Ends every event stream and stops accepting requests. Idempotent.
    void stop();

private:
    struct State;
    std::unique_ptr<State> state_;
    int port_ = 0;
};

// The Content-Type for a published file, by its extension.
std::string content_type(const std::string& path);

}  // namespace monsite::serve
