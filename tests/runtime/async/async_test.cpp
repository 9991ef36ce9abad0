// Async executor: Task, run, spawn, gather, wait_for, sleep, Event, Semaphore, Queue, futures, threads, processes, cancellation.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "boundwise/async.hpp"

namespace {

using namespace std::chrono_literals;
using boundwise::CancelledError;
using boundwise::Task;
using boundwise::TimeoutError;
using Clock = std::chrono::steady_clock;

// Sets a flag from its destructor: proves RAII ran when a task unwound.
struct Sentinel {
  bool* flag;
  ~Sentinel() { *flag = true; }
};

Task<int> value_after(int v, std::chrono::milliseconds d) {
  co_await boundwise::sleep_for(d);
  co_return v;
}

Task<int> fail_after(std::chrono::milliseconds d) {
  co_await boundwise::sleep_for(d);
  throw std::runtime_error("boom");
}

Task<void> sleep_guarded(std::chrono::milliseconds d, bool* unwound) {
  Sentinel s{unwound};
  co_await boundwise::sleep_for(d);
}

TEST(AsyncTask, RunReturnsValueAndRethrows) {
  EXPECT_EQ(boundwise::run(value_after(7, 1ms)), 7);
  EXPECT_THROW(boundwise::run(fail_after(1ms)), std::runtime_error);
  boundwise::run([]() -> Task<void> { co_return; }());
}

TEST(AsyncTask, LazyUntilAwaited) {
  bool started = false;
  auto make = [&]() -> Task<int> {
    started = true;
    co_return 1;
  };
  {
    Task<int> t = make();
    EXPECT_FALSE(started);
  }  // destroyed without running
  EXPECT_FALSE(started);
  EXPECT_EQ(boundwise::run(make()), 1);
  EXPECT_TRUE(started);
}

Task<int> depth(int n) {
  if (n == 0) co_return 0;
  co_return 1 + co_await depth(n - 1);
}

TEST(AsyncTask, DeepAwaitChainsDoNotGrowTheStack) {
  // Symmetric transfer makes resumption a tail call in optimized builds;
  // sanitizer builds keep the frames, so they get a shallower chain.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  constexpr int kDepth = 500;
#else
  constexpr int kDepth = 20000;
#endif
  EXPECT_EQ(boundwise::run(depth(kDepth)), kDepth);
}

TEST(AsyncTask, MoveOnlyResults) {
  auto r = boundwise::run([]() -> Task<std::unique_ptr<int>> { co_return std::make_unique<int>(5); }());
  EXPECT_EQ(*r, 5);
}

TEST(AsyncTask, ExceptionsPropagateThroughAwaits) {
  auto outer = []() -> Task<std::string> {
    try {
      co_await fail_after(1ms);
    } catch (const std::runtime_error& e) {
      co_return e.what();
    }
    co_return "no";
  };
  EXPECT_EQ(boundwise::run(outer()), "boom");
}

TEST(AsyncSleep, WakesInDeadlineOrderAndNotEarly) {
  auto body = []() -> Task<std::vector<int>> {
    std::vector<int> order;
    auto rec = [&order](int v, std::chrono::milliseconds d) -> Task<void> {
      co_await boundwise::sleep_for(d);
      order.push_back(v);
    };
    auto t0 = Clock::now();
    co_await boundwise::gather(rec(3, 30ms), rec(1, 10ms), rec(2, 20ms), rec(0, 0ms));
    EXPECT_GE(Clock::now() - t0, 30ms);
    co_await boundwise::sleep_until(Clock::now() + 5ms);
    co_return order;
  };
  EXPECT_EQ(boundwise::run(body()), (std::vector<int>{0, 1, 2, 3}));
}

TEST(AsyncGather, RunsConcurrentlyAndKeepsOrder) {
  auto body = []() -> Task<void> {
    auto t0 = Clock::now();
    auto [a, b, c] = co_await boundwise::gather(value_after(1, 50ms), value_after(2, 50ms),
                                                []() -> Task<void> { co_await boundwise::sleep_for(50ms); }());
    EXPECT_EQ(a, 1);
    EXPECT_EQ(b, 2);
    (void)c;
    std::vector<Task<int>> many;
    for (int i = 0; i < 100; ++i) many.push_back(value_after(i, std::chrono::milliseconds(50 - i % 50)));
    auto r = co_await boundwise::gather(std::move(many));
    for (int i = 0; i < 100; ++i) EXPECT_EQ(r[i], i);
    EXPECT_LT(Clock::now() - t0, 1000ms);  // ~100 ms if concurrent
    std::vector<Task<void>> voids;
    voids.push_back([]() -> Task<void> { co_return; }());
    co_await boundwise::gather(std::move(voids));
    auto empty = co_await boundwise::gather(std::vector<Task<int>>{});
    EXPECT_TRUE(empty.empty());
  };
  boundwise::run(body());
}

TEST(AsyncGather, FirstFailureCancelsSiblingsAndIsRethrown) {
  bool unwound1 = false, unwound2 = false;
  auto body = [&]() -> Task<void> {
    auto t0 = Clock::now();
    EXPECT_THROW(co_await boundwise::gather(sleep_guarded(10s, &unwound1), fail_after(5ms),
                                            sleep_guarded(10s, &unwound2)),
                 std::runtime_error);
    EXPECT_LT(Clock::now() - t0, 2s);
  };
  boundwise::run(body());
  EXPECT_TRUE(unwound1);
  EXPECT_TRUE(unwound2);
}

TEST(AsyncWaitFor, TimeoutCancelsAndThrows) {
  bool unwound = false;
  auto body = [&]() -> Task<void> {
    auto t0 = Clock::now();
    EXPECT_THROW(co_await boundwise::wait_for(sleep_guarded(10s, &unwound), 20ms), TimeoutError);
    auto took = Clock::now() - t0;
    EXPECT_GE(took, 20ms);
    EXPECT_LT(took, 2s);
    EXPECT_TRUE(unwound);
    EXPECT_EQ(co_await boundwise::wait_for(value_after(3, 1ms), 1s), 3);
    EXPECT_THROW(co_await boundwise::wait_for(fail_after(1ms), 1s), std::runtime_error);
  };
  boundwise::run(body());
}

TEST(AsyncWaitFor, TaskThatSwallowsCancelStillReturns) {
  auto stubborn = []() -> Task<int> {
    try {
      co_await boundwise::sleep_for(10s);
    } catch (const CancelledError&) {
      co_return 9;
    }
    co_return 0;
  };
  EXPECT_EQ(boundwise::run(boundwise::wait_for(stubborn(), 5ms)), 9);
}

TEST(AsyncSpawn, HandleAwaitCancelAndDetach) {
  bool unwound = false;
  auto body = [&]() -> Task<void> {
    auto h = boundwise::spawn(value_after(4, 1ms));
    EXPECT_EQ(co_await h, 4);
    EXPECT_TRUE(h.done());
    auto s = boundwise::spawn(sleep_guarded(10s, &unwound));
    co_await boundwise::sleep_for(1ms);
    s.cancel();
    EXPECT_THROW(co_await s, CancelledError);
    EXPECT_TRUE(unwound);
    // Cancelled before it ever ran: raises at its first suspension point.
    bool unwound2 = false;
    auto early = boundwise::spawn(sleep_guarded(10s, &unwound2));
    early.cancel();
    EXPECT_THROW(co_await early, CancelledError);
    EXPECT_TRUE(unwound2);
  };
  boundwise::run(body());
}

TEST(AsyncSpawn, DetachedFailureIsReportedAndLoopSurvives) {
  std::vector<std::string> reported;
  bool ignored = false;
  auto body = [&]() -> Task<int> {
    boundwise::Loop::current()->set_exception_handler([&](std::exception_ptr e) {
      try {
        std::rethrow_exception(e);
      } catch (const std::exception& ex) {
        reported.push_back(ex.what());
      }
    });
    boundwise::spawn(fail_after(1ms)).detach();
    { auto dropped = boundwise::spawn(fail_after(2ms)); }  // dropping the handle detaches too
    auto kept = boundwise::spawn(fail_after(1ms));
    co_await boundwise::sleep_for(20ms);
    kept.detach();  // finished, never awaited, now dropped: reported too
    boundwise::spawn(sleep_guarded(10s, &ignored)).cancel();  // cancellation is not an error
    co_return co_await value_after(5, 1ms);
  };
  EXPECT_EQ(boundwise::run(body()), 5);
  EXPECT_EQ(reported, (std::vector<std::string>{"boom", "boom", "boom"}));
}

TEST(AsyncSpawn, DefaultReporterWritesToStderr) {
  testing::internal::CaptureStderr();
  boundwise::run([]() -> Task<void> {
    boundwise::spawn(fail_after(1ms)).detach();
    co_await boundwise::sleep_for(10ms);
  }());
  std::string err = testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("unhandled exception in a detached task: boom"), std::string::npos) << err;
}

