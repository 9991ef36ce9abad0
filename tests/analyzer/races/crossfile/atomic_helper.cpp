// RUN: %race_corpus %s %S/../Inputs/metrics.cpp
// VERDICT: no-race
// Threads report through a helper in another file whose counters are std::atomic.
#include <iostream>
#include <thread>
#include "../Inputs/metrics.hpp"

int main() {
  std::thread a([] { for (int i = 0; i < 100; ++i) count_request(512); });
  std::thread b([] { for (int i = 0; i < 100; ++i) count_request(64); });
  std::cout << total_requests() << "\n";
  a.join();
  b.join();
  std::cout << total_requests() << " " << total_bytes() << "\n";
}
