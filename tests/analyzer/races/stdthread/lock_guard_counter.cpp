// RUN: %race_corpus %s
// VERDICT: no-race
// Threads spawned in a loop increment a shared counter under a lock_guard on one mutex.
#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

std::mutex mu;
long counter = 0;

void work(int n) {
  for (int i = 0; i < n; ++i) {
    std::lock_guard<std::mutex> g(mu);
    ++counter;
  }
}

int main() {
  std::vector<std::thread> ts;
  for (int i = 0; i < 8; ++i)
    ts.emplace_back(work, 1000);
  for (auto &t : ts)
    t.join();
  std::cout << counter << "\n";
}