TEST(AsyncSpawn, LeftoverTasksAreCancelledWhenRunEnds) {
  bool unwound = false;
  bool cleanup_awaited = false;
  auto lingering = [&]() -> Task<void> {
    Sentinel s{&unwound};
    bool cancelled = false;
    try {
      co_await boundwise::sleep_for(10s);
    } catch (const CancelledError&) {
      cancelled = true;
    }
    if (cancelled) {
      co_await boundwise::sleep_for(1ms);  // cleanup may still await
      cleanup_awaited = true;
      throw CancelledError();
    }
  };
  auto t0 = Clock::now();
  boundwise::run([&]() -> Task<void> {
    boundwise::spawn(lingering()).detach();
    co_await boundwise::sleep_for(1ms);
  }());
  EXPECT_LT(Clock::now() - t0, 2s);
  EXPECT_TRUE(unwound);
  EXPECT_TRUE(cleanup_awaited);
}

TEST(AsyncEvent, SetWakesEveryWaiter) {
  auto body = []() -> Task<int> {
    boundwise::Event ev;
    int woke = 0;
    auto waiter = [&]() -> Task<void> {
      co_await ev.wait();
      ++woke;
    };
    std::vector<boundwise::TaskHandle<void>> hs;
    for (int i = 0; i < 10; ++i) hs.push_back(boundwise::spawn(waiter()));
    co_await boundwise::sleep_for(1ms);
    EXPECT_EQ(woke, 0);
    ev.set();
    for (auto& h : hs) co_await h;
    co_await ev.wait();  // already set: no wait
    ev.clear();
    EXPECT_FALSE(ev.is_set());
    co_return woke;
  };
  EXPECT_EQ(boundwise::run(body()), 10);
}

