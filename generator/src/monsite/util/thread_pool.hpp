#pragma once
// Running a fixed list of independent tasks on a few threads.

#include <cstddef>
#include <functional>

namespace monsite::util {

// Runs run(worker, task) for every task in 0..tasks-1 on `workers` threads
// (worker 0 is the calling thread; at least one). Tasks are taken in order;
// each worker may keep its own state indexed by `worker`. The first exception
// stops the remaining tasks and is rethrown here once every thread has ended.
void run_tasks(std::size_t tasks, unsigned workers, const std::function<void(unsigned worker, std::size_t task)>& run);

}  // namespace monsite::util
