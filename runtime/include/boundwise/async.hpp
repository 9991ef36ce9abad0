// Python's asyncio in C++20 coroutines: Task, run, spawn, gather, wait_for, sleep, Event, Semaphore, Queue, to_thread.
//
//   boundwise::Task<int> answer() { co_await boundwise::sleep_for(10ms); co_return 42; }
//   int v = boundwise::run(answer());
//
// One Loop per thread, single-threaded inside: tasks interleave only at
// co_await. Loop::post is the one thread-safe entry. See docs/runtime.md
// ("Async") for the contract; <boundwise/net.hpp> adds TCP.
#pragma once

#include <algorithm>
#include <chrono>
#include <coroutine>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "boundwise/detail/async_loop.hpp"
#include "boundwise/detail/async_task.hpp"
#include "boundwise/detail/loop_core.hpp"
#include "boundwise/future.hpp"
#include "boundwise/process_pool.hpp"
#include "boundwise/thread_pool.hpp"

namespace boundwise {

// Python: asyncio.run(main). Runs `main` on a fresh Loop on this thread.
template <class T>
T run(Task<T> main) {
  Loop loop;
  return loop.run(std::move(main));
}

// ---------------------------------------------------------------- spawn

// Python: the asyncio.Task that create_task returns. Awaiting it yields the
// task's value or rethrows its exception; cancelling the awaiter cancels the
// task too (as asyncio does). Dropping the handle detaches the task: it keeps
// running, and if it fails its exception goes to the loop's exception
// handler rather than vanishing.
template <class T>
class TaskHandle {
 public:
  TaskHandle() = default;
  explicit TaskHandle(detail::SpawnedTask<T>* s) noexcept : s_(s) {}
  TaskHandle(TaskHandle&& o) noexcept : s_(std::exchange(o.s_, nullptr)) {}
  TaskHandle& operator=(TaskHandle&& o) noexcept {
    if (this != &o) {
      detach();
      s_ = std::exchange(o.s_, nullptr);
    }
    return *this;
  }
  ~TaskHandle() { detach(); }

  bool valid() const noexcept { return s_ != nullptr; }
  bool done() const noexcept { return s_ != nullptr && s_->finished(); }
  // Python: Task.cancel(). Loop thread only.
  void cancel() noexcept {
    if (s_ != nullptr) s_->cancel();
  }
  void detach() noexcept {
    if (s_ != nullptr) std::exchange(s_, nullptr)->detach();
  }

  struct Awaiter : detail::CancelHook {
    detail::SpawnedTask<T>* s;
    detail::AsyncNode* node = nullptr;
    bool aborted = false;
    bool await_ready() const noexcept { return s->finished(); }
    template <class P>
    void await_suspend(std::coroutine_handle<P> h) {
      node = h.promise().node;
      s->set_joiner(h, node);
      this->abort = &on_abort;
      if (node->cancel_pending()) {
        on_abort(this);
      } else {
        node->set_hook(this);
      }
    }
    static void on_abort(detail::CancelHook* self) noexcept {
      auto* a = static_cast<Awaiter*>(self);
      a->aborted = true;
      a->s->cancel();  // keep waiting: we resume when it has unwound
    }
    T await_resume() {
      if (aborted) {
        node->consume_cancel();
        s->mark_retrieved();
        throw CancelledError("boundwise: the task was cancelled");
      }
      return s->take();
    }
  };
  Awaiter operator co_await() noexcept { return Awaiter{{}, s_}; }

 private:
  detail::SpawnedTask<T>* s_ = nullptr;
};

// Python: asyncio.create_task(coro). Schedules `task` on the current loop.
template <class T>
TaskHandle<T> spawn(Task<T> task) {
  Loop* loop = Loop::current();
  if (loop == nullptr) throw std::logic_error("boundwise: spawn() outside a running loop");
  auto* s = new detail::SpawnedTask<T>(loop, std::move(task));
  s->start();
  return TaskHandle<T>(s);
}

// ---------------------------------------------------------------- sleep

namespace detail {
struct SleepAwaiter : CancelHook, TimerNode {
  Clock::time_point deadline;
  std::coroutine_handle<> h;
  AsyncNode* node = nullptr;
  bool aborted = false;

