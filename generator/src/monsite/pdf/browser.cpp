#include "monsite/pdf/browser.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "monsite/util/error.hpp"

extern char** environ;

namespace monsite::pdf {
namespace {

using util::InternalError;

bool executable(const std::filesystem::path& p) {
    std::error_code ec;
    return std::filesystem::is_regular_file(p, ec) && ::access(p.c_str(), X_OK) == 0;
}

// Moves a descriptor to 10 or above, close-on-exec, so that dup2 onto 3 and 4 never meets itself.
int high_fd(int fd) {
    int moved = ::fcntl(fd, F_DUPFD_CLOEXEC, 10);
    ::close(fd);
    if (moved < 0) throw InternalError(std::string("не удалось создать канал для chromium: ") + std::strerror(errno));
    return moved;
}

}  // namespace

std::optional<std::filesystem::path> find_chromium() {
    if (const char* env = std::getenv("MONSITE_CHROMIUM"); env && *env) {
        if (executable(env)) return std::filesystem::path(env);
        return std::nullopt;
    }
    if (const char* path = std::getenv("PATH")) {
        std::string all = path;
        for (const char* name : {"chromium", "chromium-browser"}) {
            std::size_t start = 0;
            while (start <= all.size()) {
                std::size_t end = all.find(':', start);
                if (end == std::string::npos) end = all.size();
                std::filesystem::path candidate = std::filesystem::path(all.substr(start, end - start)) / name;
                if (end > start && executable(candidate)) return candidate;
                start = end + 1;
            }
        }
    }
    if (executable("/usr/lib/chromium/chromium")) return std::filesystem::path("/usr/lib/chromium/chromium");
    return std::nullopt;
}

std::string chromium_missing_message() {
    std::string text = "не найден браузер chromium, нужный для печати PDF";
    if (const char* env = std::getenv("MONSITE_CHROMIUM"); env && *env)
        text += " (MONSITE_CHROMIUM=" + std::string(env) + " — не исполняемый файл)";
    return text + ". Установите его: sudo apt-get install chromium (Debian 12) или укажите путь к нему в "
                  "переменной MONSITE_CHROMIUM.";
}

Browser::Browser(const std::filesystem::path& executable_path) {
    // A browser that dies mid-batch must not kill monsite with SIGPIPE on the next
    // write: the write fails instead, and the page is reported.
    ::signal(SIGPIPE, SIG_IGN);
    std::error_code ec;
    std::string pattern = (std::filesystem::temp_directory_path(ec) / "monsite-chromium-XXXXXX").string();
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    if (!::mkdtemp(buffer.data()))
        throw InternalError(std::string("не удалось создать временную папку для chromium: ") + std::strerror(errno));
    profile_ = buffer.data();

    int in[2], out[2];  // in: we write, the browser reads (fd 3); out: the browser writes (fd 4)
    if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0)
        throw InternalError(std::string("не удалось создать канал для chromium: ") + std::strerror(errno));
    int child_in = high_fd(in[0]), child_out = high_fd(out[1]);
    to_browser_ = high_fd(in[1]);
    from_browser_ = high_fd(out[0]);

    std::vector<std::string> args = {
        executable_path.string(), "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-dev-shm-usage",
        "--hide-scrollbars", "--mute-audio", "--remote-debugging-pipe", "--user-data-dir=" + profile_.string(),
        "about:blank"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, child_in, 3);
    posix_spawn_file_actions_adddup2(&actions, child_out, 4);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = -1;
    int rc = ::posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(child_in);
    ::close(child_out);
    if (rc != 0) {
        ::close(to_browser_);
        ::close(from_browser_);
        std::filesystem::remove_all(profile_, ec);
        throw InternalError("не удалось запустить " + executable_path.string() + ": " + std::strerror(rc));
    }
    pid_ = pid;
    reader_ = std::thread([this] { read_loop(); });
}

