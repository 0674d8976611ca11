#pragma once
// Headless Chromium driven over the DevTools protocol through
// --remote-debugging-pipe: the browser reads JSON commands on fd 3 and writes
// replies and events on fd 4, each message ended by a NUL byte. One Browser is
// one process, started once for a whole batch and ended by the destructor. A
// reader thread routes replies to their callers and events to per-session
// queues, so several pages (sessions) can be driven from several threads.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

namespace monsite::pdf {

// The browser to use: $MONSITE_CHROMIUM, else chromium (or chromium-browser) on
// PATH, else /usr/lib/chromium/chromium; nullopt when there is none.
std::optional<std::filesystem::path> find_chromium();

// The Russian message for a missing browser, with the command that installs it.
std::string chromium_missing_message();

class Browser {
public:
    // Starts the browser with a fresh profile in a temporary folder. Throws
    // util::InternalError when it cannot be started.
    explicit Browser(const std::filesystem::path& executable);
    ~Browser();  // closes the browser (Browser.close, then SIGKILL if it lingers) and removes the profile
    Browser(const Browser&) = delete;
    Browser& operator=(const Browser&) = delete;

    // Sends a command (to a page when `session` is not empty) and waits for its
    // result. Throws util::InternalError on a protocol error, a timeout or a dead browser.
    nlohmann::json call(const std::string& method, const nlohmann::json& params = nlohmann::json::object(),
                        const std::string& session = {},
                        std::chrono::milliseconds timeout = std::chrono::seconds(60));

    // Forgets the session's queued events (call before the command whose event you wait for).
    void clear_events(const std::string& session);
    // Waits for the next event `method` of `session` (earlier events of other
    // methods are dropped). Throws util::InternalError on timeout or a dead browser.
    nlohmann::json wait_event(const std::string& session, const std::string& method,
                              std::chrono::milliseconds timeout);

private:
    void read_loop();
    void send(const nlohmann::json& message);

    int pid_ = -1;
    int to_browser_ = -1;    // our end of the browser's fd 3
    int from_browser_ = -1;  // our end of the browser's fd 4
    std::filesystem::path profile_;
    std::thread reader_;
    std::mutex write_lock_;
    std::mutex lock_;  // guards everything below
    std::condition_variable events_changed_;
    std::int64_t next_id_ = 1;
    bool dead_ = false;
    std::map<std::int64_t, std::promise<nlohmann::json>> pending_;
    std::map<std::string, std::deque<nlohmann::json>> events_;
};

}  // namespace monsite::pdf
