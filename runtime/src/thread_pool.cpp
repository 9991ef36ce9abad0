// The work-stealing scheduler behind ThreadPool: workers, injection queue, stealing, parking, shutdown.
#include "boundwise/thread_pool.hpp"

#include <array>
#include <chrono>
#include <climits>
#include <cstdint>
#include <pthread.h>

#include <deque>
#include <string>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "boundwise/detail/wait_support.hpp"
#include "boundwise/detail/work_stealing_deque.hpp"

namespace boundwise {
namespace detail {

namespace {
// Batch size when a worker takes from the shared queue: amortizes the mutex
// over several tasks; the surplus goes to the worker's deque where idle
// workers can steal it.
constexpr std::size_t kInjectBatch = 32;
// Rounds of looking for work before a worker parks. Each round ends in a
// yield, so on an oversubscribed machine spinning hands the core over.
constexpr int kSpinRounds = 64;
constexpr std::chrono::nanoseconds kParkTimeout = std::chrono::milliseconds(50);
// Submission deques lent to threads outside the pool (see ExternalSlot).
// Threads beyond this many share the locked injection queue.
constexpr std::size_t kExternalSlots = 4;
std::atomic<std::uint64_t> g_next_scheduler_id{1};
}  // namespace

// A deque that one thread outside the pool owns for as long as it lives (as
// oneTBB lends arena slots to external threads). Its owner pushes without a
// lock or a read-modify-write, and workers steal in FIFO order. Profiling 1M
// empty submits showed the shared queue's spin lock as the hottest
// instruction: idle workers took tasks one at a time as they appeared, so the
// lock's cache line bounced between the submitter and a worker on every
// submit. Held by shared_ptr so that a thread that outlives its pool can
// still hand the slot back at exit.
struct ExternalSlot {
  std::atomic<bool> owned{false};
  WorkStealingDeque<TaskNode> deque;
};

namespace {
// This thread's slot in the pool it last submitted to from outside. A
// thread that alternates between pools re-binds each time (correct, just
// slower); pool ids are never reused, so a dead pool's binding never matches.
struct ExternalBinding {
  std::uint64_t scheduler_id = 0;
  std::shared_ptr<ExternalSlot> slot;  // null with a matching id: no slot was free
  ExternalBinding() = default;
  ExternalBinding(const ExternalBinding&) = delete;
  ExternalBinding& operator=(const ExternalBinding&) = delete;
  ~ExternalBinding() { release(); }
  void release() noexcept {
    if (slot) slot->owned.store(false, std::memory_order_release);
    slot.reset();
    scheduler_id = 0;
  }
};
thread_local ExternalBinding tls_external;
}  // namespace

class Scheduler;

struct Worker final : WaitHelper {
  Worker(Scheduler* s, std::size_t i) : scheduler(s), index(i), rng(0x9E3779B97F4A7C15ull * (i + 1)) {}
  bool help_one() override;

  Scheduler* const scheduler;
  const std::size_t index;
  WorkStealingDeque<TaskNode> deque;
  std::uint64_t rng;
  std::thread thread;
};

namespace {
thread_local Worker* tls_worker = nullptr;
}

class Scheduler {
 public:
  explicit Scheduler(std::size_t n) {
    for (auto& s : slots_) s = std::make_shared<ExternalSlot>();
    workers_.reserve(n);
    for (std::size_t i = 0; i < n; ++i) workers_.push_back(std::make_unique<Worker>(this, i));
    try {
      for (auto& w : workers_) w->thread = std::thread([this, wp = w.get()] { worker_main(*wp); });
    } catch (...) {
      shutdown(true, true);
      throw;
    }
  }

  ~Scheduler() { shutdown(true, false); }

  std::size_t size() const noexcept { return workers_.size(); }
  bool owns_current_thread() const noexcept { return tls_worker != nullptr && tls_worker->scheduler == this; }

