// ThreadPool: Python's ThreadPoolExecutor as a work-stealing pool (submit, map, shutdown).
#pragma once

#include <algorithm>
#include <cstddef>
#include <functional>
#include <iterator>
#include <memory>
#include <ranges>
#include <type_traits>
#include <utility>
#include <vector>

#include "boundwise/detail/map_job.hpp"
#include "boundwise/detail/task.hpp"
#include "boundwise/future.hpp"

namespace boundwise {

// Cores this process may use: the affinity mask, capped by the cgroup CPU
// quota (v2 cpu.max, v1 cfs_quota_us/cfs_period_us, rounded up); at least 1.
std::size_t default_workers();

namespace detail {
class Scheduler;
}

// A fixed set of worker threads with per-worker work-stealing deques and a
// shared queue for work submitted from outside. Tasks submitted from inside a
// task go to the submitting worker's own deque (LIFO for it, FIFO for
// thieves), which is what makes recursive fork-join cheap. A Future waited on
// from a worker runs other tasks meanwhile, so fork-join works even with a
// single worker.
class ThreadPool {
 public:
  explicit ThreadPool(std::size_t workers = default_workers());
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;
  // Waits for every accepted task (Python: `with` exit = shutdown(wait=True)).
  // Never destroy a pool from one of its own tasks.
  ~ThreadPool();

  // Runs f(args...) on a worker; args are decay-copied like std::thread's.
  // The future carries the result or the exception f threw. Throws
  // std::runtime_error once shutdown() has been called (tasks already
  // running on this pool may still submit while it drains).
  template <class F, class... Args>
  auto submit(F&& f, Args&&... args)
      -> Future<std::invoke_result_t<std::decay_t<F>, std::decay_t<Args>...>> {
    using R = std::invoke_result_t<std::decay_t<F>, std::decay_t<Args>...>;
    auto* task = new detail::SubmitTask<R, std::decay_t<F>, std::decay_t<Args>...>(
        std::forward<F>(f), std::forward<Args>(args)...);
    Future<R> future = detail::FutureAccess::make<R>(task);
    enqueue(task);
    return future;
  }

  // Python: list(executor.map(f, items)). Calls f on every item in parallel
  // and returns the results in input order (void if f returns void). Items
  // are handed out in chunks of `chunksize` (0: about 8 chunks per worker);
  // the calling thread takes chunks too, in place of one worker (so a pool
  // of one runs map on the caller). Pass a lambda rather than a function
  // pointer so the per-item call can be inlined.
  // If calls throw, every started chunk is allowed to settle and then the
  // exception of the lowest-index failing item is rethrown. The items must
  // stay alive and unmodified until map returns.
  template <class F, class Range>
  auto map(F&& f, Range&& items, std::size_t chunksize = 0) {
    static_assert(std::ranges::forward_range<Range>, "map needs a forward range (it walks items once to index them)");
    using R = std::remove_cvref_t<std::invoke_result_t<F&, std::ranges::range_reference_t<Range>>>;
    if constexpr (std::ranges::random_access_range<Range> && std::ranges::sized_range<Range>) {
      return run_map<R>(f, std::ranges::begin(items), static_cast<std::size_t>(std::ranges::size(items)),
                        chunksize);
    } else {
      std::vector<std::ranges::iterator_t<Range>> its;
      for (auto it = std::ranges::begin(items); it != std::ranges::end(items); ++it) its.push_back(it);
      auto call = [&f](const std::ranges::iterator_t<Range>& it) -> decltype(auto) { return std::invoke(f, *it); };
      return run_map<R>(call, its.begin(), its.size(), chunksize);
    }
  }

  // Python: shutdown(wait, cancel_futures). Stops accepting work; with
  // cancel_pending, cancels every task that has not started (their futures
  // raise CancelledError). With wait, blocks until all workers exited. Safe
  // to call more than once and from several threads.
  void shutdown(bool wait = true, bool cancel_pending = false);

  std::size_t size() const noexcept;

 private:
  void enqueue(detail::TaskNode* task);
  bool on_worker_thread() const noexcept;

  template <class R, class F, class It>
  auto run_map(F& f, It first, std::size_t n, std::size_t chunksize) {
    const std::size_t workers = size();
    if (chunksize == 0) chunksize = std::max<std::size_t>(1, (n + workers * 8 - 1) / (workers * 8));
    detail::MapJob<R, F, It> job(f, first, n, chunksize);
    // The caller works on chunks too (as oneTBB's parallel_for does): the
    // first chunk starts without waiting for a parked worker to wake, and map
    // still progresses when every worker is busy. It takes one worker's
    // place, so a pool of n runs map on n threads and does not oversubscribe
    // the n cores it was sized for.
    const std::size_t helpers = job.chunks() == 0 ? 0 : std::min(job.chunks() - 1, workers - 1);
    std::vector<Future<void>> running;
    running.reserve(helpers);
    try {
      for (std::size_t i = 0; i < helpers; ++i) running.push_back(submit([&job] { job.work(); }));
    } catch (...) {  // shut down under us: let submitted helpers finish before `job` dies
      for (auto& h : running) h.wait();
      throw;
    }
    job.work();
    for (auto& h : running) {
      // Every chunk is claimed once our own work() returned: a helper that
      // has not started has nothing left to do.
      if (!h.cancel()) h.wait();
    }
    return job.take();
  }

  std::unique_ptr<detail::Scheduler> scheduler_;
};

}  // namespace boundwise
