#include "monsite/util/thread_pool.hpp"

#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace monsite::util {

void run_tasks(std::size_t tasks, unsigned workers, const std::function<void(unsigned worker, std::size_t task)>& run) {
    if (workers == 0) workers = 1;
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::mutex failure_lock;
    auto work = [&](unsigned worker) {
        try {
            for (std::size_t i; (i = next.fetch_add(1)) < tasks;) run(worker, i);
        } catch (...) {
            std::lock_guard lock(failure_lock);
            if (!failure) failure = std::current_exception();
            next = tasks;
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < workers; ++t) pool.emplace_back(work, t);
    work(0);
    for (auto& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);
}

}  // namespace monsite::util