  explicit SleepAwaiter(Clock::time_point d) noexcept : deadline(d) {}
  SleepAwaiter(SleepAwaiter&& o) noexcept : deadline(o.deadline) {}
  ~SleepAwaiter() {
    if (armed()) node->loop()->cancel_timer(this);  // frame destroyed mid-sleep
  }
  bool await_ready() const noexcept { return false; }  // sleep_for(0) yields, like asyncio.sleep(0)
  template <class P>
  bool await_suspend(std::coroutine_handle<P> handle) {
    h = handle;
    node = handle.promise().node;
    if (node->cancel_pending()) {
      aborted = true;
      return false;
    }
    when = deadline;
    fire = &on_fire;
    abort = &on_abort;
    node->loop()->add_timer(this);
    node->set_hook(this);
    return true;
  }
  static void on_fire(TimerNode* t) noexcept {
    auto* s = static_cast<SleepAwaiter*>(t);
    s->node->clear_hook();
    s->node->loop()->schedule(s->h);
  }
  static void on_abort(CancelHook* c) noexcept {
    auto* s = static_cast<SleepAwaiter*>(c);
    s->node->loop()->cancel_timer(s);
    s->aborted = true;
    s->node->loop()->schedule(s->h);
  }
  void await_resume() {
    if (aborted) {
      node->consume_cancel();
      throw CancelledError("boundwise: the task was cancelled");
    }
  }
};
}  // namespace detail

// Python: asyncio.sleep(d). Always suspends (sleep_for(0) yields to others).
template <class Rep, class Period>
detail::SleepAwaiter sleep_for(std::chrono::duration<Rep, Period> d) {
  auto dd = std::chrono::duration_cast<detail::Clock::duration>(d);
  if (dd.count() < 0) dd = {};
  return detail::SleepAwaiter(detail::Clock::now() + dd);
}
template <class Duration>
detail::SleepAwaiter sleep_until(std::chrono::time_point<detail::Clock, Duration> when) {
  return detail::SleepAwaiter(std::chrono::time_point_cast<detail::Clock::duration>(when));
}

// ---------------------------------------------------------------- groups

namespace detail {

// The engine behind gather() and wait_for(): child nodes that run as tasks
// of their own, the first failure cancelling the rest (TaskGroup), an
// optional deadline, and a parent that resumes only after every child has
// finished, so no child outlives the frame that owns it.
class GroupCore : public CancelHook, public TimerNode {
 public:
  class Child : public AsyncNode {
   public:
    Child(Loop* loop, GroupCore* g) : AsyncNode(loop), group_(g) {}
    virtual std::coroutine_handle<> top() noexcept = 0;
    virtual std::exception_ptr error() const noexcept = 0;
    void on_complete() noexcept override {
      mark_finished();
      group_->child_done(this);
    }

   private:
    GroupCore* group_;
  };
  template <class T>
  class TypedChild final : public Child {
   public:
    TypedChild(Loop* loop, GroupCore* g, Task<T> t) : Child(loop, g), task_(std::move(t)) {
      task_.handle().promise().node = this;
    }
    std::coroutine_handle<> top() noexcept override { return task_.handle(); }
    std::exception_ptr error() const noexcept override { return task_.handle().promise().error(); }
    T take() { return task_.handle().promise().take(); }

   private:
    Task<T> task_;
  };

  GroupCore() {
    loop_ = Loop::current();
    if (loop_ == nullptr) throw std::logic_error("boundwise: gather/wait_for outside a running loop");
  }
  GroupCore(const GroupCore&) = delete;
  GroupCore& operator=(const GroupCore&) = delete;
  ~GroupCore() {
    if (armed()) loop_->cancel_timer(this);
  }