Browser::~Browser() {
    try {
        call("Browser.close", nlohmann::json::object(), {}, std::chrono::seconds(5));
    } catch (...) {
    }
    if (to_browser_ >= 0) ::close(to_browser_);
    // The browser closes its end when it exits, which ends the reader; a browser
    // that lingers is killed after a few seconds.
    bool exited = false;
    for (int i = 0; i < 100 && !exited; ++i) {
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) exited = true;
        else ::usleep(50000);
    }
    if (!exited) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
    }
    if (reader_.joinable()) reader_.join();
    if (from_browser_ >= 0) ::close(from_browser_);
    std::error_code ec;
    std::filesystem::remove_all(profile_, ec);
}

void Browser::send(const nlohmann::json& message) {
    std::string bytes = message.dump();
    bytes.push_back('\0');
    std::lock_guard guard(write_lock_);
    std::size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(to_browser_, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) throw InternalError("chromium закрыл канал управления (браузер завершился?)");
        done += static_cast<std::size_t>(n);
    }
}

void Browser::read_loop() {
    std::string buffer;
    char chunk[1 << 16];
    for (;;) {
        ssize_t n = ::read(from_browser_, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        buffer.append(chunk, static_cast<std::size_t>(n));
        std::size_t start = 0;
        for (std::size_t end; (end = buffer.find('\0', start)) != std::string::npos; start = end + 1) {
            nlohmann::json message = nlohmann::json::parse(buffer.begin() + static_cast<std::ptrdiff_t>(start),
                                                           buffer.begin() + static_cast<std::ptrdiff_t>(end),
                                                           nullptr, false);
            if (message.is_discarded()) continue;
            std::lock_guard guard(lock_);
            if (message.contains("id")) {
                auto it = pending_.find(message["id"].get<std::int64_t>());
                if (it != pending_.end()) {
                    it->second.set_value(std::move(message));
                    pending_.erase(it);
                }
            } else if (message.contains("method")) {
                std::string session = message.value("sessionId", "");
                events_[session].push_back(std::move(message));
                events_changed_.notify_all();
            }
        }
        buffer.erase(0, start);
    }
    std::lock_guard guard(lock_);
    dead_ = true;
    for (auto& [id, promise] : pending_)
        promise.set_exception(std::make_exception_ptr(InternalError("chromium завершился во время печати")));
    pending_.clear();
    events_changed_.notify_all();
}

nlohmann::json Browser::call(const std::string& method, const nlohmann::json& params, const std::string& session,
                             std::chrono::milliseconds timeout) {
    std::future<nlohmann::json> reply;
    nlohmann::json message = {{"method", method}, {"params", params}};
    std::int64_t id;
    {
        std::lock_guard guard(lock_);
        if (dead_) throw InternalError("chromium завершился во время печати");
        id = next_id_++;
        reply = pending_[id].get_future();
    }
    message["id"] = id;
    if (!session.empty()) message["sessionId"] = session;
    send(message);
    if (reply.wait_for(timeout) != std::future_status::ready) {
        std::lock_guard guard(lock_);
        pending_.erase(id);
        throw InternalError("chromium не ответил на " + method + " за " + std::to_string(timeout.count() / 1000) + " с");
    }
    nlohmann::json answer = reply.get();
    if (answer.contains("error"))
        throw InternalError("chromium: " + method + ": " + answer["error"].value("message", answer["error"].dump()));
    return answer.value("result", nlohmann::json::object());
}

void Browser::clear_events(const std::string& session) {
    std::lock_guard guard(lock_);
    events_[session].clear();
}

nlohmann::json Browser::wait_event(const std::string& session, const std::string& method,
                                   std::chrono::milliseconds timeout) {
    std::unique_lock guard(lock_);
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        auto& queue = events_[session];
        while (!queue.empty()) {
            nlohmann::json event = std::move(queue.front());
            queue.pop_front();
            if (event.value("method", "") == method) return event.value("params", nlohmann::json::object());
        }
        if (dead_) throw InternalError("chromium завершился во время печати");
        if (events_changed_.wait_until(guard, deadline) == std::cv_status::timeout && events_[session].empty())
            throw InternalError("chromium: нет события " + method + " за " +
                                std::to_string(timeout.count() / 1000) + " с");
    }
}

}  // namespace monsite::pdf