  void enqueue(TaskNode* task) {
    Worker* const self = tls_worker;
    if (self != nullptr && self->scheduler == this) {
      // Fork-join fast path: no lock, and the submitter usually runs it
      // itself (LIFO) unless an idle worker steals it first.
      self->deque.push(task);
    } else if (ExternalSlot* slot = external_slot()) {
      submit_external(*slot, task);
      return;
    } else {
      std::unique_lock lock(inject_mutex_);
      if (!accepting_.load(std::memory_order_relaxed)) {
        lock.unlock();
        task->discard();
        throw std::runtime_error("boundwise::ThreadPool: cannot submit after shutdown()");
      }
      try {
        injected_.push_back(task);
      } catch (...) {  // out of memory: the queue's reference must not leak
        lock.unlock();
        task->discard();
        throw;
      }
      injected_count_.store(injected_.size(), std::memory_order_relaxed);
    }
    notify_one();
  }

  void shutdown(bool wait, bool cancel_pending) {
    std::deque<TaskNode*> dropped;
    {
      std::lock_guard lock(inject_mutex_);
      accepting_.store(false, std::memory_order_seq_cst);
      if (cancel_pending) {
        dropped.swap(injected_);
        injected_count_.store(0, std::memory_order_relaxed);
      }
    }
    for (TaskNode* t : dropped) t->discard();
    if (cancel_pending) {
      // Thieves may take from any deque concurrently with its owner.
      auto drain = [](WorkStealingDeque<TaskNode>& d) {
        for (;;) {
          TaskNode* t = nullptr;
          const auto r = d.steal(t);
          if (r == WorkStealingDeque<TaskNode>::StealResult::Empty) break;
          if (r == WorkStealingDeque<TaskNode>::StealResult::Taken) t->discard();
        }
      };
      for (auto& w : workers_) drain(w->deque);
      for (auto& s : slots_) drain(s->deque);
    }
    stopping_.store(true, std::memory_order_seq_cst);
    epoch_.fetch_add(1, std::memory_order_seq_cst);
    futex_wake(epoch_, INT_MAX);
    if (!wait) return;
    std::lock_guard join_lock(join_mutex_);
    for (auto& w : workers_) {
      // A task shutting its own pool down cannot join itself; the others
      // still drain. The thread is joined by the destructor.
      if (w->thread.joinable() && w->thread.get_id() != std::this_thread::get_id()) w->thread.join();
    }
  }

  TaskNode* find_work(Worker& w) {
    if (TaskNode* t = w.deque.pop()) return t;
    if (injected_count_.load(std::memory_order_relaxed) != 0) {
      if (TaskNode* t = take_injected(w)) return t;
    }
    return steal(w);
  }

 private:
  // This thread's external slot in this pool, binding a free one on first
  // use; nullptr if all were taken (the locked queue is used instead).
  ExternalSlot* external_slot() {
    ExternalBinding& b = tls_external;
    if (b.scheduler_id == id_) return b.slot.get();
    b.release();
    b.scheduler_id = id_;
    for (auto& s : slots_) {
      if (!s->owned.load(std::memory_order_relaxed) && !s->owned.exchange(true, std::memory_order_acquire)) {
        b.slot = s;
        return s.get();
      }
    }
    return nullptr;
  }

  // Owner push, then one fence that serves two handshakes: with park() (see
  // notify_one) and with shutdown(). shutdown() clears accepting_ before it
  // sets stopping_, and a worker exits only after seeing stopping_ and then
  // no visible work. So if our load after the fence still sees accepting_,
  // our push precedes the clear and every exit check sees the task; if it
  // sees the clear, we take the task back unless a worker already has it.
  void submit_external(ExternalSlot& slot, TaskNode* task) {
    try {
      slot.deque.push(task);
    } catch (...) {  // out of memory growing the ring
      task->discard();
      throw;
    }
    full_fence();
    if (!accepting_.load(std::memory_order_relaxed)) {
      TaskNode* const t = slot.deque.pop();
      if (t == task) {
        task->discard();
        throw std::runtime_error("boundwise::ThreadPool: cannot submit after shutdown()");
      }
      // A worker stole ours (so it runs); an older task goes back.
      if (t != nullptr) slot.deque.push(t);
    }
    wake_if_idle();
  }

