// RUN: %race_corpus %s
// VERDICT: race
// Two std::async tasks (forced onto threads) both update one global maximum without synchronization.
#include <future>
#include <iostream>
#include <vector>

int best = 0;

void scan(const std::vector<int> &v, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to; ++i)
    if (v[i] > best) // RACE
      best = v[i]; // RACE
}

int main() {
  std::vector<int> v;
  for (int i = 0; i < 1000; ++i)
    v.push_back((i * 37) % 1001);
  auto f1 = std::async(std::launch::async, scan, std::cref(v), 0, 500);
  auto f2 = std::async(std::launch::async, scan, std::cref(v), 500, 1000);
  f1.get();
  f2.get();
  std::cout << best << "\n";
}
