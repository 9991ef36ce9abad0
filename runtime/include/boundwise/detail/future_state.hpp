// The shared state behind Promise/Future: status word, result slot, callbacks, and blocking on settlement.
#pragma once

#include <atomic>
#include <cstdint>
#include <exception>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "boundwise/detail/wait_support.hpp"

namespace boundwise {

// Thrown by Future::get() / exception() when the future was cancelled
// (Python: concurrent.futures.CancelledError).
class CancelledError : public std::runtime_error {
 public:
  CancelledError() : std::runtime_error("boundwise: the future was cancelled") {}
  using std::runtime_error::runtime_error;
};

// Thrown by the timed calls (get_for, as_completed) when time runs out
// (Python: concurrent.futures.TimeoutError).
class TimeoutError : public std::runtime_error {
 public:
  TimeoutError() : std::runtime_error("boundwise: timed out waiting for a future") {}
  using std::runtime_error::runtime_error;
};

// Python's future states: PENDING, RUNNING, FINISHED (with a value or an
// exception), CANCELLED.
enum class FutureStatus : std::uint32_t { Pending = 0, Running = 1, Finished = 2, Cancelled = 3 };

namespace detail {

// A test-and-test-and-set lock: critical sections here are a few stores, and
// it keeps each state small (std::mutex is 40 bytes).
class SpinLock {
 public:
  void lock() noexcept {
    for (unsigned spins = 0; locked_.exchange(true, std::memory_order_acquire);) {
      while (locked_.load(std::memory_order_relaxed)) {
        if (++spins > 64) std::this_thread::yield();
      }
    }
  }
  void unlock() noexcept { locked_.store(false, std::memory_order_release); }

 private:
  std::atomic<bool> locked_{false};
};

// Untyped part of the state: lifetime, status, exception, callbacks. The
// status word doubles as a futex so waiting needs no mutex/condvar pair.
class StateBase {
 public:
  StateBase() = default;
  // For states that start with more than one owner (a pool task: the future
  // and the queue), without an extra atomic increment.
  explicit StateBase(std::uint32_t initial_refs) noexcept : refs_(initial_refs) {}
  StateBase(const StateBase&) = delete;
  StateBase& operator=(const StateBase&) = delete;

  void add_ref() noexcept { refs_.fetch_add(1, std::memory_order_relaxed); }
  // True if the caller holds the only reference: no other handle exists and
  // none can be made (copying needs a handle), so the state is the caller's.
  bool unique() const noexcept { return refs_.load(std::memory_order_acquire) == 1; }
  void release() noexcept {
    if (refs_.fetch_sub(1, std::memory_order_acq_rel) == 1) delete this;
  }

  FutureStatus status() const noexcept {
    return static_cast<FutureStatus>(status_.load(std::memory_order_acquire));
  }
  bool settled() const noexcept { return status_.load(std::memory_order_acquire) >= kFinished; }

  // Pending -> Running. False if the future was cancelled (or already
  // settled): the producer must then not run the work.
  bool set_running() noexcept {
    std::uint32_t expected = kPending;
    return status_.compare_exchange_strong(expected, kRunning, std::memory_order_acq_rel);
  }

  // Succeeds only while Pending (Python: cancel() on a running future is
  // False). Returns true if the future is (now or already) cancelled.
  bool try_cancel() {
    std::unique_ptr<Hooks> hooks;
    {
      std::lock_guard guard(lock_);
      std::uint32_t expected = kPending;
      if (!status_.compare_exchange_strong(expected, kCancelled, std::memory_order_seq_cst))
        return expected == kCancelled;
      hooks.reset(hooks_);
      hooks_ = nullptr;
    }
    wake_waiters();
    if (hooks) {
      if (hooks->on_cancel) hooks->on_cancel();
      for (auto& cb : hooks->on_ready) cb();
    }
    return true;
  }

  bool set_exception(std::exception_ptr error) {
    return settle([&] { error_ = std::move(error); });
  }
  void set_error(std::exception_ptr error) noexcept { error_ = std::move(error); }

