// RUN: %race_corpus %s
// VERDICT: no-race
// Each thread counts in a thread_local and adds its count to a std::atomic total once at the end.
#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

thread_local long local_count;
std::atomic<long> grand_total{0};

void count_words(int n) {
  for (int i = 0; i < n; i++)
    if (i % 3 != 0)
      ++local_count;
  grand_total.fetch_add(local_count, std::memory_order_relaxed);
}

int main() {
  std::vector<std::thread> ts;
  for (int t = 0; t < 4; t++)
    ts.emplace_back(count_words, 30000);
  for (auto &th : ts)
    th.join();
  std::printf("%ld %ld\n", grand_total.load(), local_count);
}
