// Python's concurrent.futures Future, wait() and as_completed(), spelled in C++20.
#pragma once

#include <chrono>
#include <cstddef>
#include <exception>
#include <functional>
#include <future>
#include <iterator>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "boundwise/detail/future_state.hpp"
#include "boundwise/detail/wait_support.hpp"

namespace boundwise {

template <class T>
class Future;
template <class T>
class Promise;

namespace detail {
struct FutureAccess {
  template <class T>
  static Future<T> make(SharedState<T>* adopt) {
    return Future<T>(StateRef<SharedState<T>>(adopt));
  }
  template <class T>
  static SharedState<T>* state(const Future<T>& f) {
    return f.state_.get();
  }
};

// Python's wait() and as_completed() take a set: a future listed twice is
// reported once. Keeps the first occurrence, so input order still rules.
template <class T>
std::vector<Future<T>> unique_futures(std::vector<Future<T>> fs) {
  std::unordered_set<const void*> seen;
  seen.reserve(fs.size());
  std::vector<Future<T>> out;
  out.reserve(fs.size());
  for (auto& f : fs) {
    const void* key = FutureAccess::state(f);
    if (key == nullptr || seen.insert(key).second) out.push_back(std::move(f));
  }
  return out;
}
}  // namespace detail

// The consumer side: a copyable handle to a shared result, like Python's
// Future object. All copies see the same state. Waiting calls (get, wait,
// exception, ...) on a ThreadPool worker run other queued tasks meanwhile
// instead of blocking the worker, so fork-join code never deadlocks.
template <class T>
class Future {
 public:
  using value_type = T;

  Future() = default;  // invalid: every call but valid() throws std::future_error

  bool valid() const noexcept { return static_cast<bool>(state_); }

  // Python: result(). Waits, then returns the value or rethrows the task's
  // exception (CancelledError if cancelled). Copyable results are copied on
  // every call; move-only results can be taken once. On an rvalue future
  // that is the last handle to its state (`pool.submit(f, x).get()`,
  // `std::move(fut).get()`), the result is moved out instead of copied: no
  // one else can observe it, and a 100 MB result costs no second copy.
  T get() & {
    wait();
    return state_->result();
  }
  T get() && {
    wait();
    return state_->take_if_unique();
  }
  // Python: result(timeout). Throws TimeoutError if not done in time.
  template <class Rep, class Period>
  T get_for(std::chrono::duration<Rep, Period> timeout) {
    if (!wait_for(timeout)) throw TimeoutError();
    return state_->result();
  }

  void wait() const { checked()->wait_until(std::nullopt); }
  // True if the future settled within `timeout`.
  template <class Rep, class Period>
  bool wait_for(std::chrono::duration<Rep, Period> timeout) const {
    return checked()->wait_until(detail::deadline_after(timeout));
  }
  template <class Clock, class Duration>
  bool wait_until(std::chrono::time_point<Clock, Duration> when) const {
    return wait_for(when - Clock::now());
  }

  // Finished or cancelled (Python: done()).
  bool done() const { return checked()->settled(); }
  bool cancelled() const { return status() == FutureStatus::Cancelled; }
  bool running() const { return status() == FutureStatus::Running; }
  FutureStatus status() const { return checked()->status(); }

  // Cancels a future that has not started; never interrupts a running task.
  // True if the future is cancelled when this returns (Python semantics).
  bool cancel() { return checked()->try_cancel(); }

  // Python: exception(). Waits; nullptr if the task returned normally;
  // throws CancelledError if it was cancelled.
  std::exception_ptr exception() const {
    wait();
    return state_->exception_after_settled();
  }

 private:
  friend struct detail::FutureAccess;
  friend class Promise<T>;
  explicit Future(detail::StateRef<detail::SharedState<T>> s) : state_(std::move(s)) {}
  detail::SharedState<T>* checked() const {
    if (!state_) throw std::future_error(std::future_errc::no_state);
    return state_.get();
  }

