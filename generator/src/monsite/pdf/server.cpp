#include "monsite/pdf/server.hpp"

#include <httplib.h>

#include <thread>

#include "monsite/util/error.hpp"

namespace monsite::pdf {

struct LoopbackServer::State {
    httplib::Server server;
    std::thread thread;
};

LoopbackServer::LoopbackServer(const std::filesystem::path& site, const std::string& base_path)
    : state_(std::make_unique<State>()) {
    std::string mount = base_path;
    while (mount.size() > 1 && mount.back() == '/') mount.pop_back();
    if (mount.empty() || mount.front() != '/') mount.insert(0, "/");
    // Cacheable: the chart scripts are then compiled once for the whole batch (V8's code cache), not per page.
    if (!state_->server.set_mount_point(mount, site.string(), {{"Cache-Control", "max-age=3600"}}))
        throw util::InternalError("не удалось открыть папку сайта " + site.string());
    int port = state_->server.bind_to_any_port("127.0.0.1");
    if (port <= 0) throw util::InternalError("не удалось открыть порт на 127.0.0.1 для печати сайта");
    origin_ = "http://127.0.0.1:" + std::to_string(port);
    state_->thread = std::thread([this] { state_->server.listen_after_bind(); });
}

LoopbackServer::~LoopbackServer() {
    state_->server.stop();
    if (state_->thread.joinable()) state_->thread.join();
}

}  // namespace monsite::pdf
