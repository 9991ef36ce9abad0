// ProcessPool: Python's ProcessPoolExecutor for C++ — run plain functions in re-executed worker processes.
//
//   boundwise::ProcessPool pool;                       // default_workers() processes
//   auto f = pool.submit(count_words, std::string(text));
//   std::vector<int> lens = pool.map(+[](const std::string& s) { return int(s.size()); }, names);
//
// Workers are this same program started again through /proc/self/exe (never
// fork), so a parent that already runs threads is safe. Tasks are plain
// functions or capture-less lambdas; arguments and results travel through
// <boundwise/codec.hpp>. A worker that dies fails only the task it was running
// (WorkerCrashed) and is replaced; an exception thrown by a task comes back as
// RemoteError. See docs/runtime.md ("ProcessPool") for the full contract.
#pragma once

#include <sys/types.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <ranges>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "boundwise/codec.hpp"
#include "boundwise/detail/process_protocol.hpp"
#include "boundwise/detail/process_task.hpp"
#include "boundwise/future.hpp"

namespace boundwise {

// A task threw. Carries the exception's dynamic type (demangled) and what()
// as seen in the worker; the original object cannot cross the process gap.
class RemoteError : public std::runtime_error {
 public:
  RemoteError(std::string type_name, std::string remote_what);
  const std::string& type_name() const noexcept { return type_name_; }
  const std::string& remote_what() const noexcept { return remote_what_; }

 private:
  std::string type_name_;
  std::string remote_what_;
};

// The worker process running the task died (signal, abort, _exit, SIGKILL,
// or could not be started). Only that task fails; the pool replaces the worker.
class WorkerCrashed : public std::runtime_error {
 public:
  WorkerCrashed(pid_t pid, int signal, int exit_status, const std::string& detail = {});
  pid_t pid() const noexcept { return pid_; }
  // The terminating signal, or 0 if the worker exited.
  int signal() const noexcept { return signal_; }
  // The exit status, or -1 if a signal killed the worker.
  int exit_status() const noexcept { return exit_status_; }

 private:
  pid_t pid_;
  int signal_;
  int exit_status_;
};

// True when ProcessPool::submit(f, args...) accepts F as a task's code: a
// plain function, function pointer or capture-less lambda. Capturing lambdas,
// std::function and member pointers are refused.
template <class F, class... Args>
concept ProcessCallable = detail::is_process_callable<F, Args...>();

namespace detail {
class ProcessPoolCore;
}  // namespace detail

class ProcessPool {
 public:
  // workers == 0 picks boundwise::default_workers() (cgroup-aware core
  // count). max_tasks_per_child (0 = unlimited) retires a worker after that
  // many tasks and starts a fresh one, like Python's max_tasks_per_child.
  // Workers start in the background; the constructor does not wait for them.
  explicit ProcessPool(std::size_t workers = 0, std::size_t max_tasks_per_child = 0);
  ProcessPool(const ProcessPool&) = delete;
  ProcessPool& operator=(const ProcessPool&) = delete;
  // Waits for every submitted task (shutdown(true, false)).
  ~ProcessPool();

  // Python: executor.submit(f, *args) -> Future<R>, R = f's decayed return
  // type. f is a plain function or a capture-less lambda; args are encoded
  // now (the caller may modify them at once). Throws std::runtime_error
  // after shutdown().
  template <class F, class... Args>
  auto submit(F&& f, Args&&... args);

  // Python: executor.map(f, items) collected into a vector, in input order.
  // Items travel in chunks (chunksize 0 = about 4 chunks per worker, as
  // multiprocessing.Pool.map does). Rethrows the first failed chunk's error
  // in input order and cancels the chunks not yet started.
  template <class F, std::ranges::forward_range Items>
    requires std::ranges::sized_range<Items>
  auto map(F&& f, const Items& items, std::size_t chunksize = 0);

  // Python: shutdown(wait, cancel_futures). Further submits throw
  // std::runtime_error. cancel_pending cancels tasks not yet sent to a
  // worker; wait blocks until running tasks finish and workers have exited.
  void shutdown(bool wait = true, bool cancel_pending = false);

  std::size_t size() const noexcept;
  // The current worker processes (they change as workers die or retire).
  std::vector<pid_t> worker_pids() const;

