// ThreadPool behaviour: submit, exceptions, cancel, map, nested waits, fork-join on one worker, shutdown.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <atomic>
#include <chrono>
#include <list>
#include <memory>
#include <numeric>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "boundwise/thread_pool.hpp"
#include "test_support.hpp"

namespace bw = boundwise;
using bw::test::scaled;
using namespace std::chrono_literals;

namespace {

// A gate that blocks workers until opened, to hold tasks in Pending.
struct Gate {
  std::atomic<bool> open{false};
  void wait() const {
    while (!open.load()) std::this_thread::sleep_for(100us);
  }
};

long fib(bw::ThreadPool& pool, int n) {
  if (n < 2) return n;
  if (n < 12) return fib(pool, n - 1) + fib(pool, n - 2);
  auto left = pool.submit([&pool, n] { return fib(pool, n - 1); });
  const long right = fib(pool, n - 2);
  return left.get() + right;
}

long fib_seq(int n) { return n < 2 ? n : fib_seq(n - 1) + fib_seq(n - 2); }

void quicksort(bw::ThreadPool& pool, int* first, int* last) {
  if (last - first < 256) {
    std::sort(first, last);
    return;
  }
  const int pivot = first[(last - first) / 2];
  int* mid1 = std::partition(first, last, [pivot](int x) { return x < pivot; });
  int* mid2 = std::partition(mid1, last, [pivot](int x) { return x == pivot; });
  auto left = pool.submit([&pool, first, mid1] { quicksort(pool, first, mid1); });
  quicksort(pool, mid2, last);
  left.get();
}

}  // namespace

TEST(ThreadPool, SubmitReturnsValue) {
  bw::ThreadPool pool{2};
  EXPECT_EQ(pool.size(), 2u);
  auto f = pool.submit([](int a, int b) { return a + b; }, 2, 3);
  EXPECT_EQ(f.get(), 5);
  EXPECT_TRUE(f.done());
  EXPECT_EQ(f.status(), bw::FutureStatus::Finished);
}

TEST(ThreadPool, ZeroWorkersMeansOne) {
  bw::ThreadPool pool{0};
  EXPECT_EQ(pool.size(), 1u);
  EXPECT_EQ(pool.submit([] { return 1; }).get(), 1);
}

TEST(ThreadPool, ArgumentsAreCopiedAndMoveOnlyWorks) {
  bw::ThreadPool pool{2};
  std::string s = "abc";
  auto f = pool.submit([](std::string x) { return x + "!"; }, s);
  s = "changed";
  EXPECT_EQ(f.get(), "abc!");
  auto g = pool.submit([](std::unique_ptr<int> p) { return std::make_unique<int>(*p * 2); },
                       std::make_unique<int>(21));
  EXPECT_EQ(*g.get(), 42);
  int target = 0;
  auto h = pool.submit([](int& r) { r = 7; }, std::ref(target));
  h.get();
  EXPECT_EQ(target, 7);
}

TEST(ThreadPool, LargeAndOverAlignedCallables) {
  bw::ThreadPool pool{2};
  struct alignas(64) Wide {
    double v[8];
  };
  Wide w{};
  w.v[7] = 2.5;
  auto f = pool.submit([w] {
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(&w) % 64, 0u);
    return w.v[7];
  });
  EXPECT_EQ(f.get(), 2.5);
  std::array<char, 4096> big{};
  big[4095] = 'x';
  EXPECT_EQ(pool.submit([big] { return big[4095]; }).get(), 'x');  // beyond the cached sizes
  // Blocks recycle across threads: allocate here, free on workers, reuse.
  for (int round = 0; round < 3; ++round) {
    std::vector<bw::Future<int>> fs;
    for (int i = 0; i < 1000; ++i) fs.push_back(pool.submit([i] { return i; }));
    for (int i = 0; i < 1000; ++i) ASSERT_EQ(fs[static_cast<std::size_t>(i)].get(), i);
  }
}

TEST(ThreadPool, VoidTasksAndReferenceResults) {
  bw::ThreadPool pool{2};
  std::atomic<int> hits{0};
  pool.submit([&] { ++hits; }).get();
  EXPECT_EQ(hits.load(), 1);
  static int global = 3;
  auto r = pool.submit([]() -> int& { return global; });
  EXPECT_EQ(&r.get(), &global);
}

