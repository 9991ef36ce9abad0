// Future/Promise semantics, wait() and as_completed() without a pool (threads drive the promises).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "boundwise/future.hpp"

namespace bw = boundwise;
using namespace std::chrono_literals;

TEST(Future, DefaultIsInvalid) {
  bw::Future<int> f;
  EXPECT_FALSE(f.valid());
  EXPECT_THROW(f.done(), std::future_error);
  EXPECT_THROW(f.get(), std::future_error);
}

TEST(Future, ValueFlowsAndCopiesShareState) {
  bw::Promise<int> p;
  auto f = p.get_future();
  auto g = f;
  EXPECT_EQ(f.status(), bw::FutureStatus::Pending);
  EXPECT_FALSE(f.done());
  EXPECT_TRUE(p.set_running());
  EXPECT_TRUE(g.running());
  EXPECT_TRUE(p.set_value(42));
  EXPECT_FALSE(p.set_value(7));  // already settled
  EXPECT_TRUE(f.done());
  EXPECT_EQ(f.get(), 42);
  EXPECT_EQ(g.get(), 42);  // copyable results: get() many times, like Python
  EXPECT_EQ(f.exception(), nullptr);
}

TEST(Future, GetFutureTwiceThrows) {
  bw::Promise<int> p;
  auto f = p.get_future();
  EXPECT_THROW(p.get_future(), std::future_error);
}

TEST(Future, VoidAndReference) {
  bw::Promise<void> pv;
  auto fv = pv.get_future();
  EXPECT_TRUE(pv.set_value());
  EXPECT_NO_THROW(fv.get());

  int x = 5;
  bw::Promise<int&> pr;
  auto fr = pr.get_future();
  EXPECT_TRUE(pr.set_value(x));
  fr.get() = 9;
  EXPECT_EQ(x, 9);
}

TEST(Future, MoveOnlyResultTakenOnce) {
  bw::Promise<std::unique_ptr<int>> p;
  auto f = p.get_future();
  p.set_value(std::make_unique<int>(3));
  auto v = f.get();
  ASSERT_TRUE(v);
  EXPECT_EQ(*v, 3);
  EXPECT_THROW(f.get(), std::future_error);
}

// get() on an rvalue moves the result out only when no other handle (and no
// producer) can still see the state; otherwise it copies, like get() &.
TEST(Future, RvalueGetMovesOnlyFromTheLastHandle) {
  const std::vector<int> big(1000, 7);
  {
    bw::Promise<std::vector<int>> p;
    auto f = p.get_future();
    auto g = f;
    p.set_value(big);
    EXPECT_EQ(std::move(f).get(), big);  // g still shares the state: copied
    EXPECT_EQ(g.get(), big);
    EXPECT_EQ(std::move(g).get(), big);  // the promise still holds a reference: copied
    EXPECT_EQ(g.get(), big);
  }
  {
    bw::Future<std::vector<int>> f;
    {
      bw::Promise<std::vector<int>> p;
      f = p.get_future();
      p.set_value(big);
    }
    EXPECT_EQ(f.get(), big);
    EXPECT_EQ(std::move(f).get(), big);  // last handle: moved out, no copy
    EXPECT_TRUE(f.get().empty());        // (the state now holds the moved-from vector)
  }
  {
    bw::Future<std::string> f;
    {
      bw::Promise<std::string> p;
      f = p.get_future();
      p.set_exception(std::make_exception_ptr(std::runtime_error("boom")));
    }
    EXPECT_THROW(std::move(f).get(), std::runtime_error);
  }
}

TEST(Future, ExceptionIsRethrownFromEveryCall) {
  bw::Promise<int> p;
  auto f = p.get_future();
  EXPECT_TRUE(p.set_exception(std::make_exception_ptr(std::logic_error("boom"))));
  EXPECT_FALSE(p.set_value(1));
  EXPECT_THROW(f.get(), std::logic_error);
  EXPECT_THROW(f.get(), std::logic_error);
  ASSERT_NE(f.exception(), nullptr);
  try {
    std::rethrow_exception(f.exception());
  } catch (const std::logic_error& e) {
    EXPECT_STREQ(e.what(), "boom");
  }
}

