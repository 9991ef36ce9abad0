// The Chase-Lev deque on its own: LIFO owner, FIFO thieves, growth, and every item taken exactly once under races.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "boundwise/detail/work_stealing_deque.hpp"
#include "test_support.hpp"

using boundwise::detail::WorkStealingDeque;
using Steal = WorkStealingDeque<int>::StealResult;

TEST(WorkStealingDeque, OwnerIsLifoThiefIsFifo) {
  WorkStealingDeque<int> d(4);
  int items[10];
  for (int& i : items) d.push(&i);  // grows past the initial capacity twice
  int* out = nullptr;
  ASSERT_EQ(d.steal(out), Steal::Taken);
  EXPECT_EQ(out, &items[0]);
  EXPECT_EQ(d.pop(), &items[9]);
  EXPECT_EQ(d.pop(), &items[8]);
  ASSERT_EQ(d.steal(out), Steal::Taken);
  EXPECT_EQ(out, &items[1]);
  for (int k = 7; k >= 2; --k) EXPECT_EQ(d.pop(), &items[k]);
  EXPECT_EQ(d.pop(), nullptr);
  EXPECT_EQ(d.steal(out), Steal::Empty);
  EXPECT_TRUE(d.maybe_empty());
}

TEST(WorkStealingDeque, EveryItemTakenExactlyOnceUnderRaces) {
  const int n = static_cast<int>(boundwise::test::scaled(200'000));
  std::vector<int> items(static_cast<std::size_t>(n));
  std::vector<std::atomic<int>> taken(static_cast<std::size_t>(n));
  WorkStealingDeque<int> d(8);
  std::atomic<bool> done{false};
  auto take = [&](int* p) { taken[static_cast<std::size_t>(p - items.data())].fetch_add(1); };
  std::vector<std::thread> thieves;
  for (int t = 0; t < 3; ++t)
    thieves.emplace_back([&] {
      for (;;) {
        int* p = nullptr;
        const auto r = d.steal(p);
        if (r == Steal::Taken) take(p);
        else if (r == Steal::Empty && done.load()) return;
      }
    });
  // The owner pushes in bursts and pops some back, racing the thieves for
  // the last element over and over.
  for (int i = 0; i < n; ++i) {
    d.push(&items[static_cast<std::size_t>(i)]);
    if (i % 3 == 0) {
      if (int* p = d.pop()) take(p);
    }
  }
  while (int* p = d.pop()) take(p);
  done = true;
  for (auto& t : thieves) t.join();
  for (int i = 0; i < n; ++i) ASSERT_EQ(taken[static_cast<std::size_t>(i)].load(), 1) << i;
}
