// RUN: %race_corpus %s -- -std=c++20 -pthread -fopenmp
// VERDICT: no-race
// A C++ struct of counters updated from a parallel loop; every update of a shared field is an omp atomic.
#include <cstdio>

struct Counters {
  long even = 0;
  long odd = 0;
  long bytes = 0;
};

int main() {
  Counters c;
#pragma omp parallel for
  for (int i = 0; i < 10000; i++) {
    if (i % 2 == 0) {
#pragma omp atomic
      c.even++;
    } else {
#pragma omp atomic update
      c.odd += 1;
    }
#pragma omp atomic
    c.bytes += i % 64;
  }
  std::printf("%ld %ld %ld\n", c.even, c.odd, c.bytes);
  return 0;
}
