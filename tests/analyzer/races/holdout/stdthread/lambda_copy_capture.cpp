// RUN: %race_corpus %s
// VERDICT: no-race
// The lambdas capture the seed by copy and mutate only their copy; each writes its own pre-sized output slot.
#include <cstdio>
#include <thread>
#include <vector>

int main() {
  unsigned seed = 12345;
  std::vector<unsigned> out(4);
  std::vector<std::thread> ts;
  for (int t = 0; t < 4; t++) {
    ts.emplace_back([=, &out]() mutable {
      for (int k = 0; k < 1000; k++)
        seed = seed * 1664525u + 1013904223u + t;
      out[t] = seed;
    });
  }
  for (auto &th : ts)
    th.join();
  std::printf("%u %u %u\n", seed, out[0], out[3]);
}