  template <class T>
  TypedChild<T>* add(Task<T> t) {
    if (!t.valid()) throw std::invalid_argument("boundwise: gather/wait_for got an empty Task");
    auto c = std::make_unique<TypedChild<T>>(loop_, this, std::move(t));
    auto* raw = c.get();
    children_.push_back(std::move(c));
    return raw;
  }
  void set_deadline(Clock::time_point d) noexcept {
    deadline_ = d;
    has_deadline_ = true;
  }

  bool await_ready() const noexcept { return children_.empty(); }
  template <class P>
  void await_suspend(std::coroutine_handle<P> h) {
    parent_ = h;
    parent_node_ = h.promise().node;
    remaining_ = children_.size();
    for (auto& c : children_) loop_->schedule(c->top());
    if (has_deadline_) {
      when = deadline_;
      fire = &on_deadline;
      loop_->add_timer(this);
    }
    abort = &on_abort;
    if (parent_node_->cancel_pending()) {
      on_abort(this);
    } else {
      parent_node_->set_hook(this);
    }
  }
  // Throws CancelledError if the awaiting task was cancelled, TimeoutError if
  // the deadline cancelled the children, else the first child failure.
  void await_resume() {
    if (aborted_) {
      parent_node_->consume_cancel();
      throw CancelledError("boundwise: the task was cancelled");
    }
    if (first_error_) {
      if (timed_out_ && is_cancelled_error(first_error_))
        throw TimeoutError("boundwise: wait_for timed out");
      std::rethrow_exception(first_error_);
    }
  }

 private:
  void cancel_children() noexcept {
    for (auto& c : children_) c->cancel();
  }
  void child_done(Child* c) noexcept {
    if (std::exception_ptr e = c->error(); e && !first_error_) {
      first_error_ = e;
      cancel_children();
    }
    if (--remaining_ == 0) {
      if (armed()) loop_->cancel_timer(this);
      parent_node_->clear_hook();
      loop_->schedule(parent_);
    }
  }
  static void on_abort(CancelHook* self) noexcept {
    auto* g = static_cast<GroupCore*>(self);
    g->aborted_ = true;
    g->cancel_children();
  }
  static void on_deadline(TimerNode* self) noexcept {
    auto* g = static_cast<GroupCore*>(self);
    g->timed_out_ = true;
    g->cancel_children();
  }

