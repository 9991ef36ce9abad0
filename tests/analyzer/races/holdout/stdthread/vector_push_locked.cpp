// RUN: %race_corpus %s
// VERDICT: no-race
// Worker threads append to one std::vector, each push_back under a lock_guard on the same mutex.
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

int main() {
  std::vector<int> primes;
  std::mutex mu;
  auto scan = [&](int lo, int hi) {
    for (int n = lo; n < hi; n++) {
      bool p = n > 1;
      for (int d = 2; d * d <= n && p; d++)
        p = n % d != 0;
      if (p) {
        std::lock_guard<std::mutex> lk(mu);
        primes.push_back(n);
      }
    }
  };
  std::thread a(scan, 0, 5000), b(scan, 5000, 10000);
  a.join();
  b.join();
  std::printf("%zu\n", primes.size());
}