  TaskNode* take_injected(Worker& w) {
    TaskNode* batch[kInjectBatch];
    std::size_t got = 0;
    {
      std::lock_guard lock(inject_mutex_);
      const std::size_t share = (injected_.size() + workers_.size() - 1) / workers_.size();
      const std::size_t want = std::min(kInjectBatch, std::max<std::size_t>(1, share));
      while (got < want && !injected_.empty()) {
        batch[got++] = injected_.front();
        injected_.pop_front();
      }
      injected_count_.store(injected_.size(), std::memory_order_relaxed);
    }
    if (got == 0) return nullptr;
    // Push the surplus newest-first so our LIFO pops keep submission order.
    for (std::size_t i = got; i-- > 1;) w.deque.push(batch[i]);
    if (got > 1) notify_one();
    return batch[0];
  }

  TaskNode* steal(Worker& w) {
    for (auto& s : slots_) {
      TaskNode* t = nullptr;
      if (s->deque.steal(t) == WorkStealingDeque<TaskNode>::StealResult::Taken) return t;
    }
    const std::size_t n = workers_.size();
    if (n < 2) return nullptr;
    w.rng ^= w.rng << 13;
    w.rng ^= w.rng >> 7;
    w.rng ^= w.rng << 17;
    const std::size_t start = static_cast<std::size_t>(w.rng % n);
    for (int attempt = 0; attempt < 2; ++attempt) {
      bool contended = false;
      for (std::size_t k = 0; k < n; ++k) {
        Worker& victim = *workers_[(start + k) % n];
        if (&victim == &w) continue;
        TaskNode* t = nullptr;
        const auto r = victim.deque.steal(t);
        if (r == WorkStealingDeque<TaskNode>::StealResult::Taken) return t;
        if (r == WorkStealingDeque<TaskNode>::StealResult::Lost) contended = true;
      }
      if (!contended) break;
    }
    return nullptr;
  }

  bool work_visible(const Worker& w) const {
    if (injected_count_.load(std::memory_order_relaxed) != 0) return true;
    if (!w.deque.maybe_empty()) return true;
    for (auto& other : workers_)
      if (!other->deque.maybe_empty()) return true;
    for (auto& s : slots_)
      if (!s->deque.maybe_empty()) return true;
    return false;
  }

  // Publisher side of the sleep handshake: the task is already queued. If a
  // worker is spinning it will find the task, so no syscall is needed (this
  // is what keeps a stream of small submits from paying a futex wake each).
  // Otherwise wake a sleeper. A worker that stops spinning to park counts
  // itself a sleeper before its fence, so either we see it or it sees the
  // task (see park()).
  void notify_one() {
    full_fence();
    wake_if_idle();
  }
  void wake_if_idle() {  // after the publisher's fence
    if (spinning_.load(std::memory_order_relaxed) == 0 && sleepers_.load(std::memory_order_relaxed) != 0) {
      epoch_.fetch_add(1, std::memory_order_release);
      futex_wake(epoch_, 1);
    }
  }

  void wake_sleeper() {
    full_fence();
    if (sleepers_.load(std::memory_order_relaxed) != 0) {
      epoch_.fetch_add(1, std::memory_order_release);
      futex_wake(epoch_, 1);
    }
  }

