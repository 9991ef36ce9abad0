// RUN: %race_corpus %s
// VERDICT: no-race
// Shared counters are std::atomic, updated with fetch_add and ++ from several threads.
#include <atomic>
#include <iostream>
#include <thread>
#include <vector>

std::atomic<long> processed{0};
std::atomic<bool> saw_error{false};

void handle(int id) {
  for (int i = 0; i < 1000; ++i) {
    processed.fetch_add(1, std::memory_order_relaxed);
    if (i == id)
      saw_error = true;
  }
}

int main() {
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.emplace_back(handle, i);
  for (auto &t : ts)
    t.join();
  std::cout << processed.load() << " " << saw_error.load() << "\n";
}
