#pragma once
// Running a fixed list of independent tasks on a few threads.

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <vector>

namespace monsite::util {

// Runs run(worker, task) for every task in 0..tasks-1 on `workers` threads
// (worker 0 is the calling thread; at least one). Tasks are taken in order;
// each worker may keep its own state indexed by `worker`. The first exception
// stops the remaining tasks and is rethrown here once every thread has ended.
void run_tasks(std::size_t tasks, unsigned workers, const std::function<void(unsigned worker, std::size_t task)>& run);

// Runs make(worker, task) for every task as run_tasks does and hands each result
// to deliver(result) in task order, one call at a time, as soon as it and every
// earlier task's result are made, whichever thread made it: the order of
// delivery is the same for any number of workers. A worker starts no task more
// than `window` tasks after the first one not yet delivered, so at most `window`
// results wait in memory, whatever the number of tasks. An exception from make
// or deliver stops the rest and is rethrown here; nothing is delivered after it.
template <class Result>
void run_tasks_ordered(std::size_t tasks, unsigned workers, std::size_t window,
                       const std::function<Result(unsigned worker, std::size_t task)>& make,
                       const std::function<void(Result&& result)>& deliver) {
    if (window == 0) window = 1;
    std::mutex lock;
    std::condition_variable room;          // signalled when results are delivered, or on failure
    std::vector<std::optional<Result>> waiting(window);  // results by task % window
    std::size_t next = 0;                  // the first task not yet delivered
    bool failed = false;
    run_tasks(tasks, workers, [&](unsigned worker, std::size_t task) {
        {
            std::unique_lock guard(lock);
            room.wait(guard, [&] { return failed || task < next + window; });
            if (failed) return;
        }
        Result result;
        try {
            result = make(worker, task);
        } catch (...) {
            std::lock_guard guard(lock);
            failed = true;
            room.notify_all();
            throw;
        }
        std::lock_guard guard(lock);
        if (failed) return;
        waiting[task % window] = std::move(result);
        try {
            for (; next < tasks && waiting[next % window]; ++next) {
                Result ready = std::move(*waiting[next % window]);
                waiting[next % window].reset();
                deliver(std::move(ready));
            }
        } catch (...) {
            failed = true;
            room.notify_all();
            throw;
        }
        room.notify_all();
    });
}

}  // namespace monsite::util