  // Sleeper side: stop spinning and announce in one step before the fence,
  // snapshot the epoch, re-check for work, sleep on the snapshot. A publisher
  // that missed the announcement queued before our re-check (fence pairing);
  // one that saw it bumps the epoch, so futex_wait returns at once or we are
  // woken.
  void park(Worker& w) {
    sleepers_.fetch_add(1, std::memory_order_relaxed);
    spinning_.fetch_sub(1, std::memory_order_relaxed);
    full_fence();
    const std::uint32_t seen = epoch_.load(std::memory_order_acquire);
    // The timeout is a safety net, not part of the protocol: should a
    // wake-up ever be lost, a parked worker still rechecks the queues every
    // kParkTimeout instead of sleeping forever. Idle cost: a few wake-ups a
    // second per worker.
    if (!work_visible(w) && !stopping_.load(std::memory_order_acquire)) futex_wait(epoch_, seen, &kParkTimeout);
    sleepers_.fetch_sub(1, std::memory_order_relaxed);
  }

  bool spin_for_work(const Worker& w) {
    for (int round = 0; round < kSpinRounds; ++round) {
      for (int i = 0; i < 16; ++i) cpu_relax();
      if (work_visible(w)) return true;
      if (round >= 8) std::this_thread::yield();
    }
    return false;
  }

  void worker_main(Worker& w) {
    tls_worker = &w;
    tls_wait_helper = &w;
    const std::string name = "bw-worker-" + std::to_string(w.index);
    pthread_setname_np(pthread_self(), name.substr(0, 15).c_str());
    for (;;) {
      if (TaskNode* t = find_work(w)) {
        t->run();
        continue;
      }
      spinning_.fetch_add(1, std::memory_order_relaxed);
      if (spin_for_work(w)) {
        // Submitters skip the wake-up while anyone spins, trusting the
        // spinner with their task; but the spinner may take a different
        // task. So the last spinner to leave wakes a sleeper, which then
        // looks for whatever is left (as Tokio's and Go's schedulers do).
        if (spinning_.fetch_sub(1, std::memory_order_seq_cst) == 1) wake_sleeper();
        continue;
      }
      if (stopping_.load(std::memory_order_acquire) && !work_visible(w)) {
        // Exit only once nothing is left that this worker could take; a task
        // still running elsewhere drains its own deque before that worker
        // exits.
        spinning_.fetch_sub(1, std::memory_order_relaxed);
        break;
      }
      park(w);  // leaves the spinning count
    }
    tls_wait_helper = nullptr;
    tls_worker = nullptr;
  }

  const std::uint64_t id_ = g_next_scheduler_id.fetch_add(1, std::memory_order_relaxed);
  std::array<std::shared_ptr<ExternalSlot>, kExternalSlots> slots_;
  std::vector<std::unique_ptr<Worker>> workers_;
  // A spin lock, not std::mutex: the critical sections are a few pointer
  // moves, and a mutex that puts the submitting thread to sleep while a
  // worker takes a batch costs a context switch per collision.
  alignas(64) SpinLock inject_mutex_;
  std::deque<TaskNode*> injected_;
  std::atomic<bool> accepting_{true};  // cleared under inject_mutex_
  alignas(64) std::atomic<std::size_t> injected_count_{0};
  alignas(64) std::atomic<std::uint32_t> epoch_{0};
  alignas(64) std::atomic<std::uint32_t> sleepers_{0};
  std::atomic<std::uint32_t> spinning_{0};  // workers between "no work" and park()
  std::atomic<bool> stopping_{false};
  std::mutex join_mutex_;
};

bool Worker::help_one() {
  TaskNode* t = scheduler->find_work(*this);
  if (t == nullptr) return false;
  t->run();
  return true;
}

}  // namespace detail

ThreadPool::ThreadPool(std::size_t workers)
    : scheduler_(std::make_unique<detail::Scheduler>(workers == 0 ? 1 : workers)) {}

ThreadPool::~ThreadPool() = default;

void ThreadPool::shutdown(bool wait, bool cancel_pending) { scheduler_->shutdown(wait, cancel_pending); }

std::size_t ThreadPool::size() const noexcept { return scheduler_->size(); }

void ThreadPool::enqueue(detail::TaskNode* task) { scheduler_->enqueue(task); }

bool ThreadPool::on_worker_thread() const noexcept { return scheduler_->owns_current_thread(); }

}  // namespace boundwise