TEST(AsyncSemaphore, BoundsConcurrencyInFifoOrder) {
  auto body = []() -> Task<void> {
    boundwise::Semaphore sem(3);
    int inside = 0, peak = 0;
    std::vector<int> order;
    auto worker = [&](int i) -> Task<void> {
      auto guard = co_await sem.lock();
      order.push_back(i);
      peak = std::max(peak, ++inside);
      co_await boundwise::sleep_for(2ms);
      --inside;
    };
    std::vector<Task<void>> ts;
    for (int i = 0; i < 20; ++i) ts.push_back(worker(i));
    co_await boundwise::gather(std::move(ts));
    EXPECT_EQ(peak, 3);
    for (int i = 0; i < 20; ++i) EXPECT_EQ(order[i], i);
    EXPECT_EQ(sem.available(), 3u);
    EXPECT_TRUE(sem.try_acquire());
    sem.release();
  };
  boundwise::run(body());
}

TEST(AsyncQueue, BoundedProducerConsumerKeepsOrder) {
  auto body = []() -> Task<void> {
    boundwise::Queue<int> q(4);
    std::size_t peak = 0;
    auto producer = [&]() -> Task<void> {
      for (int i = 0; i < 2000; ++i) {
        co_await q.push(i);
        peak = std::max(peak, q.size());
      }
      co_await q.push(-1);
    };
    auto consumer = [&]() -> Task<long> {
      long sum = 0;
      int expect = 0;
      for (;;) {
        int v = co_await q.pop();
        if (v < 0) break;
        EXPECT_EQ(v, expect++);
        sum += v;
        if (v % 100 == 0) co_await boundwise::sleep_for(0ms);
      }
      co_return sum;
    };
    auto [p, sum] = co_await boundwise::gather(producer(), consumer());
    (void)p;
    EXPECT_EQ(sum, 1999L * 2000 / 2);
    EXPECT_LE(peak, 4u);
    int x = 1;
    EXPECT_TRUE(q.try_push(x));
    EXPECT_EQ(q.try_pop(), 1);
    EXPECT_FALSE(q.try_pop().has_value());
  };
  boundwise::run(body());
}

