#pragma once
// `monsite serve`: builds the site into memory, serves it (http.hpp), watches
// its inputs (watch.hpp) and rebuilds and reloads open pages on every change,
// until SIGINT or SIGTERM. Writes no file of the site anywhere.

#include <functional>
#include <string>
#include <string_view>

#include "monsite/site/pipeline.hpp"

namespace monsite::serve {

struct ServeOptions : site::PipelineOptions {
    std::string address = "127.0.0.1";  // loopback: the preview is not on the network unless asked
    int port = 8080;                     // 0: any free port (the address line says which)
    int poll_ms = 300;                   // how often the inputs are looked at
    std::function<void(std::string_view line)> on_line;   // the address, each rebuild (stdout)
    std::function<void(std::string_view line)> on_error;  // each error and warning of a build (stderr)
};

// Runs until a signal asks to stop; returns normally then (exit status 0).
// Throws util::UsageError when the address cannot be bound or monsite's own
// files are not found.
void serve(const ServeOptions& options);

}  // namespace monsite::serve
