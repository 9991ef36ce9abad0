// RUN: %race_corpus %s
// VERDICT: race
// The async task fills a table captured by reference; main peeks at the table before calling get() on the future.
#include <cstdio>
#include <future>
#include <vector>

int main() {
  std::vector<double> table(1000);
  auto fut = std::async(std::launch::async, [&table] {
    for (std::size_t i = 0; i < table.size(); i++)
      table[i] = 1.0 / (1.0 + i); // RACE
    return table.size();
  });
  double first = table[0]; // RACE
  std::size_t n = fut.get();
  std::printf("%f %zu\n", first, n);
}