TEST(ThreadPool, CapturesAreReleasedBeforeFutureSettles) {
  bw::ThreadPool pool{1};
  auto token = std::make_shared<int>(1);
  std::weak_ptr<int> weak = token;
  auto f = pool.submit([t = std::move(token)] { return *t; });
  EXPECT_EQ(f.get(), 1);
  EXPECT_TRUE(weak.expired());
}

TEST(ThreadPool, ExceptionsInEveryPosition) {
  bw::ThreadPool pool{2};
  // Thrown by the task body.
  auto f = pool.submit([]() -> int { throw std::invalid_argument("bad arg"); });
  EXPECT_THROW(f.get(), std::invalid_argument);
  EXPECT_THROW(f.get(), std::invalid_argument);  // still there on a second get
  EXPECT_NE(f.exception(), nullptr);
  // Thrown by a non-std type.
  auto g = pool.submit([] { throw 42; });
  try {
    g.get();
    FAIL();
  } catch (int v) {
    EXPECT_EQ(v, 42);
  }
  // Thrown by a nested task and propagated through the parent.
  auto h = pool.submit([&pool] {
    auto inner = pool.submit([]() -> int { throw std::out_of_range("inner"); });
    return inner.get();
  });
  EXPECT_THROW(h.get(), std::out_of_range);
  // Thrown while copying the result out: the exception reaches get().
  struct ThrowsOnCopy {
    ThrowsOnCopy() = default;
    ThrowsOnCopy(const ThrowsOnCopy&) { throw std::runtime_error("copy"); }
    ThrowsOnCopy(ThrowsOnCopy&&) noexcept = default;
  };
  auto k = pool.submit([] { return ThrowsOnCopy{}; });
  EXPECT_THROW(k.get(), std::runtime_error);
  // The pool survives all of it.
  EXPECT_EQ(pool.submit([] { return 1; }).get(), 1);
}

TEST(ThreadPool, ThrowingArgumentCopyFailsSubmitItself) {
  bw::ThreadPool pool{1};
  struct Bomb {
    Bomb() = default;
    Bomb(const Bomb&) { throw std::length_error("copy"); }
  };
  const Bomb b;
  EXPECT_THROW(pool.submit([](const Bomb&) {}, b), std::length_error);
  EXPECT_EQ(pool.submit([] { return 2; }).get(), 2);
}

TEST(ThreadPool, WorkerWaitsOnPromiseKeptByALaterTask) {
  // One worker: A blocks on a promise that only B (queued behind A) keeps.
  // The helping wait runs B inside A's wait.
  bw::ThreadPool pool{1};
  bw::Promise<int> p;
  auto pf = p.get_future();
  auto a = pool.submit([pf]() mutable { return pf.get() + 1; });
  auto b = pool.submit([&p] {
    p.set_value(41);
    return 0;
  });
  EXPECT_EQ(a.get(), 42);
  EXPECT_EQ(b.get(), 0);
}

TEST(ThreadPool, CancelPendingTaskOnly) {
  bw::ThreadPool pool{1};
  Gate gate;
  std::atomic<bool> started{false};
  auto blocker = pool.submit([&] {
    started = true;
    gate.wait();
    return 1;
  });
  while (!started) std::this_thread::sleep_for(100us);
  std::atomic<int> ran{0};
  auto pending = pool.submit([&] { ++ran; });
  EXPECT_FALSE(blocker.cancel());  // running: never interrupted
  EXPECT_TRUE(blocker.running());
  EXPECT_TRUE(pending.cancel());
  EXPECT_TRUE(pending.cancelled());
  EXPECT_THROW(pending.get(), bw::CancelledError);
  gate.open = true;
  EXPECT_EQ(blocker.get(), 1);
  pool.shutdown();
  EXPECT_EQ(ran.load(), 0);
  EXPECT_FALSE(blocker.cancel());  // finished
}

TEST(ThreadPool, SubmitAfterShutdownThrows) {
  bw::ThreadPool pool{2};
  pool.shutdown();
  pool.shutdown();  // idempotent
  try {
    pool.submit([] {});
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("shutdown"), std::string::npos);
  }
}

