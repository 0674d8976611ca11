#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "monsite/util/thread_pool.hpp"

using namespace monsite;

TEST_CASE("run_tasks_ordered delivers every result in task order, for any number of workers") {
    for (unsigned workers : {1u, 2u, 4u}) {
        for (std::size_t window : {std::size_t{1}, std::size_t{3}, std::size_t{64}}) {
            INFO("workers ", workers, ", window ", window);
            std::vector<std::size_t> delivered;
            util::run_tasks_ordered<std::size_t>(
                200, workers, window,
                [](unsigned, std::size_t task) {
                    // Uneven work, so that later tasks often finish first.
                    if (task % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(300));
                    return task * 10;
                },
                [&](std::size_t&& result) { delivered.push_back(result); });
            REQUIRE(delivered.size() == 200);
            for (std::size_t i = 0; i < delivered.size(); ++i) CHECK(delivered[i] == i * 10);
        }
    }
}

TEST_CASE("run_tasks_ordered holds at most `window` results: no task starts further ahead") {
    std::atomic<std::size_t> delivered{0};
    std::atomic<std::size_t> worst{0};  // the largest task index started minus the results delivered then
    util::run_tasks_ordered<int>(
        300, 4, 5,
        [&](unsigned, std::size_t task) {
            const std::size_t ahead = task - std::min(task, delivered.load());
            for (std::size_t w = worst.load(); ahead > w && !worst.compare_exchange_weak(w, ahead);) {}
            if (task % 50 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));  // a slow one holds the rest
            return 0;
        },
        [&](int&&) { ++delivered; });
    CHECK(delivered == 300);
    CHECK(worst.load() < 5);
}

TEST_CASE("run_tasks_ordered stops at the first exception and delivers nothing after it") {
    std::vector<std::size_t> delivered;
    auto run = [&](bool throw_in_deliver) {
        delivered.clear();
        util::run_tasks_ordered<std::size_t>(
            100, 2, 8,
            [&](unsigned, std::size_t task) {
                if (!throw_in_deliver && task == 40) throw std::runtime_error("make failed");
                return task;
            },
            [&](std::size_t&& task) {
                if (throw_in_deliver && task == 40) throw std::runtime_error("deliver failed");
                delivered.push_back(task);
            });
    };
    CHECK_THROWS_WITH(run(false), "make failed");
    CHECK(delivered.size() <= 40);
    for (std::size_t i = 0; i < delivered.size(); ++i) CHECK(delivered[i] == i);
    CHECK_THROWS_WITH(run(true), "deliver failed");
    CHECK(delivered.size() == 40);
}
