// Stand-in for <boundwise/process_pool.hpp> used by the held-out
// nonserializable-process-argument fixtures.
//
// The real header refuses most of what that check reports (capturing lambdas,
// std::function, pointers, mutexes...) with static_asserts when submit/map is
// instantiated, so fixtures that show those mistakes would not compile against
// it. This header declares the same public API (same names, same namespace,
// same parameter shapes) with no constraints and trivial bodies (they terminate; nothing here is meant to run), so the
// fixtures compile with -fsyntax-only and the check sees ordinary calls to
// boundwise::ProcessPool::submit / map and boundwise::run_in_process.
//
// Do not include it together with <boundwise/process_pool.hpp> or
// <boundwise/async.hpp> (which includes the real process pool).
#pragma once

#include <cstddef>
#include <exception>
#include <type_traits>
#include <vector>
#include <ranges>

#include <boundwise/future.hpp>
#include <boundwise/thread_pool.hpp>
#include <boundwise/detail/async_task.hpp>  // boundwise::Task

namespace boundwise {

namespace holdout_detail {
template <class F, class... A>
struct result {
  using type = int;
};
template <class F, class... A>
  requires std::is_invocable_v<std::decay_t<F>&, std::decay_t<A>&...>
struct result<F, A...> {
  using type = std::decay_t<std::invoke_result_t<std::decay_t<F>&, std::decay_t<A>&...>>;
};
template <class F, class... A>
using result_t = typename result<F, A...>::type;
}  // namespace holdout_detail

class ProcessPool {
 public:
  explicit ProcessPool(std::size_t workers = 0, std::size_t max_tasks_per_child = 0);
  ProcessPool(const ProcessPool&) = delete;
  ProcessPool& operator=(const ProcessPool&) = delete;
  ~ProcessPool();

  template <class F, class... Args>
  auto submit(F&& f, Args&&... args) -> Future<holdout_detail::result_t<F, Args...>> {
    std::terminate();
  }

  template <class F, std::ranges::forward_range Items>
  auto map(F&& f, const Items& items, std::size_t chunksize = 0)
      -> std::vector<holdout_detail::result_t<F, std::ranges::range_reference_t<const Items&>>> {
    std::terminate();
  }

  void shutdown(bool wait = true, bool cancel_pending = false);
  std::size_t size() const noexcept;
};

ProcessPool& default_process_pool();

template <class F, class... A>
auto run_in_process(F f, A... args) -> Task<holdout_detail::result_t<F, A...>> {
  std::terminate();
}

template <class F, class... A>
auto run_in_process_on(ProcessPool& pool, F f, A... args) -> Task<holdout_detail::result_t<F, A...>> {
  std::terminate();
}

}  // namespace boundwise
