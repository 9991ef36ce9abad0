// RUN: %race_corpus %s
// VERDICT: no-race
// Threads update elements of a plain array only through std::atomic_ref while they run.
#include <atomic>
#include <iostream>
#include <thread>
#include <vector>

int votes[3] = {0, 0, 0};

void vote(int seed) {
  for (int i = 0; i < 300; ++i)
    std::atomic_ref<int>(votes[(seed + i) % 3]).fetch_add(1);
}

int main() {
  std::vector<std::thread> ts;
  for (int s = 0; s < 4; ++s)
    ts.emplace_back(vote, s);
  for (auto &t : ts)
    t.join();
  std::cout << votes[0] << " " << votes[1] << " " << votes[2] << "\n";
}