  // Runs `fn` once the state settles (immediately, inline, if it already
  // has). Runs on whichever thread settles the state, so keep it short.
  void on_ready(std::function<void()> fn) {
    {
      std::lock_guard guard(lock_);
      // Dekker with settle_running(): announce, then look. Either it sees
      // hooked_ and collects our callback under the lock, or we see it
      // settled and run the callback here.
      hooked_.store(true, std::memory_order_seq_cst);
      if (status_.load(std::memory_order_seq_cst) < kFinished) {
        hooks().on_ready.push_back(std::move(fn));
        return;
      }
    }
    fn();
  }

  // Registers the producer's cancel hook; runs it now if already cancelled.
  void on_cancel(std::function<void()> fn) {
    {
      std::lock_guard guard(lock_);
      if (status() != FutureStatus::Cancelled) {
        if (!settled()) hooks().on_cancel = std::move(fn);
        return;
      }
    }
    fn();
  }

  // Blocks (helping on pool workers) until settled or the deadline passes.
  bool wait_until(const Deadline& deadline) const {
    if (settled()) return true;
    return detail::wait_until([this] { return settled(); },
                              [this](const std::chrono::nanoseconds* t) { block(t); }, deadline);
  }

  // Throws CancelledError / the stored exception; requires settled().
  void rethrow_if_failed() const {
    if (status() == FutureStatus::Cancelled) throw CancelledError();
    if (error_) std::rethrow_exception(error_);
  }
  std::exception_ptr exception_after_settled() const {
    if (status() == FutureStatus::Cancelled) throw CancelledError();
    return error_;
  }

 protected:
  virtual ~StateBase() { delete hooks_; }

  // settle() for the one producer that won set_running(): nothing else can
  // settle a Running state (try_cancel() only cancels Pending ones), so the
  // lock is needed only if a callback was registered. One xchg per task
  // instead of lock + store + unlock (pool tasks settle millions of times).
  template <class Write>
  void settle_running(Write&& write) {
    write();
    status_.store(kFinished, std::memory_order_seq_cst);
    std::unique_ptr<Hooks> hooks;
    if (hooked_.load(std::memory_order_seq_cst)) {
      std::lock_guard guard(lock_);
      hooks.reset(hooks_);
      hooks_ = nullptr;
    }
    wake_waiters();
    if (hooks) {
      for (auto& cb : hooks->on_ready) cb();
    }
  }

  // Publishes a result written by `write` unless already settled. The write
  // happens under the lock and before the status store, so a reader that
  // sees Finished (acquire) sees the result.
  template <class Write>
  bool settle(Write&& write) {
    std::unique_ptr<Hooks> hooks;
    {
      std::lock_guard guard(lock_);
      if (status_.load(std::memory_order_relaxed) >= kFinished) return false;
      write();
      status_.store(kFinished, std::memory_order_seq_cst);
      hooks.reset(hooks_);
      hooks_ = nullptr;
    }
    wake_waiters();
    if (hooks) {
      for (auto& cb : hooks->on_ready) cb();
    }
    return true;
  }

 private:
  static constexpr std::uint32_t kPending = 0, kRunning = 1, kFinished = 2, kCancelled = 3;

  // Callbacks are rare (wait(), as_completed(), coroutines, cancellable
  // producers), so they live out of line: one pointer keeps a pool task in a
  // small malloc size class.
  struct Hooks {
    std::vector<std::function<void()>> on_ready;
    std::function<void()> on_cancel;
  };
  Hooks& hooks() {  // requires lock_
    if (hooks_ == nullptr) hooks_ = new Hooks();
    return *hooks_;
  }

  // Waiter side of the Dekker handshake with wake_waiters(): announce, then
  // re-read the status; futex_wait re-checks it atomically in the kernel.
  void block(const std::chrono::nanoseconds* timeout) const {
    waiters_.fetch_add(1, std::memory_order_seq_cst);
    const std::uint32_t seen = status_.load(std::memory_order_seq_cst);
    if (seen < kFinished) futex_wait(status_, seen, timeout);
    waiters_.fetch_sub(1, std::memory_order_relaxed);
  }
  void wake_waiters() noexcept {
    if (waiters_.load(std::memory_order_seq_cst) != 0) futex_wake(status_, 0x7fffffff);
  }

