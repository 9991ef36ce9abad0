// RUN: %race_corpus %s
// VERDICT: race
// Worker threads append their findings to one std::vector captured by reference, with no mutex around push_back.
#include <cstdio>
#include <thread>
#include <vector>

int main() {
  std::vector<int> primes;
  auto scan = [&primes](int lo, int hi) {
    for (int n = lo; n < hi; n++) {
      bool p = n > 1;
      for (int d = 2; d * d <= n && p; d++)
        p = n % d != 0;
      if (p)
        primes.push_back(n); // RACE
    }
  };
  std::thread a(scan, 0, 5000), b(scan, 5000, 10000);
  a.join();
  b.join();
  std::printf("%zu\n", primes.size());
}
