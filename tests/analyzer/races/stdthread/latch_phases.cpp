// RUN: %race_corpus %s
// VERDICT: no-race
// Workers write their own partial sums and count down a latch; main reads the sums after waiting on it.
#include <iostream>
#include <latch>
#include <thread>
#include <vector>

int main() {
  const int n = 4;
  std::vector<long> partial(n);
  std::latch done(n);
  std::vector<std::thread> ts;
  for (int i = 0; i < n; ++i)
    ts.emplace_back([&partial, &done, i] {
      partial[i] = static_cast<long>(i) * i;
      done.count_down();
    });
  done.wait();
  long total = 0;
  for (long p : partial)
    total += p;
  std::cout << total << "\n";
  for (auto &t : ts)
    t.join();
}
