// RUN: %race_corpus %s
// VERDICT: no-race
// Each async task reads the shared input and returns its partial sum through its future; nothing shared is written.
#include <cstdio>
#include <future>
#include <numeric>
#include <vector>

int main() {
  std::vector<int> data(40000);
  std::iota(data.begin(), data.end(), 0);
  std::vector<std::future<long>> parts;
  const std::size_t chunk = data.size() / 4;
  for (int t = 0; t < 4; t++) {
    parts.push_back(std::async(std::launch::async, [&data, chunk, t] {
      long s = 0;
      for (std::size_t i = t * chunk; i < (t + 1) * chunk; i++)
        s += data[i];
      return s;
    }));
  }
  long total = 0;
  for (auto &f : parts)
    total += f.get();
  std::printf("%ld\n", total);
}
