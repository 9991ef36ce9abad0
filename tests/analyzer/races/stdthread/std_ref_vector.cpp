// RUN: %race_corpus %s
// VERDICT: race
// Two threads receive the same vector through std::ref and push_back into it without a lock.
#include <functional>
#include <iostream>
#include <thread>
#include <vector>

void collect(std::vector<int> &out, int base) {
  for (int i = 0; i < 100; ++i)
    out.push_back(base + i); // RACE
}

int main() {
  std::vector<int> results;
  std::thread a(collect, std::ref(results), 0);
  std::thread b(collect, std::ref(results), 1000);
  a.join();
  b.join();
  std::cout << results.size() << "\n";
}
