#include "monsite/serve/http.hpp"

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "monsite/config/i18n.hpp"
#include "monsite/render/preview.hpp"
#include "monsite/render/template.hpp"
#include "monsite/site/sources.hpp"
#include "monsite/util/error.hpp"
#include "monsite/util/language.hpp"

namespace monsite::serve {
namespace {

bool ends_with(const std::string& s, std::string_view tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// "/monitoring/schools/" below base "/monitoring/" -> "schools/index.html"; false when outside the base.
bool site_file(const std::string& request_path, const std::string& base, std::string& file) {
    std::string prefix = base.empty() ? "/" : base;
    if (prefix.back() != '/') prefix += '/';
    if (request_path.rfind(prefix, 0) != 0) return false;
    file = request_path.substr(prefix.size());
    if (file.empty() || file.back() == '/') file += "index.html";
    return true;
}

}  // namespace

std::string content_type(const std::string& path) {
    static const std::pair<std::string_view, std::string_view> types[] = {
        {".html", "text/html; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".json", "application/json"},
        {".csv", "text/csv; charset=utf-8"},
        {".xml", "application/xml"},
        {".txt", "text/plain; charset=utf-8"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".ico", "image/x-icon"},
        {".webmanifest", "application/manifest+json"},
        {".pdf", "application/pdf"},
        {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    };
    for (const auto& [ext, type] : types)
        if (ends_with(path, ext)) return std::string(type);
    return "application/octet-stream";
}

struct PreviewServer::State {
    const PreviewSite& site;
    httplib::Server server;
    std::thread thread;
    render::Templates error_templates;
    std::string reload_script;
    std::mutex lock;
    std::condition_variable changed;
    std::uint64_t wakeups = 0;
    bool stopping = false;

    State(const PreviewSite& s, render::Templates t, std::string script)
        : site(s), error_templates(std::move(t)), reload_script(std::move(script)) {}

    void answer(const httplib::Request& request, httplib::Response& response);
    void events(const httplib::Request& request, httplib::Response& response);
    std::string error_page(const Build& build);
};

std::string PreviewServer::State::error_page(const Build& build) {
    auto language = util::parse_language(build.language).value_or(util::Language::ru);
    std::lock_guard guard(lock);  // a Templates is not for concurrent use
    return render::preview_error_page(error_templates, config::builtin_texts(language), build.errors, build.warnings,
                                      build.generation);
}

void PreviewServer::State::answer(const httplib::Request& request, httplib::Response& response) {
    response.set_header("Cache-Control", "no-store");
    auto build = site.current();
    if (!build) {
        response.status = 503;
        response.set_content("monsite: building", "text/plain; charset=utf-8");
        return;
    }
    if (!build->files) {
        // Every page of the site is the error page while the build fails: whatever is open shows it.
        response.status = 500;
        response.set_content(error_page(*build), "text/html; charset=utf-8");
        return;
    }
    std::string file;
    if (!site_file(request.path, build->base_url, file)) {
        if (request.path == "/") return response.set_redirect(build->base_url);
        file = "404.html";
        response.status = 404;
    }
    const std::string* bytes = build->files->find(file);
    if (!bytes && build->files->find(file + "/index.html")) return response.set_redirect(request.path + "/");
    if (!bytes) {
        response.status = 404;
        file = "404.html";
        bytes = build->files->find(file);
        if (!bytes) return response.set_content("404", "text/plain; charset=utf-8");
    }
    if (ends_with(file, ".html"))
        response.set_content(render::with_reload_script(*bytes, build->generation), content_type(file));
    else
        response.set_content(*bytes, content_type(file));
}

void PreviewServer::State::events(const httplib::Request& request, httplib::Response& response) {
    std::uint64_t since = 0;
    if (request.has_param("since")) {
        try {
            since = std::stoull(request.get_param_value("since"));
        } catch (const std::exception&) {
            since = 0;
        }
    }
    response.set_header("Cache-Control", "no-store");
    response.set_chunked_content_provider("text/event-stream", [this, since](std::size_t, httplib::DataSink& sink) {
        std::unique_lock guard(lock);
        for (;;) {
            if (stopping) return false;
            auto build = site.current();
            if (build && build->generation > since) {
                guard.unlock();
                const std::string event = "event: reload\ndata: " + std::to_string(build->generation) + "\n\n";
                sink.write(event.data(), event.size());
                sink.done();
                return true;
            }
            const auto seen = wakeups;
            // A comment every 15 s keeps proxies from closing the stream, and finds closed tabs.
            if (!changed.wait_for(guard, std::chrono::seconds(15), [&] { return stopping || wakeups != seen; })) {
                guard.unlock();
                if (!sink.write(": ping\n\n", 8)) return false;
                guard.lock();
            }
        }
    });
}

PreviewServer::PreviewServer(const PreviewSite& site, const std::string& address, int port,
                             const std::filesystem::path& shipped_theme) {
    const auto folder = shipped_theme / "preview";
    state_ = std::make_unique<State>(site, render::Templates::load({folder}),
                                     site::read_bytes(folder / "reload.js"));
    auto& server = state_->server;
    // Each open page holds a thread for its event stream.
    server.new_task_queue = [] { return new httplib::ThreadPool(32); };
    State* state = state_.get();
    server.Get("/__monsite/reload.js", [state](const httplib::Request&, httplib::Response& response) {
        response.set_header("Cache-Control", "no-store");
        response.set_content(state->reload_script, "text/javascript; charset=utf-8");
    });
    server.Get("/__monsite/events",
               [state](const httplib::Request& request, httplib::Response& response) { state->events(request, response); });
    server.Get(R"(/.*)",
               [state](const httplib::Request& request, httplib::Response& response) { state->answer(request, response); });
    if (port == 0) {
        port_ = server.bind_to_any_port(address);
    } else {
        port_ = server.bind_to_port(address, port) ? port : -1;
    }
    if (port_ <= 0)
        throw util::UsageError("не удалось открыть адрес " + address + ":" + std::to_string(port) +
                               " (порт занят другой программой или адрес не принадлежит этой машине); укажите другой "
                               "--port или --bind");
    state_->thread = std::thread([state] { state->server.listen_after_bind(); });
}

PreviewServer::~PreviewServer() {
    stop();
    if (state_->thread.joinable()) state_->thread.join();
}

void PreviewServer::notify() {
    {
        std::lock_guard guard(state_->lock);
        ++state_->wakeups;
    }
    state_->changed.notify_all();
}

void PreviewServer::stop() {
    {
        std::lock_guard guard(state_->lock);
        state_->stopping = true;
    }
    state_->changed.notify_all();
    state_->server.stop();
}

}  // namespace monsite::serve