TEST(Future, CancelOnlyWhilePending) {
  bw::Promise<int> p;
  auto f = p.get_future();
  int cancel_hook = 0;
  p.on_cancel([&] { ++cancel_hook; });
  EXPECT_TRUE(f.cancel());
  EXPECT_TRUE(f.cancel());  // already cancelled: still true (Python)
  EXPECT_EQ(cancel_hook, 1);
  EXPECT_TRUE(f.cancelled());
  EXPECT_TRUE(f.done());
  EXPECT_FALSE(p.set_running());
  EXPECT_FALSE(p.set_value(1));
  EXPECT_THROW(f.get(), bw::CancelledError);
  EXPECT_THROW(f.exception(), bw::CancelledError);

  bw::Promise<int> running;
  auto g = running.get_future();
  ASSERT_TRUE(running.set_running());
  EXPECT_FALSE(g.cancel());
  running.set_value(2);
  EXPECT_FALSE(g.cancel());
  EXPECT_EQ(g.get(), 2);
}

TEST(Future, OnCancelAfterCancelRunsAtOnce) {
  bw::Promise<int> p;
  auto f = p.get_future();
  f.cancel();
  bool ran = false;
  p.on_cancel([&] { ran = true; });
  EXPECT_TRUE(ran);
}

TEST(Future, BrokenPromise) {
  bw::Future<int> f;
  {
    bw::Promise<int> p;
    f = p.get_future();
  }
  EXPECT_TRUE(f.done());
  try {
    f.get();
    FAIL() << "expected broken_promise";
  } catch (const std::future_error& e) {
    EXPECT_EQ(e.code(), std::make_error_code(std::future_errc::broken_promise));
  }
}

TEST(Future, TimedWaits) {
  bw::Promise<int> p;
  auto f = p.get_future();
  EXPECT_FALSE(f.wait_for(1ms));
  EXPECT_FALSE(f.wait_for(-5ms));
  EXPECT_THROW(f.get_for(1ms), bw::TimeoutError);
  std::thread t([&] {
    std::this_thread::sleep_for(5ms);
    p.set_value(11);
  });
  EXPECT_TRUE(f.wait_for(std::chrono::hours(1)));
  EXPECT_EQ(f.get_for(1s), 11);
  EXPECT_TRUE(f.wait_until(std::chrono::system_clock::now()));
  t.join();
}

TEST(Future, ManyWaitersAreAllWoken) {
  bw::Promise<int> p;
  auto f = p.get_future();
  std::atomic<int> woke{0};
  std::vector<std::thread> ts;
  for (int i = 0; i < 8; ++i)
    ts.emplace_back([f, &woke]() mutable {
      EXPECT_EQ(f.get(), 1);
      ++woke;
    });
  std::this_thread::sleep_for(2ms);
  p.set_value(1);
  for (auto& t : ts) t.join();
  EXPECT_EQ(woke.load(), 8);
}

TEST(Future, OnReadyCallbackRunsOnceWhenSettled) {
  bw::Promise<int> p;
  auto f = p.get_future();
  int calls = 0;
  bw::detail::on_ready(f, [&] { ++calls; });
  EXPECT_EQ(calls, 0);
  p.set_value(1);
  EXPECT_EQ(calls, 1);
  bw::detail::on_ready(f, [&] { ++calls; });  // already settled: inline
  EXPECT_EQ(calls, 2);
}

namespace {
std::vector<bw::Promise<int>> make_promises(std::size_t n, std::vector<bw::Future<int>>& fs) {
  std::vector<bw::Promise<int>> ps(n);
  for (auto& p : ps) fs.push_back(p.get_future());
  return ps;
}
}  // namespace