TEST(AsyncQueue, ManyConsumersLoseNothing) {
  auto body = []() -> Task<void> {
    boundwise::Queue<int> q(2);
    long total = 0;
    auto consumer = [&]() -> Task<void> {
      for (;;) {
        int v = co_await q.pop();
        if (v < 0) co_return;
        total += v;
      }
    };
    std::vector<Task<void>> cs;
    for (int i = 0; i < 8; ++i) cs.push_back(consumer());
    auto producer = [&]() -> Task<void> {
      for (int i = 1; i <= 1000; ++i) co_await q.push(i);
      for (int i = 0; i < 8; ++i) co_await q.push(-1);
    };
    cs.push_back(producer());
    co_await boundwise::gather(std::move(cs));
    EXPECT_EQ(total, 1000L * 1001 / 2);
  };
  boundwise::run(body());
}

TEST(AsyncThreads, ToThreadRunsElsewhereAndResumesOnTheLoop) {
  auto body = []() -> Task<void> {
    auto loop_thread = std::this_thread::get_id();
    auto worker_thread = co_await boundwise::to_thread([] {
      std::this_thread::sleep_for(5ms);
      return std::this_thread::get_id();
    });
    EXPECT_NE(worker_thread, loop_thread);
    EXPECT_EQ(std::this_thread::get_id(), loop_thread);
    EXPECT_EQ(co_await boundwise::to_thread([](int a, std::string b) { return b + std::to_string(a); }, 4, std::string("x")),
              "x4");
    EXPECT_THROW(co_await boundwise::to_thread([]() -> int { throw std::runtime_error("t"); }), std::runtime_error);
    // Blocking calls overlap: 8 x 50 ms on the pool finish well under 400 ms.
    auto t0 = Clock::now();
    std::vector<Task<int>> ts;
    for (int i = 0; i < 4; ++i)
      ts.push_back(boundwise::to_thread([i] {
        std::this_thread::sleep_for(50ms);
        return i;
      }));
    co_await boundwise::gather(std::move(ts));
    EXPECT_LT(Clock::now() - t0, 190ms);
    boundwise::ThreadPool own(2);
    EXPECT_EQ(co_await boundwise::to_thread_on(own, [] { return 11; }), 11);
  };
  boundwise::run(body());
}

TEST(AsyncThreads, AwaitingAFutureSettledOnAnotherThread) {
  auto body = []() -> Task<void> {
    boundwise::Promise<int> p;
    auto f = p.get_future();
    std::thread t([&p] {
      std::this_thread::sleep_for(5ms);
      p.set_value(42);
    });
    int v = co_await f;
    t.join();
    EXPECT_EQ(v, 42);
    boundwise::Promise<void> ready;
    ready.set_value();
    co_await ready.get_future();  // already settled: no suspension
    boundwise::ThreadPool pool(2);
    EXPECT_EQ(co_await pool.submit([] { return 8; }), 8);
  };
  boundwise::run(body());
}

int square_in_worker(int x) { return x * x; }

TEST(AsyncProcesses, RunInProcess) {
  auto body = []() -> Task<void> {
    boundwise::ProcessPool pool(1);
    EXPECT_EQ(co_await boundwise::run_in_process_on(pool, square_in_worker, 12), 144);
    EXPECT_EQ(co_await boundwise::run_in_process(square_in_worker, 5), 25);
  };
  boundwise::run(body());
}

TEST(AsyncThreads, PostFromOtherThreadsAndOneLoopPerThread) {
  boundwise::Loop loop;
  std::atomic<int> ran{0};
  int seen = 0;
  auto body = [&]() -> Task<int> {
    boundwise::Event done;
    std::vector<std::thread> ts;
    for (int t = 0; t < 4; ++t)
      ts.emplace_back([&] {
        for (int i = 0; i < 500; ++i)
          loop.post([&] {
            ++seen;  // loop thread only: no race
            if (ran.fetch_add(1) + 1 == 2000) done.set();
          });
      });
    co_await done.wait();
    for (auto& t : ts) t.join();
    co_return seen;
  };
  EXPECT_EQ(loop.run(body()), 2000);
  // Loops on several threads at once, each independent.
  std::vector<std::thread> ts;
  std::atomic<int> sum{0};
  for (int t = 0; t < 3; ++t)
    ts.emplace_back([&sum, t] { sum += boundwise::run(value_after(t, 5ms)); });
  for (auto& t : ts) t.join();
  EXPECT_EQ(sum.load(), 3);
}

