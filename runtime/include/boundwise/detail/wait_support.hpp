// Blocking primitives shared by futures and pools: futex waits, a wake-up signal, and the helping-wait hook.
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <thread>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

namespace boundwise::detail {

using Clock = std::chrono::steady_clock;
using Deadline = std::optional<Clock::time_point>;

// Thin wrappers over the Linux futex (src/wait_support.cpp). A futex lets a
// 32-bit atomic double as its own wait queue with a timeout, which
// std::atomic::wait cannot do; `timeout == nullptr` waits forever. Spurious
// returns are allowed: callers always re-check their condition.
void futex_wait(const std::atomic<std::uint32_t>& word, std::uint32_t expected,
                const std::chrono::nanoseconds* timeout) noexcept;
void futex_wake(const std::atomic<std::uint32_t>& word, int count) noexcept;

// A full StoreLoad barrier for Dekker-style "publish, then check sleepers"
// handshakes. TSan does not model std::atomic_thread_fence (and GCC warns
// about it), so under TSan we use a seq_cst RMW on one shared word, which is
// at least as strong for two parties that both execute it.
#if defined(__SANITIZE_THREAD__)
#define BOUNDWISE_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define BOUNDWISE_TSAN 1
#endif
#endif

inline void full_fence() noexcept {
#if defined(BOUNDWISE_TSAN)
  static std::atomic<std::uint32_t> word{0};
  word.fetch_add(0, std::memory_order_seq_cst);
#elif defined(__x86_64__)
  // A locked no-op on the stack is a full barrier on x86 and cheaper than
  // mfence (what the Linux kernel uses for smp_mb()). It runs on every submit.
  asm volatile("lock orq $0, (%%rsp)" ::: "memory", "cc");
#else
  std::atomic_thread_fence(std::memory_order_seq_cst);
#endif
}

inline void cpu_relax() noexcept {
#if defined(__x86_64__) || defined(__i386__)
  _mm_pause();
#elif defined(__aarch64__)
  asm volatile("yield");
#endif
}

// A counter that waiters can sleep on; notify() wakes every sleeper. Used to
// wait on "any of several futures" (wait(), as_completed()).
class Signal {
 public:
  void notify() noexcept {
    seq_.fetch_add(1, std::memory_order_seq_cst);
    if (waiters_.load(std::memory_order_seq_cst) != 0) futex_wake(seq_, 0x7fffffff);
  }
  // Sleeps until notify() or the timeout, unless `ready()` already holds.
  // The sequence is read before `ready()` so a notify in between is not lost.
  template <class Ready>
  void block(Ready&& ready, const std::chrono::nanoseconds* timeout) noexcept {
    waiters_.fetch_add(1, std::memory_order_seq_cst);
    const std::uint32_t seen = seq_.load(std::memory_order_seq_cst);
    if (!ready()) futex_wait(seq_, seen, timeout);
    waiters_.fetch_sub(1, std::memory_order_relaxed);
  }

 private:
  std::atomic<std::uint32_t> seq_{0};
  std::atomic<std::uint32_t> waiters_{0};
};

// Installed (thread-locally) by a pool's worker loop. A blocking wait on a
// worker thread calls help_one() to run queued tasks instead of sleeping, so
// fork-join code cannot deadlock even on a pool of one worker. Keeping this a
// bare interface keeps future.hpp independent of thread_pool.hpp.
class WaitHelper {
 public:
  // Runs one queued task if there is one; returns false if none was found.
  virtual bool help_one() = 0;

 protected:
  ~WaitHelper() = default;
};

inline thread_local WaitHelper* tls_wait_helper = nullptr;

// Waits until `ready()` or the deadline; returns ready(). `block(timeout)`
// must return once the awaited thing may have changed or the timeout
// expired. On a worker thread, runs other tasks while waiting and only naps
// briefly between attempts, because new work does not wake a waiting worker.
template <class Ready, class Block>
bool wait_until(Ready&& ready, Block&& block, const Deadline& deadline) {
  using std::chrono::nanoseconds;
  if (ready()) return true;
  WaitHelper* const helper = tls_wait_helper;
  if (helper == nullptr) {
    // Spin a little first: a future waited on in a loop (`for (f : fs)
    // f.get()`) is usually about to settle, and sleeping costs the waiter a
    // context switch and the producer a futex wake. The yields keep the spin
    // cheap on an oversubscribed machine.
    for (int i = 0; i < 256; ++i) {
      if (i < 128) {
        cpu_relax();
      } else {
        std::this_thread::yield();
      }
      if (ready()) return true;
      if (deadline && (i & 15) == 15 && Clock::now() >= *deadline) return false;
    }
  }
  nanoseconds nap = std::chrono::microseconds(20);
  for (;;) {
    if (ready()) return true;
    Clock::time_point now{};
    if (deadline) {
      now = Clock::now();
      if (now >= *deadline) return ready();
    }
    if (helper != nullptr && helper->help_one()) continue;
    std::optional<nanoseconds> limit;
    if (helper != nullptr) {
      limit = nap;
      nap = std::min<nanoseconds>(nap * 2, std::chrono::milliseconds(1));
    }
    if (deadline) {
      const auto left = std::chrono::duration_cast<nanoseconds>(*deadline - now);
      limit = limit ? std::min(*limit, left) : left;
    }
    block(limit ? &*limit : nullptr);
  }
}

template <class Rep, class Period>
Deadline deadline_after(std::chrono::duration<Rep, Period> d) {
  // Durations past ~30 years mean "forever"; this also keeps the addition
  // below from overflowing for durations::max().
  if (std::chrono::duration<double>(d).count() > 1e9) return std::nullopt;
  return Clock::now() + std::chrono::duration_cast<Clock::duration>(d);
}

}  // namespace boundwise::detail