TEST(ThreadPool, ShutdownCancelPending) {
  bw::ThreadPool pool{1};
  Gate gate;
  std::atomic<bool> started{false};
  auto blocker = pool.submit([&] {
    started = true;
    gate.wait();
  });
  while (!started) std::this_thread::sleep_for(100us);
  std::vector<bw::Future<int>> pending;
  for (int i = 0; i < 50; ++i) pending.push_back(pool.submit([i] { return i; }));
  std::thread opener([&] {
    std::this_thread::sleep_for(5ms);
    gate.open = true;
  });
  pool.shutdown(/*wait=*/true, /*cancel_pending=*/true);
  opener.join();
  EXPECT_NO_THROW(blocker.get());
  for (auto& f : pending) {
    EXPECT_TRUE(f.cancelled());
    EXPECT_THROW(f.get(), bw::CancelledError);
  }
}

TEST(ThreadPool, ShutdownWithoutWaitStillRunsAcceptedWork) {
  std::atomic<int> ran{0};
  std::vector<bw::Future<void>> fs;
  {
    bw::ThreadPool pool{2};
    for (int i = 0; i < 100; ++i) fs.push_back(pool.submit([&] {
      std::this_thread::sleep_for(10us);
      ++ran;
    }));
    pool.shutdown(/*wait=*/false);
  }  // destructor joins
  EXPECT_EQ(ran.load(), 100);
  for (auto& f : fs) EXPECT_TRUE(f.done());
}

TEST(ThreadPool, DestroyedWithPendingWorkRunsIt) {
  std::atomic<int> ran{0};
  const int n = static_cast<int>(scaled(2000));
  {
    bw::ThreadPool pool{2};
    for (int i = 0; i < n; ++i) pool.submit([&] { ++ran; });
  }
  EXPECT_EQ(ran.load(), n);
}

TEST(ThreadPool, MapKeepsInputOrder) {
  bw::ThreadPool pool{2};
  std::vector<int> in(1000);
  std::iota(in.begin(), in.end(), 0);
  for (std::size_t chunk : {0u, 1u, 7u, 1000u, 5000u}) {
    auto out = pool.map([](int x) { return x * 2; }, in, chunk);
    ASSERT_EQ(out.size(), in.size());
    for (std::size_t i = 0; i < in.size(); ++i) ASSERT_EQ(out[i], static_cast<int>(i) * 2) << chunk;
  }
}

TEST(ThreadPool, MapOverOtherRangesAndTypes) {
  bw::ThreadPool pool{2};
  std::list<std::string> words{"a", "bb", "ccc"};
  auto lens = pool.map([](const std::string& s) { return s.size(); }, words);
  EXPECT_EQ(lens, (std::vector<std::size_t>{1, 2, 3}));
  auto flags = pool.map([](int x) { return x % 2 == 0; }, std::vector<int>{1, 2, 3, 4}, 1);
  EXPECT_EQ(flags, (std::vector<bool>{false, true, false, true}));
  struct NoDefault {
    explicit NoDefault(int v) : v(v) {}
    int v;
  };
  auto nd = pool.map([](int x) { return NoDefault(x); }, std::vector<int>{5, 6});
  ASSERT_EQ(nd.size(), 2u);
  EXPECT_EQ(nd[1].v, 6);
  EXPECT_TRUE(pool.map([](int x) { return x; }, std::vector<int>{}).empty());
  std::atomic<int> sum{0};
  pool.map([&](int x) { sum += x; }, std::vector<int>{1, 2, 3});  // void results
  EXPECT_EQ(sum.load(), 6);
}

TEST(ThreadPool, MapRethrowsFirstExceptionInInputOrder) {
  bw::ThreadPool pool{2};
  std::vector<int> in(200);
  std::iota(in.begin(), in.end(), 0);
  for (std::size_t chunk : {0u, 1u, 10u}) {
    std::atomic<int> started{0};
    try {
      pool.map(
          [&](int x) {
            ++started;
            // The later failure finishes first; map must still report item 30.
            if (x == 150) throw std::runtime_error("150");
            if (x == 30) {
              std::this_thread::sleep_for(2ms);
              throw std::runtime_error("30");
            }
            return x;
          },
          in, chunk);
      FAIL();
    } catch (const std::runtime_error& e) {
      EXPECT_STREQ(e.what(), "30") << chunk;
    }
    EXPECT_GT(started.load(), 30);
  }
}