  detail::StateRef<detail::SharedState<T>> state_;
};

// The producer side, move-only. Executors use it to run work and publish the
// outcome; dropping an unsettled Promise settles its future with
// std::future_error(broken_promise) so no waiter hangs.
template <class T>
class Promise {
 public:
  Promise() : state_(new detail::SharedState<T>()) {}
  Promise(Promise&&) noexcept = default;
  Promise& operator=(Promise&& o) noexcept {
    if (this != &o) {
      abandon();
      state_ = std::move(o.state_);
      retrieved_ = o.retrieved_;
    }
    return *this;
  }
  Promise(const Promise&) = delete;
  Promise& operator=(const Promise&) = delete;
  ~Promise() { abandon(); }

  // Once; a second call throws std::future_error(future_already_retrieved).
  Future<T> get_future() {
    if (retrieved_) throw std::future_error(std::future_errc::future_already_retrieved);
    retrieved_ = true;
    return Future<T>(checked());
  }
  // Pending -> Running; false if the consumer cancelled: do not run the work.
  bool set_running() { return checked()->set_running(); }
  // Both return false if the future already settled or was cancelled.
  template <class... A>
  bool set_value(A&&... a) {
    return checked()->set_value(std::forward<A>(a)...);
  }
  bool set_exception(std::exception_ptr error) { return checked()->set_exception(std::move(error)); }
  // Runs `fn` if a consumer cancels while pending (lets a pool drop queued
  // work); runs it at once if that already happened.
  void on_cancel(std::function<void()> fn) { checked()->on_cancel(std::move(fn)); }

 private:
  const detail::StateRef<detail::SharedState<T>>& checked() const {
    if (!state_) throw std::future_error(std::future_errc::no_state);
    return state_;
  }
  void abandon() noexcept {
    if (state_ && !state_->settled()) {
      try {
        state_->set_exception(
            std::make_exception_ptr(std::future_error(std::future_errc::broken_promise)));
      } catch (...) {  // a callback threw while settling; nothing sane to do in a destructor
      }
    }
  }

  detail::StateRef<detail::SharedState<T>> state_;
  bool retrieved_ = false;
};

namespace detail {
// Registers a one-shot callback run when `f` settles (inline if it already
// has) on the settling thread. The coroutine executor's awaiter uses this.
template <class T>
void on_ready(const Future<T>& f, std::function<void()> fn) {
  SharedState<T>* s = FutureAccess::state(f);
  if (s == nullptr) throw std::future_error(std::future_errc::no_state);
  s->on_ready(std::move(fn));
}
}  // namespace detail

// Python: FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED.
enum class ReturnWhen { AllCompleted, FirstCompleted, FirstException };

template <class T>
struct WaitResult {
  std::vector<Future<T>> done, not_done;
};

// Python: concurrent.futures.wait. Returns when the condition holds or the
// timeout passes (no exception on timeout: inspect not_done). Cancelled
// futures count as done. FirstException behaves like AllCompleted when no
// future fails. A future listed twice appears once in the result.
template <class T>
WaitResult<T> wait(std::vector<Future<T>> fs, ReturnWhen when = ReturnWhen::AllCompleted,
                   std::optional<std::chrono::nanoseconds> timeout = std::nullopt) {
  fs = detail::unique_futures(std::move(fs));
  const detail::Deadline deadline =
      timeout ? detail::deadline_after(*timeout) : detail::Deadline{};
  auto signal = std::make_shared<detail::Signal>();
  for (auto& f : fs) {
    if (!f.done()) detail::on_ready(f, [signal] { signal->notify(); });
  }
  auto ready = [&] {
    std::size_t finished = 0;
    for (auto& f : fs) {
      if (!f.done()) continue;
      ++finished;
      if (when == ReturnWhen::FirstCompleted) return true;
      if (when == ReturnWhen::FirstException && !f.cancelled() && f.exception()) return true;
    }
    return finished == fs.size();
  };
  detail::wait_until(ready, [&](const std::chrono::nanoseconds* t) { signal->block(ready, t); },
                     deadline);
  WaitResult<T> out;
  for (auto& f : fs) (f.done() ? out.done : out.not_done).push_back(std::move(f));
  return out;
}

// Python: concurrent.futures.as_completed. An input range that yields each
// distinct future once, as it settles (already-settled ones first, in input
// order):
//   for (auto f : boundwise::as_completed(futures)) use(f.get());
// With a timeout, advancing past the deadline (counted from the call)
// throws TimeoutError.
template <class T>
class AsCompleted {
  struct Queue {
    std::mutex mutex;
    std::vector<std::size_t> order;  // indices into fs_, in completion order
    detail::Signal signal;
  };