TEST(AsyncLoop, NestedRunIsRefused) {
  auto body = []() -> Task<void> {
    EXPECT_THROW(boundwise::run(value_after(1, 1ms)), std::logic_error);
    co_return;
  };
  boundwise::run(body());
  EXPECT_THROW((void)boundwise::spawn(value_after(1, 1ms)), std::logic_error);
}

// ---- cancellation at every kind of await point ----

// Spawns `make()`, lets it reach its suspension point, cancels it, and
// checks it raised CancelledError with its locals destroyed.
template <class Make>
void expect_cancellable(Make make) {
  bool unwound = false;
  bool raised = false;
  boundwise::run([&]() -> Task<void> {
    auto wrapper = [&]() -> Task<void> {
      Sentinel s{&unwound};
      try {
        co_await make();
      } catch (const CancelledError&) {
        raised = true;
        throw;
      }
    };
    auto h = boundwise::spawn(wrapper());
    co_await boundwise::sleep_for(5ms);
    EXPECT_FALSE(h.done());
    h.cancel();
    EXPECT_THROW(co_await h, CancelledError);
  }());
  EXPECT_TRUE(raised);
  EXPECT_TRUE(unwound);
}

TEST(AsyncCancel, AtEveryAwaitPoint) {
  expect_cancellable([]() -> Task<void> { co_await boundwise::sleep_for(10s); });
  boundwise::Event ev;
  expect_cancellable([&]() -> Task<void> { co_await ev.wait(); });
  boundwise::Semaphore sem(0);
  expect_cancellable([&]() -> Task<void> { co_await sem.acquire(); });
  EXPECT_EQ(sem.available(), 0u);
  boundwise::Queue<int> q(1);
  expect_cancellable([&]() -> Task<void> { (void)co_await q.pop(); });
  int one = 1;
  ASSERT_TRUE(q.try_push(one));
  expect_cancellable([&]() -> Task<void> { co_await q.push(2); });
  EXPECT_EQ(q.size(), 1u);
  boundwise::Promise<int> never;
  expect_cancellable([&]() -> Task<void> { (void)co_await never.get_future(); });
  expect_cancellable([]() -> Task<void> {
    (void)co_await boundwise::to_thread([] {
      std::this_thread::sleep_for(30ms);
      return 1;
    });
  });
  bool child_unwound = false;
  expect_cancellable([&]() -> Task<void> {
    co_await boundwise::gather(sleep_guarded(10s, &child_unwound), sleep_guarded(10s, &child_unwound));
  });
  EXPECT_TRUE(child_unwound);
  expect_cancellable([]() -> Task<void> { co_await boundwise::wait_for(value_after(1, 10s), 20s); });
  expect_cancellable([]() -> Task<void> {
    auto inner = boundwise::spawn(value_after(1, 10s));
    (void)co_await inner;
  });
}

TEST(AsyncCancel, NotifiedWaiterKeepsItsWakeup) {
  // A waiter woken by release() and cancelled before it runs keeps the
  // permit (the cancel arrives at its next await) so nothing leaks.
  boundwise::run([]() -> Task<void> {
    boundwise::Semaphore sem(0);
    bool got = false;
    auto body = [&]() -> Task<void> {  // named: a coroutine lambda's captures live in the closure
      co_await sem.acquire();
      got = true;
      sem.release();
      co_await boundwise::sleep_for(10s);
    };
    auto h = boundwise::spawn(body());
    co_await boundwise::sleep_for(1ms);
    sem.release();
    h.cancel();
    EXPECT_THROW(co_await h, CancelledError);
    EXPECT_TRUE(got);
    EXPECT_EQ(sem.available(), 1u);
  }());
}

TEST(AsyncCancel, CancelledRunStillRunsDestructorsOfManyTasks) {
  int unwound = 0;
  struct Count {
    int* n;
    ~Count() { ++*n; }
  };
  boundwise::run([&]() -> Task<void> {
    std::vector<Task<void>> ts;
    for (int i = 0; i < 1000; ++i)
      ts.push_back([](int* n) -> Task<void> {
        Count c{n};
        co_await boundwise::sleep_for(10s);
      }(&unwound));
    EXPECT_THROW(co_await boundwise::wait_for(boundwise::gather(std::move(ts)), 10ms), TimeoutError);
  }());
  EXPECT_EQ(unwound, 1000);
}

}  // namespace