TEST(ThreadPool, MapInsideTaskOnOneWorker) {
  bw::ThreadPool pool{1};
  auto f = pool.submit([&pool] {
    std::vector<int> in(100, 1);
    auto out = pool.map([](int x) { return x + 1; }, in);
    return std::accumulate(out.begin(), out.end(), 0);
  });
  EXPECT_EQ(f.get(), 200);
}

TEST(ThreadPool, FibOnOneWorker) {
  bw::ThreadPool pool{1};
  const int n = bw::test::kScale > 1 ? 18 : 22;
  auto f = pool.submit([&pool, n] { return fib(pool, n); });
  EXPECT_EQ(f.get(), fib_seq(n));
}

TEST(ThreadPool, FibOnSeveralWorkers) {
  bw::ThreadPool pool{3};
  const int n = bw::test::kScale > 1 ? 20 : 25;
  EXPECT_EQ(fib(pool, n), fib_seq(n));  // from the outside thread, too
}

TEST(ThreadPool, ParallelQuicksortOnOneAndTwoWorkers) {
  for (std::size_t workers : {1u, 2u}) {
    bw::ThreadPool pool{workers};
    std::vector<int> v(scaled(200'000));
    std::mt19937 rng(7);
    for (auto& x : v) x = static_cast<int>(rng() % 1000);
    auto expected = v;
    std::sort(expected.begin(), expected.end());
    pool.submit([&] { quicksort(pool, v.data(), v.data() + v.size()); }).get();
    EXPECT_EQ(v, expected);
  }
}

TEST(ThreadPool, TenThousandTasksOnOneWorker) {
  bw::ThreadPool pool{1};
  std::vector<bw::Future<std::size_t>> fs;
  const std::size_t n = scaled(10'000);
  for (std::size_t i = 0; i < n; ++i) fs.push_back(pool.submit([i] { return i; }));
  std::size_t sum = 0;
  for (auto& f : fs) sum += f.get();
  EXPECT_EQ(sum, n * (n - 1) / 2);
}

TEST(ThreadPool, NestedWaitsFromTasks) {
  bw::ThreadPool pool{2};
  // Each level waits on the next: depth > workers would deadlock a
  // non-helping pool.
  std::function<int(int)> nest = [&](int depth) -> int {
    if (depth == 0) return 0;
    return pool.submit(nest, depth - 1).get() + 1;
  };
  EXPECT_EQ(pool.submit(nest, 50).get(), 50);
  // wait() and as_completed() from inside a task, too.
  auto f = pool.submit([&pool] {
    std::vector<bw::Future<int>> fs;
    for (int i = 0; i < 20; ++i) fs.push_back(pool.submit([i] { return i; }));
    auto r = bw::wait(fs);
    int sum = 0;
    for (auto g : bw::as_completed(r.done)) sum += g.get();
    return sum;
  });
  EXPECT_EQ(f.get(), 190);
}

TEST(ThreadPool, TimedWaitOnWorkerReturns) {
  bw::ThreadPool pool{1};
  bw::Promise<int> never;
  auto nf = never.get_future();
  auto f = pool.submit([nf] { return nf.wait_for(2ms); });
  EXPECT_FALSE(f.get());
  never.set_value(0);
}

TEST(ThreadPool, AsCompletedAndWaitOnPoolFutures) {
  bw::ThreadPool pool{2};
  Gate gate;
  std::vector<bw::Future<int>> fs;
  fs.push_back(pool.submit([&] {
    gate.wait();
    return 0;
  }));
  fs.push_back(pool.submit([] { return 1; }));
  auto first = bw::wait(fs, bw::ReturnWhen::FirstCompleted);
  ASSERT_EQ(first.done.size(), 1u);
  EXPECT_EQ(first.done[0].get(), 1);
  std::vector<int> order;
  std::thread opener([&] {
    std::this_thread::sleep_for(2ms);
    gate.open = true;
  });
  for (auto f : bw::as_completed(fs)) order.push_back(f.get());
  opener.join();
  EXPECT_EQ(order, (std::vector<int>{1, 0}));
  auto fe = pool.submit([]() -> int { throw std::runtime_error("x"); });
  fs.push_back(fe);
  auto r = bw::wait(fs, bw::ReturnWhen::FirstException);
  EXPECT_EQ(r.done.size(), 3u);
}

// A pool task settles without the state's lock unless a callback was
// registered; registering (as_completed, wait) races that settle. A lost
// callback would leave as_completed waiting: the timeout turns it into a
// failure instead of a hang.
TEST(ThreadPool, CallbacksRegisteredWhileTasksSettleAllRun) {
  bw::ThreadPool pool{2};
  for (int round = 0; round < 20; ++round) {
    std::vector<bw::Future<int>> fs;
    const int n = static_cast<int>(scaled(500));
    for (int i = 0; i < n; ++i) fs.push_back(pool.submit([i] { return i; }));
    long sum = 0;
    int seen = 0;
    EXPECT_NO_THROW(for (auto f : bw::as_completed(fs, 60s)) {
      sum += f.get();
      ++seen;
    });
    EXPECT_EQ(seen, n);
    EXPECT_EQ(sum, static_cast<long>(n) * (n - 1) / 2);
  }
}

TEST(ThreadPool, SubmitFromManyThreads) {
  bw::ThreadPool pool{2};
  std::atomic<long> sum{0};
  const int per = static_cast<int>(scaled(2000));
  std::vector<std::thread> ts;
  for (int t = 0; t < 4; ++t)
    ts.emplace_back([&] {
      std::vector<bw::Future<void>> fs;
      for (int i = 0; i < per; ++i) fs.push_back(pool.submit([&sum, i] { sum += i; }));
      for (auto& f : fs) f.get();
    });
  for (auto& t : ts) t.join();
  EXPECT_EQ(sum.load(), 4L * per * (per - 1) / 2);
}

// Outside threads get a submission deque of their own while there are free
// ones (4 per pool) and share the locked queue beyond that; a thread that
// exits hands its deque back. None of this may lose or duplicate a task.
TEST(ThreadPool, ManyOutsideThreadsMoreThanSubmissionSlots) {
  bw::ThreadPool pool{2};
  std::atomic<long> sum{0};
  std::atomic<int> count{0};
  const int per = static_cast<int>(scaled(500));
  for (int wave = 0; wave < 3; ++wave) {  // later waves reuse slots of exited threads
    std::vector<std::thread> ts;
    for (int t = 0; t < 9; ++t)
      ts.emplace_back([&] {
        std::vector<bw::Future<void>> fs;
        for (int i = 0; i < per; ++i)
          fs.push_back(pool.submit([&sum, &count, i] {
            sum += i;
            ++count;
          }));
        for (auto& f : fs) EXPECT_TRUE(f.wait_for(60s));
      });
    for (auto& t : ts) t.join();
  }
  EXPECT_EQ(count.load(), 27 * per);
  EXPECT_EQ(sum.load(), 27L * per * (per - 1) / 2);
}

// One thread alternating between pools, and outliving a pool it submitted to.
TEST(ThreadPool, OneThreadSubmitsToSeveralPoolsAndOutlivesOne) {
  bw::ThreadPool a{1};
  std::atomic<int> ran{0};
  std::vector<bw::Future<void>> fs;
  {
    bw::ThreadPool b{1};
    for (int i = 0; i < 200; ++i) {
      fs.push_back(a.submit([&] { ++ran; }));
      fs.push_back(b.submit([&] { ++ran; }));
    }
    for (auto& f : fs) EXPECT_TRUE(f.wait_for(60s));
  }  // b is gone; this thread's binding to it must not be reused
  bw::ThreadPool c{1};
  EXPECT_EQ(c.submit([] { return 5; }).get(), 5);
  EXPECT_EQ(a.submit([] { return 6; }).get(), 6);
  EXPECT_EQ(ran.load(), 400);
}

// Submitters racing shutdown(wait=false): each submit either throws or its
// task completes; none is stranded in a submission deque after the workers
// decided to exit (the wait_for turns a stranded task into a failure).
TEST(ThreadPool, SubmitRacingShutdownWithoutWaitStrandsNothing) {
  const int rounds = static_cast<int>(scaled(40));
  for (int round = 0; round < rounds; ++round) {
    bw::ThreadPool pool{2};
    std::atomic<int> ran{0}, accepted{0}, rejected{0};
    std::vector<std::thread> ts;
    for (int t = 0; t < 6; ++t)
      ts.emplace_back([&] {
        std::vector<bw::Future<void>> fs;
        for (int i = 0; i < 300; ++i) {
          try {
            fs.push_back(pool.submit([&] { ++ran; }));
            ++accepted;
          } catch (const std::runtime_error&) {
            ++rejected;
          }
        }
        for (auto& f : fs) EXPECT_TRUE(f.wait_for(60s));
      });
    std::this_thread::sleep_for(std::chrono::microseconds(30 * (round % 7)));
    pool.shutdown(false);
    for (auto& t : ts) t.join();
    EXPECT_EQ(accepted + rejected, 1800);
    EXPECT_EQ(ran.load(), accepted.load());
  }
}

TEST(ThreadPool, SubmitCancelShutdownRace) {
  const int rounds = static_cast<int>(scaled(30));
  for (int round = 0; round < rounds; ++round) {
    bw::ThreadPool pool{2};
    std::atomic<int> ran{0}, rejected{0}, cancelled{0}, finished{0};
    std::vector<std::thread> ts;
    for (int t = 0; t < 3; ++t)
      ts.emplace_back([&, t] {
        for (int i = 0; i < 200; ++i) {
          try {
            auto f = pool.submit([&] { ++ran; });
            if ((i + t) % 3 == 0 && f.cancel()) {
              ++cancelled;
              EXPECT_THROW(f.get(), bw::CancelledError);
            } else {
              try {
                f.get();
                ++finished;
              } catch (const bw::CancelledError&) {
                ++cancelled;  // cancelled by shutdown(cancel_pending)
              }
            }
          } catch (const std::runtime_error& e) {
            if (dynamic_cast<const bw::CancelledError*>(&e) == nullptr) ++rejected;
          }
        }
      });
    ts.emplace_back([&, round] {
      std::this_thread::sleep_for(std::chrono::microseconds(50 * (round % 5)));
      pool.shutdown(true, round % 2 == 0);
    });
    for (auto& t : ts) t.join();
    EXPECT_EQ(ran.load(), finished.load());
    EXPECT_EQ(finished + cancelled + rejected, 600);
  }
}

TEST(ThreadPool, ShutdownFromInsideATask) {
  bw::ThreadPool pool{2};
  auto f = pool.submit([&pool] {
    pool.shutdown(/*wait=*/true);
    return 1;
  });
  EXPECT_EQ(f.get(), 1);
  EXPECT_THROW(pool.submit([] {}), std::runtime_error);
}

TEST(ThreadPool, NoLostWakeupWhenTheSpinnerTakesAnotherTask) {
  // Regression: submitters skip the futex wake while a worker spins; if that
  // spinner takes a different (blocking) task, the other must still run.
  const int rounds = static_cast<int>(scaled(200));
  for (int round = 0; round < rounds; ++round) {
    bw::ThreadPool pool{2};
    if (round % 2) std::this_thread::sleep_for(std::chrono::microseconds(round % 7 * 30));
    Gate gate;
    auto blocker = pool.submit([&] { gate.wait(); });
    auto quick = pool.submit([] { return 1; });
    const bool ran = quick.wait_for(60s);
    gate.open = true;  // before any assertion, so a failure cannot hang the pool's destructor
    blocker.get();
    ASSERT_TRUE(ran) << "round " << round;
  }
}

TEST(ThreadPool, NoLeakedThreads) {
  // TSan starts a background thread of its own when the process creates its
  // first thread: start one first so the baseline includes it.
  std::thread([] {}).join();
  const std::size_t before = bw::test::thread_count();
  for (int i = 0; i < 5; ++i) {
    bw::ThreadPool pool{4};
    // At least the four workers: a sanitizer runtime may start a helper
    // thread of its own at any time, so "exactly" is only checked at the end.
    EXPECT_GE(bw::test::thread_count(), before + 4);
    pool.submit([] {}).get();
    if (i % 2) pool.shutdown(false, true);
  }
  EXPECT_EQ(bw::test::thread_count(), before);
}

TEST(DefaultWorkers, Sanity) {
  const std::size_t n = bw::default_workers();
  EXPECT_GE(n, 1u);
  const unsigned hw = std::thread::hardware_concurrency();
  if (hw != 0) {
    EXPECT_LE(n, hw);
  }
  bw::ThreadPool pool;
  EXPECT_EQ(pool.size(), n);
}