 private:
  std::uint64_t enqueue(ByteBuffer frame, std::unique_ptr<detail::ResultSink> sink);
  ByteBuffer acquire_buffer();

  std::unique_ptr<detail::ProcessPoolCore> core_;
};

// ---- implementation ----

template <class F, class... Args>
auto ProcessPool::submit(F&& f, Args&&... args) {
  auto fp = detail::to_function_pointer<Args...>(f);
  using Fp = decltype(fp);
  using Traits = detail::FnTraits<Fp>;
  static_assert(Traits::check());
  if constexpr (Traits::arity != sizeof...(Args) || !std::is_invocable_v<Fp, Args...>) {
    (void)sizeof(detail::CallableDoesNotAcceptTheseArguments<Fp>);
  }
  using R = typename Traits::Result;

  ByteBuffer frame = acquire_buffer();
  frame.resize_uninitialized(sizeof(detail::FrameHeader));
  Writer w(frame);
  detail::encode_value(w, detail::trampoline_ref<&detail::run_task<Fp>>());
  thread_local const void* last_address = nullptr;  // repeated submits of one function skip the lookup
  thread_local detail::FnRef last_ref;
  if (const void* address = detail::function_address(fp); address != last_address) {
    last_ref = detail::locate_function(address);
    last_address = address;
  }
  detail::encode_value(w, last_ref);
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (detail::encode_argument<std::tuple_element_t<I, typename Traits::Params>>(w, std::forward<Args>(args)), ...);
  }(std::index_sequence_for<Args...>{});

  auto sink = std::make_unique<detail::TypedResultSink<R>>();
  Future<R> future = sink->future();
  enqueue(std::move(frame), std::move(sink));
  return future;
}

template <class F, std::ranges::forward_range Items>
  requires std::ranges::sized_range<Items>
auto ProcessPool::map(F&& f, const Items& items, std::size_t chunksize) {
  using Item = std::ranges::range_value_t<Items>;
  auto fp = detail::to_function_pointer<Item>(f);
  using Fp = decltype(fp);
  using Traits = detail::FnTraits<Fp>;
  static_assert(Traits::check());
  static_assert(Traits::arity == 1, "boundwise::ProcessPool::map: the function must take exactly one argument");
  using A = std::tuple_element_t<0, typename Traits::Params>;
  using R = typename Traits::Result;
  static_assert(!std::is_void_v<R>,
                "boundwise::ProcessPool::map: the function returns void, so there is nothing to collect; use "
                "submit() per item (or return a status)");
  static_assert(std::is_convertible_v<const Item&, A> || std::is_constructible_v<A, const Item&>,
                "boundwise::ProcessPool::map: the items cannot be converted to the function's parameter type");

  const std::size_t n = std::ranges::size(items);
  std::vector<R> out;
  if (n == 0) return out;
  if (chunksize == 0) {
    const std::size_t chunks = std::max<std::size_t>(1, size() * 4);
    chunksize = (n + chunks - 1) / chunks;
  }

  const detail::FnRef& trampoline = detail::trampoline_ref<&detail::run_chunk<Fp>>();
  const detail::FnRef fn = detail::locate_function(detail::function_address(fp));
  std::vector<Future<std::vector<R>>> parts;
  parts.reserve((n + chunksize - 1) / chunksize);
  auto it = std::ranges::begin(items);
  for (std::size_t done = 0; done < n;) {
    const std::size_t k = std::min(chunksize, n - done);
    ByteBuffer frame = acquire_buffer();
    frame.resize_uninitialized(sizeof(detail::FrameHeader));
    Writer w(frame);
    detail::encode_value(w, trampoline);
    detail::encode_value(w, fn);
    detail::encode_chunk<A>(w, items, it, k);
    auto sink = std::make_unique<detail::TypedResultSink<std::vector<R>>>();
    parts.push_back(sink->future());
    enqueue(std::move(frame), std::move(sink));
    done += k;
  }

  for (std::size_t i = 0; i < parts.size(); ++i) {
    try {
      std::vector<R> part = parts[i].get();
      if (out.empty()) {
        out = std::move(part);  // first chunk: adopt its storage
        out.reserve(n);
      } else {
        out.insert(out.end(), std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()));
      }
    } catch (...) {
      for (std::size_t j = i + 1; j < parts.size(); ++j) parts[j].cancel();
      throw;
    }
  }
  return out;
}

}  // namespace boundwise
