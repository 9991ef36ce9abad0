// RUN: %race_corpus %s
// VERDICT: no-race
// Each thread writes its own cell, meets the others at a std::barrier, then reads its neighbour's cell.
#include <barrier>
#include <iostream>
#include <thread>
#include <vector>

int main() {
  const int n = 4;
  std::vector<int> cur(n), next(n);
  std::barrier sync(n);
  std::vector<std::jthread> ts;
  for (int i = 0; i < n; ++i)
    ts.emplace_back([&, i] {
      cur[i] = i + 1;
      sync.arrive_and_wait();
      next[i] = cur[i] + cur[(i + 1) % n];
    });
  ts.clear();
  for (int v : next)
    std::cout << v << " ";
  std::cout << "\n";
}