  Loop* loop_;
  std::vector<std::unique_ptr<Child>> children_;
  std::size_t remaining_ = 0;
  std::exception_ptr first_error_;
  std::coroutine_handle<> parent_;
  AsyncNode* parent_node_ = nullptr;
  Clock::time_point deadline_{};
  bool has_deadline_ = false;
  bool aborted_ = false;
  bool timed_out_ = false;
};

template <class T>
GatherValue<T> take_gather(GroupCore::TypedChild<T>* c) {
  if constexpr (std::is_void_v<T>) {
    c->take();
    return std::monostate{};
  } else {
    return c->take();
  }
}

template <class... T, std::size_t... I>
Task<std::tuple<GatherValue<T>...>> gather_tuple(std::index_sequence<I...>, Task<T>... tasks) {
  GroupCore group;
  std::tuple<GroupCore::TypedChild<T>*...> children{group.add(std::move(tasks))...};
  co_await group;
  co_return std::tuple<GatherValue<T>...>{take_gather(std::get<I>(children))...};
}

}  // namespace detail

// Python: asyncio.gather(*aws) with TaskGroup's failure rule. The tasks run
// concurrently; the result is a tuple (std::monostate for Task<void>). The
// first task to fail cancels the others; gather waits for them to unwind and
// rethrows that first exception. Cancelling the awaiter cancels them all.
template <class... T>
Task<std::tuple<detail::GatherValue<T>...>> gather(Task<T>... tasks) {
  return detail::gather_tuple(std::index_sequence_for<T...>{}, std::move(tasks)...);
}

// Same for a vector of one type: results in input order.
template <class T>
  requires(!std::is_void_v<T>)
Task<std::vector<T>> gather(std::vector<Task<T>> tasks) {
  detail::GroupCore group;
  std::vector<detail::GroupCore::TypedChild<T>*> children;
  children.reserve(tasks.size());
  for (auto& t : tasks) children.push_back(group.add(std::move(t)));
  tasks.clear();
  co_await group;
  std::vector<T> out;
  out.reserve(children.size());
  for (auto* c : children) out.push_back(c->take());
  co_return out;
}
inline Task<void> gather(std::vector<Task<void>> tasks) {
  detail::GroupCore group;
  for (auto& t : tasks) group.add(std::move(t));
  tasks.clear();
  co_await group;
}

// Python: asyncio.wait_for(aw, timeout). Runs `task`; when the timeout
// passes, cancels it, waits for it to unwind, and throws TimeoutError. (A
// task that finishes anyway, swallowing the cancel, returns its value.)
template <class T, class Rep, class Period>
Task<T> wait_for(Task<T> task, std::chrono::duration<Rep, Period> timeout) {
  detail::GroupCore group;
  auto* child = group.add(std::move(task));
  group.set_deadline(detail::Clock::now() +
                     std::chrono::duration_cast<detail::Clock::duration>(timeout));
  co_await group;
  co_return child->take();
}

// ---------------------------------------------------------------- sync primitives

namespace detail {

// An intrusive FIFO of suspended waiters (Event, Semaphore, Queue).
struct WaitNode : CancelHook {
  WaitNode* prev = nullptr;
  WaitNode* next = nullptr;
  bool linked = false;
  bool woken = false;
  bool aborted = false;
  std::coroutine_handle<> h;
  AsyncNode* node = nullptr;
};

class WaitList {
 public:
  bool empty() const noexcept { return head_ == nullptr; }
  void push_back(WaitNode* w) noexcept {
    w->prev = tail_;
    w->next = nullptr;
    (tail_ ? tail_->next : head_) = w;
    tail_ = w;
    w->linked = true;
  }
  void remove(WaitNode* w) noexcept {
    if (!w->linked) return;
    (w->prev ? w->prev->next : head_) = w->next;
    (w->next ? w->next->prev : tail_) = w->prev;
    w->linked = false;
  }
  // Resumes the oldest waiter; false if there was none.
  bool notify_one() noexcept {
    if (head_ == nullptr) return false;
    wake(head_);
    return true;
  }
  void notify_all() noexcept {
    while (head_ != nullptr) wake(head_);
  }

 private:
  void wake(WaitNode* w) noexcept {
    remove(w);
    w->woken = true;
    w->node->clear_hook();
    w->node->loop()->schedule(w->h);
  }
  WaitNode* head_ = nullptr;
  WaitNode* tail_ = nullptr;
};

// Suspends on a WaitList until notified. A waiter that was notified returns
// normally even if a cancel arrived afterwards (the cancel stays pending for
// the next suspension point), so no notification is ever lost.
struct WaitAwaiter : WaitNode {
  WaitList* list;
  bool ready;
  WaitAwaiter(WaitList* l, bool r) noexcept : list(l), ready(r) {}
  WaitAwaiter(WaitAwaiter&& o) noexcept : list(o.list), ready(o.ready) {}
  ~WaitAwaiter() { list->remove(this); }
  bool await_ready() const noexcept { return ready; }
  template <class P>
  bool await_suspend(std::coroutine_handle<P> handle) {
    h = handle;
    node = handle.promise().node;
    if (node->cancel_pending()) {
      aborted = true;
      return false;
    }
    abort = &on_abort;
    list->push_back(this);
    node->set_hook(this);
    return true;
  }
  static void on_abort(CancelHook* c) noexcept {
    auto* w = static_cast<WaitAwaiter*>(c);
    w->list->remove(w);
    w->aborted = true;
    w->node->loop()->schedule(w->h);
  }
  void await_resume() {
    if (aborted) {
      node->consume_cancel();
      throw CancelledError("boundwise: the task was cancelled");
    }
  }
};

}  // namespace detail

// Python: asyncio.Event.
class Event {
 public:
  bool is_set() const noexcept { return set_; }
  void set() noexcept {
    set_ = true;
    waiters_.notify_all();
  }
  void clear() noexcept { set_ = false; }
  // Returns at once if set; otherwise suspends until set().
  detail::WaitAwaiter wait() noexcept { return detail::WaitAwaiter(&waiters_, set_); }

