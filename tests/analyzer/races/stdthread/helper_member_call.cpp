// RUN: %race_corpus %s
// VERDICT: race
// Threads share one Stats object by reference and call a helper that calls its unguarded add().
#include <iostream>
#include <thread>

struct Stats {
  long sum = 0;
  long n = 0;
  void add(long x) {
    sum += x; // RACE
    ++n; // RACE
  }
};

void process_batch(Stats &s, int seed) {
  for (int i = 0; i < 100; ++i)
    s.add(seed * i);
}

int main() {
  Stats stats;
  std::thread a([&stats] { process_batch(stats, 1); });
  std::thread b([&stats] { process_batch(stats, 2); });
  a.join();
  b.join();
  std::cout << stats.sum / (stats.n ? stats.n : 1) << "\n";
}