TEST(Wait, Modes) {
  std::vector<bw::Future<int>> fs;
  auto ps = make_promises(3, fs);
  auto r = bw::wait(fs, bw::ReturnWhen::FirstCompleted, 1ms);
  EXPECT_EQ(r.done.size(), 0u);
  EXPECT_EQ(r.not_done.size(), 3u);

  ps[1].set_value(1);
  r = bw::wait(fs, bw::ReturnWhen::FirstCompleted);
  ASSERT_EQ(r.done.size(), 1u);
  EXPECT_EQ(r.done[0].get(), 1);

  r = bw::wait(fs, bw::ReturnWhen::AllCompleted, 1ms);
  EXPECT_EQ(r.done.size(), 1u);
  EXPECT_EQ(r.not_done.size(), 2u);

  fs[2].cancel();  // cancelled counts as done but not as an exception
  r = bw::wait(fs, bw::ReturnWhen::FirstException, 1ms);
  EXPECT_EQ(r.done.size(), 2u);
  EXPECT_EQ(r.not_done.size(), 1u);

  std::thread t([&] { ps[0].set_exception(std::make_exception_ptr(std::runtime_error("x"))); });
  r = bw::wait(fs, bw::ReturnWhen::FirstException);
  EXPECT_EQ(r.done.size(), 3u);
  t.join();

  r = bw::wait(fs);  // all completed now
  EXPECT_EQ(r.done.size(), 3u);
  EXPECT_TRUE(r.not_done.empty());
}

TEST(Wait, FirstExceptionWithoutExceptionsWaitsForAll) {
  std::vector<bw::Future<int>> fs;
  auto ps = make_promises(4, fs);
  std::thread t([&] {
    for (auto& p : ps) {
      std::this_thread::sleep_for(1ms);
      p.set_value(0);
    }
  });
  auto r = bw::wait(fs, bw::ReturnWhen::FirstException);
  EXPECT_EQ(r.done.size(), 4u);
  t.join();
}

TEST(Wait, EmptyInput) {
  auto r = bw::wait(std::vector<bw::Future<int>>{}, bw::ReturnWhen::FirstCompleted);
  EXPECT_TRUE(r.done.empty());
  EXPECT_TRUE(r.not_done.empty());
}

TEST(AsCompleted, YieldsInCompletionOrder) {
  std::vector<bw::Future<int>> fs;
  auto ps = make_promises(4, fs);
  ps[2].set_value(2);  // already done: yielded first
  std::thread t([&] {
    for (int i : {3, 0, 1}) {
      std::this_thread::sleep_for(1ms);
      ps[i].set_value(i);
    }
  });
  std::vector<int> order;
  for (auto f : bw::as_completed(fs)) order.push_back(f.get());
  t.join();
  EXPECT_EQ(order, (std::vector<int>{2, 3, 0, 1}));
}

TEST(AsCompleted, TimeoutThrows) {
  std::vector<bw::Future<int>> fs;
  auto ps = make_promises(2, fs);
  ps[0].set_value(0);
  std::vector<int> seen;
  auto run = [&] {
    for (auto f : bw::as_completed(fs, 5ms)) seen.push_back(f.get());
  };
  EXPECT_THROW(run(), bw::TimeoutError);
  EXPECT_EQ(seen, std::vector<int>{0});
}

TEST(AsCompleted, EmptyAndCancelled) {
  int n = 0;
  for (auto f : bw::as_completed(std::vector<bw::Future<int>>{})) {
    (void)f;
    ++n;
  }
  EXPECT_EQ(n, 0);
  std::vector<bw::Future<int>> fs;
  auto ps = make_promises(2, fs);
  fs[0].cancel();
  ps[1].set_value(1);
  for (auto f : bw::as_completed(fs)) {
    if (f.cancelled()) {
      EXPECT_THROW(f.get(), bw::CancelledError);
    }
    ++n;
  }
  EXPECT_EQ(n, 2);
}

TEST(Wait, DuplicatesReportedOnce) {
  bw::Promise<int> p;
  auto f = p.get_future();
  p.set_value(1);
  auto r = bw::wait(std::vector<bw::Future<int>>{f, f, f});
  EXPECT_EQ(r.done.size(), 1u);
  int n = 0;
  for (auto g : bw::as_completed(std::vector<bw::Future<int>>{f, f})) n += g.get();
  EXPECT_EQ(n, 1);
}