  std::atomic<std::uint32_t> refs_{1};
  std::atomic<std::uint32_t> status_{kPending};
  mutable std::atomic<std::uint32_t> waiters_{0};
  SpinLock lock_;
  std::atomic<bool> hooked_{false};  // an on_ready callback may be registered
  std::exception_ptr error_;
  Hooks* hooks_ = nullptr;  // guarded by lock_
};

// How a T is held: objects by value, references as pointers, void as nothing.
template <class T>
struct Slot {
  using Type = T;
};
template <class T>
struct Slot<T&> {
  using Type = T*;
};
template <>
struct Slot<void> {
  using Type = std::monostate;
};

template <class T>
class SharedState : public StateBase {
 public:
  SharedState() = default;
  explicit SharedState(std::uint32_t initial_refs) noexcept : StateBase(initial_refs) {}

  template <class... A>
  bool set_value(A&&... a) {
    return settle([&] { emplace_value(std::forward<A>(a)...); });
  }

  // For the producer that won set_running() (see settle_running).
  template <class... A>
  void set_value_running(A&&... a) {
    settle_running([&] { emplace_value(std::forward<A>(a)...); });
  }
  void set_exception_running(std::exception_ptr error) {
    settle_running([&] { set_error(std::move(error)); });
  }

  // Requires settled(). result(), but moves a copyable result out when the
  // caller's handle is the only one left (see Future::get() &&).
  T take_if_unique() {
    if constexpr (!std::is_void_v<T> && !std::is_reference_v<T> && std::is_copy_constructible_v<T> &&
                  std::is_move_constructible_v<T>) {
      if (unique()) {
        rethrow_if_failed();
        return std::move(*value_);
      }
    }
    return result();
  }

  // Requires settled(). Copyable results are copied, so get() can be called
  // any number of times from any handle (as in Python); move-only results are
  // moved out by the first get() and a second get() throws.
  T result() {
    rethrow_if_failed();
    if constexpr (std::is_void_v<T>) {
      return;
    } else if constexpr (std::is_reference_v<T>) {
      return static_cast<T>(**value_);
    } else if constexpr (std::is_copy_constructible_v<T>) {
      return *value_;
    } else {
      std::lock_guard guard(take_lock_);
      if (taken_) throw std::future_error(std::future_errc::future_already_retrieved);
      taken_ = true;
      return std::move(*value_);
    }
  }

 private:
  template <class... A>
  void emplace_value(A&&... a) {
    if constexpr (std::is_void_v<T>) {
      static_assert(sizeof...(A) == 0, "set_value() takes no argument for void");
      value_.emplace();
    } else if constexpr (std::is_reference_v<T>) {
      static_assert(sizeof...(A) == 1, "set_value(ref) takes one argument");
      value_.emplace(std::addressof(a)...);
    } else {
      value_.emplace(std::forward<A>(a)...);
    }
  }

  std::optional<typename Slot<T>::Type> value_;
  [[no_unique_address]] std::conditional_t<!std::is_void_v<T> && !std::is_reference_v<T> &&
                                               !std::is_copy_constructible_v<T>,
                                           SpinLock, std::monostate>
      take_lock_;
  bool taken_ = false;
};

// An intrusive owning pointer: one allocation holds state (and, for pool
// tasks, the callable), and copies cost one relaxed increment.
template <class S>
class StateRef {
 public:
  StateRef() = default;
  explicit StateRef(S* adopt) noexcept : p_(adopt) {}
  StateRef(const StateRef& o) noexcept : p_(o.p_) {
    if (p_) p_->add_ref();
  }
  StateRef(StateRef&& o) noexcept : p_(std::exchange(o.p_, nullptr)) {}
  StateRef& operator=(StateRef o) noexcept {
    std::swap(p_, o.p_);
    return *this;
  }
  ~StateRef() {
    if (p_) p_->release();
  }
  S* get() const noexcept { return p_; }
  S* operator->() const noexcept { return p_; }
  explicit operator bool() const noexcept { return p_ != nullptr; }

 private:
  S* p_ = nullptr;
};

struct FutureAccess;

}  // namespace detail
}  // namespace boundwise