 private:
  bool set_ = false;
  detail::WaitList waiters_;
};

// Python: asyncio.Semaphore. FIFO: release() hands the permit straight to
// the oldest waiter, so a stream of try_acquire() callers cannot starve it.
class Semaphore {
 public:
  explicit Semaphore(std::size_t permits) noexcept : count_(permits) {}
  Semaphore(const Semaphore&) = delete;
  Semaphore& operator=(const Semaphore&) = delete;

  bool try_acquire() noexcept {
    if (count_ == 0 || !waiters_.empty()) return false;
    --count_;
    return true;
  }
  void release() noexcept {
    if (!waiters_.notify_one()) ++count_;  // a woken waiter owns the permit
  }
  std::size_t available() const noexcept { return count_; }

  struct Acquire : detail::WaitAwaiter {
    Semaphore* sem;
    Acquire(Semaphore* s) noexcept : WaitAwaiter(&s->waiters_, s->try_acquire()), sem(s) {}
  };
  // co_await sem.acquire(); ... sem.release();  (or use Semaphore::Guard)
  Acquire acquire() noexcept { return Acquire(this); }

  // RAII: auto guard = co_await sem.lock();
  class [[nodiscard]] Guard {
   public:
    explicit Guard(Semaphore* s) noexcept : s_(s) {}
    Guard(Guard&& o) noexcept : s_(std::exchange(o.s_, nullptr)) {}
    Guard& operator=(Guard&&) = delete;
    ~Guard() {
      if (s_ != nullptr) s_->release();
    }

   private:
    Semaphore* s_;
  };
  Task<Guard> lock() {
    co_await acquire();
    co_return Guard(this);
  }

 private:
  std::size_t count_;
  detail::WaitList waiters_;
};

// Python: asyncio.Queue(maxsize). capacity 0 = unbounded. push() waits while
// full, pop() while empty: the back-pressure a producer/consumer pair needs.
template <class T>
class Queue {
 public:
  explicit Queue(std::size_t capacity = 0) : capacity_(capacity) {}
  Queue(const Queue&) = delete;
  Queue& operator=(const Queue&) = delete;

  std::size_t size() const noexcept { return items_.size(); }
  bool empty() const noexcept { return items_.empty(); }
  bool full() const noexcept { return capacity_ != 0 && items_.size() >= capacity_; }

  bool try_push(T& v) {
    if (full()) return false;
    items_.push_back(std::move(v));
    not_empty_.notify_one();
    return true;
  }
  std::optional<T> try_pop() {
    if (items_.empty()) return std::nullopt;
    std::optional<T> v(std::move(items_.front()));
    items_.pop_front();
    not_full_.notify_one();
    return v;
  }
  Task<void> push(T v) {
    while (full()) co_await detail::WaitAwaiter(&not_full_, false);
    items_.push_back(std::move(v));
    not_empty_.notify_one();
  }
  Task<T> pop() {
    while (items_.empty()) co_await detail::WaitAwaiter(&not_empty_, false);
    T v = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    if (!items_.empty()) not_empty_.notify_one();  // a barging popper may have taken our wake-up
    co_return v;
  }

