// RUN: %race_corpus %s
// VERDICT: race
// Lambdas spawned in a loop capture the local total by reference and add to it without a lock.
#include <iostream>
#include <thread>
#include <vector>

int main() {
  std::vector<int> values(1000, 1);
  long total = 0;
  std::vector<std::thread> workers;
  for (int w = 0; w < 4; ++w) {
    workers.emplace_back([&values, &total, w] {
      for (std::size_t i = w; i < values.size(); i += 4)
        total += values[i]; // RACE
    });
  }
  for (auto &t : workers)
    t.join();
  std::cout << total << "\n";
}
