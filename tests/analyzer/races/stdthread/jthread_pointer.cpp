// RUN: %race_corpus %s
// VERDICT: race
// Several jthreads receive a pointer to one progress counter and advance it unprotected.
#include <iostream>
#include <thread>
#include <vector>

void download(int *progress, int chunks) {
  for (int i = 0; i < chunks; ++i)
    *progress += 1; // RACE
}

int main() {
  int progress = 0;
  {
    std::vector<std::jthread> pool;
    for (int i = 0; i < 3; ++i)
      pool.emplace_back(download, &progress, 10);
  }
  std::cout << progress << "\n";
}