 public:
  class iterator {
   public:
    using value_type = Future<T>;
    using difference_type = std::ptrdiff_t;
    using iterator_category = std::input_iterator_tag;
    iterator() = default;
    const Future<T>& operator*() const { return owner_->fs_[owner_->current_]; }
    const Future<T>* operator->() const { return &**this; }
    iterator& operator++() {
      owner_->advance();
      return *this;
    }
    void operator++(int) { ++*this; }
    friend bool operator==(const iterator& it, std::default_sentinel_t) { return it.at_end(); }

   private:
    friend class AsCompleted;
    explicit iterator(AsCompleted* owner) : owner_(owner) {}
    bool at_end() const { return owner_ == nullptr || owner_->exhausted(); }
    AsCompleted* owner_ = nullptr;
  };

  AsCompleted(std::vector<Future<T>> fs, detail::Deadline deadline)
      : fs_(detail::unique_futures(std::move(fs))), queue_(std::make_shared<Queue>()), deadline_(deadline) {
    for (std::size_t i = 0; i < fs_.size(); ++i) {
      detail::on_ready(fs_[i], [q = queue_, i] {
        {
          std::lock_guard guard(q->mutex);
          q->order.push_back(i);
        }
        q->signal.notify();
      });
    }
  }
  AsCompleted(AsCompleted&&) = delete;  // iterators point at the range

  // Blocks until the first future settles (single pass: call once).
  iterator begin() {
    advance();
    return iterator(this);
  }
  std::default_sentinel_t end() const noexcept { return {}; }

 private:
  bool exhausted() const { return next_ > fs_.size(); }
  void advance() {
    if (next_ >= fs_.size()) {
      next_ = fs_.size() + 1;
      return;
    }
    auto ready = [this] {
      std::lock_guard guard(queue_->mutex);
      return queue_->order.size() > next_;
    };
    if (!detail::wait_until(
            ready, [&](const std::chrono::nanoseconds* t) { queue_->signal.block(ready, t); },
            deadline_)) {
      throw TimeoutError("boundwise: as_completed timed out with " +
                         std::to_string(fs_.size() - next_) + " of " +
                         std::to_string(fs_.size()) + " futures unfinished");
    }
    std::lock_guard guard(queue_->mutex);
    current_ = queue_->order[next_++];
  }

  std::vector<Future<T>> fs_;
  std::shared_ptr<Queue> queue_;
  detail::Deadline deadline_;
  std::size_t next_ = 0;     // how many futures have been yielded
  std::size_t current_ = 0;  // index of the one being yielded
};

template <class T>
AsCompleted<T> as_completed(std::vector<Future<T>> fs) {
  return AsCompleted<T>(std::move(fs), std::nullopt);
}
template <class T, class Rep, class Period>
AsCompleted<T> as_completed(std::vector<Future<T>> fs, std::chrono::duration<Rep, Period> timeout) {
  return AsCompleted<T>(std::move(fs), detail::deadline_after(timeout));
}

}  // namespace boundwise
