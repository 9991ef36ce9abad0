// RUN: %race_corpus %s
// VERDICT: no-race
// Thread i writes only results[i] (i captured by value); main combines after joining.
#include <iostream>
#include <thread>
#include <vector>

int main() {
  const int n = 4;
  std::vector<long> results(n, 0);
  std::vector<std::thread> ts;
  for (int i = 0; i < n; ++i)
    ts.emplace_back([&results, i] {
      long s = 0;
      for (int k = i * 1000; k < (i + 1) * 1000; ++k)
        s += k;
      results[i] = s;
    });
  for (auto &t : ts)
    t.join();
  long total = 0;
  for (long r : results)
    total += r;
  std::cout << total << "\n";
}
