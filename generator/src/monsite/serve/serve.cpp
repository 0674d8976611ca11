#include "monsite/serve/serve.hpp"

#include <pthread.h>
#include <signal.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <ctime>

#include "monsite/serve/http.hpp"
#include "monsite/serve/preview.hpp"
#include "monsite/serve/watch.hpp"
#include "monsite/site/resources.hpp"
#include "monsite/site/sources.hpp"

namespace monsite::serve {
namespace {

namespace fs = std::filesystem;

std::string seconds_text(double s) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", s);
    std::string out = text;
    if (auto dot = out.find('.'); dot != std::string::npos) out[dot] = ',';
    return out + " с";
}

void report(const ServeOptions& options, const Build& build, const Difference* why) {
    std::string line = "monsite: ";
    if (why && !why->files.empty()) {
        line += "изменено: " + why->files.front();
        if (why->files.size() > 1) line += " и ещё " + std::to_string(why->files.size() - 1);
        line += "; ";
    }
    if (build.files) {
        line += "собрано за " + seconds_text(build.seconds) + " (";
        for (std::size_t i = 0; i < build.stages.size(); ++i) line += (i ? ", " : "") + build.stages[i];
        line += "), файлов: " + std::to_string(build.files->files().size());
        if (!build.warnings.empty()) line += ", предупреждений: " + std::to_string(build.warnings.size());
    } else {
        line += "сайт не собран, ошибок: " + std::to_string(build.errors.size()) + " (они показаны и в браузере)";
    }
    if (options.on_error) {
        for (const auto& e : build.errors) options.on_error(e);
        // Warnings of the data once, when it was read; the count stays on every line.
        if (std::find(build.stages.begin(), build.stages.end(), "данные") != build.stages.end())
            for (const auto& w : build.warnings) options.on_error(w);
    }
    if (options.on_line) options.on_line(line);
}

// Waits until the inputs stop changing (an editor or a copy may write a file in several steps).
Snapshot settled(const std::vector<WatchRoot>& roots, Snapshot now) {
    for (int i = 0; i < 10; ++i) {
        const timespec pause{0, 150'000'000};
        nanosleep(&pause, nullptr);
        Snapshot again = take_snapshot(roots);
        if (again == now) break;
        now = std::move(again);
    }
    return now;
}

}  // namespace

void serve(const ServeOptions& options) {
    // SIGINT and SIGTERM are taken by the watch loop below (sigtimedwait), never
    // by a handler: blocked here, before any thread starts, so that every thread
    // (the server's, the build's) inherits the mask.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    const site::Resources resources = site::find_resources();
    PreviewSite preview(options);
    auto build = preview.rebuild(Change::config);
    report(options, *build, nullptr);

    PreviewServer server(preview, options.address, options.port, resources.default_theme());
    const std::string host = options.address == "0.0.0.0" ? "127.0.0.1" : options.address;
    if (options.on_line) {
        options.on_line("monsite: предпросмотр: http://" + host + ":" + std::to_string(server.port()) + build->base_url +
                        " (Ctrl+C — остановить)");
        if (options.address != "127.0.0.1" && options.address != "localhost")
            options.on_line("monsite: внимание: адрес " + options.address +
                            " открыт не только этой машине; предпросмотр виден в сети");
    }

    const fs::path config_file = options.config_file ? *options.config_file : fs::path();
    auto roots = site_roots(options.data_dir, config_file, site::site_root(options.data_dir), resources.root);
    Snapshot snapshot = take_snapshot(roots);
    const timespec poll{options.poll_ms / 1000, static_cast<long>(options.poll_ms % 1000) * 1'000'000L};
    for (;;) {
        siginfo_t info;
        if (sigtimedwait(&stop_signals, &info, &poll) > 0) break;
        Snapshot now = take_snapshot(roots);
        if (now == snapshot) continue;
        now = settled(roots, std::move(now));
        Difference difference = compare(snapshot, now);
        snapshot = std::move(now);
        if (difference.change == Change::none) continue;
        build = preview.rebuild(difference.change);
        if (difference.change == Change::config) {
            // New year folders or .toml files: the set of watched roots changes too.
            roots = site_roots(options.data_dir, config_file, site::site_root(options.data_dir), resources.root);
            snapshot = take_snapshot(roots);
        }
        report(options, *build, &difference);
        server.notify();
    }
    server.stop();
    if (options.on_line) options.on_line("monsite: предпросмотр остановлен");
}

}  // namespace monsite::serve