 private:
  std::size_t capacity_;
  std::deque<T> items_;
  detail::WaitList not_empty_;
  detail::WaitList not_full_;
};

// ---------------------------------------------------------------- futures and threads

namespace detail {

// Awaiting a boundwise::Future: the settling thread posts the resumption to
// the loop. The shared part outlives a cancelled awaiter, so a late
// settlement lands on a flag instead of a dead frame.
template <class T>
struct FutureAwaiter : CancelHook {
  struct Shared {
    std::coroutine_handle<> h;
    AsyncNode* node = nullptr;
    bool done = false;  // loop thread only
  };
  Future<T> future;
  std::shared_ptr<Shared> shared;
  AsyncNode* node = nullptr;
  bool aborted = false;

  explicit FutureAwaiter(Future<T> f) : future(std::move(f)) {}
  bool await_ready() const { return future.done(); }
  template <class P>
  bool await_suspend(std::coroutine_handle<P> h) {
    node = h.promise().node;
    if (node->cancel_pending()) {
      aborted = true;
      future.cancel();
      return false;
    }
    shared = std::make_shared<Shared>();
    shared->h = h;
    shared->node = node;
    abort = &on_abort;
    node->set_hook(this);
    Loop* loop = node->loop();
    detail::on_ready(future, [s = shared, remote = loop->remote(), loop] {
      post_remote(remote, [s, loop] {
        if (s->done) return;
        s->done = true;
        s->node->clear_hook();
        loop->schedule(s->h);
      });
    });
    return true;
  }
  static void on_abort(CancelHook* c) noexcept {
    auto* a = static_cast<FutureAwaiter*>(c);
    a->aborted = true;
    a->shared->done = true;
    try {
      a->future.cancel();  // drops it if it has not started (Python: fut.cancel())
    } catch (...) {
    }
    a->node->loop()->schedule(a->shared->h);
  }
  T await_resume() {
    if (aborted) {
      node->consume_cancel();
      throw CancelledError("boundwise: the task was cancelled");
    }
    return future.get();
  }
};

}  // namespace detail

// co_await on a boundwise::Future (from a ThreadPool, ProcessPool or Promise)
// suspends the task, not the thread.
template <class T>
detail::FutureAwaiter<T> operator co_await(Future<T> f) {
  return detail::FutureAwaiter<T>(std::move(f));
}

// The pool to_thread uses: min(32, cores + 4) threads, as Python's default
// executor; created on first use.
ThreadPool& default_thread_pool();
// The pool run_in_process uses: default_workers() processes, created on first use.
ProcessPool& default_process_pool();

// Python: asyncio.to_thread(f, *args). Runs f(args...) on default_thread_pool()
// and resumes on the loop with its value. Arguments are copied into the task
// (it is lazy). Cancelling the awaiter drops f if it has not started; a
// running f finishes on its thread, its result discarded.
template <class F, class... A>
auto to_thread(F f, A... args) -> Task<std::invoke_result_t<F&, A&...>> {
  co_return co_await default_thread_pool().submit(std::move(f), std::move(args)...);
}
// Same on a pool of your choice.
template <class F, class... A>
auto to_thread_on(ThreadPool& pool, F f, A... args) -> Task<std::invoke_result_t<F&, A&...>> {
  co_return co_await pool.submit(std::move(f), std::move(args)...);
}

// Python: loop.run_in_executor(ProcessPoolExecutor(), f, *args). f must be a
// plain function or capture-less lambda (ProcessPool's rule).
template <class F, class... A>
auto run_in_process(F f, A... args) {
  return [](F fn, A... as) -> Task<typename decltype(default_process_pool().submit(fn, as...))::value_type> {
    co_return co_await default_process_pool().submit(fn, std::move(as)...);
  }(std::move(f), std::move(args)...);
}
template <class F, class... A>
auto run_in_process_on(ProcessPool& pool, F f, A... args) {
  return [](ProcessPool& p, F fn, A... as) -> Task<typename decltype(p.submit(fn, as...))::value_type> {
    co_return co_await p.submit(fn, std::move(as)...);
  }(pool, std::move(f), std::move(args)...);
}

}  // namespace boundwise
