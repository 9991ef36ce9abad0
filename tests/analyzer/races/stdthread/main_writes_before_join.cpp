// RUN: %race_corpus %s
// VERDICT: race
// main changes the threshold while the spawned filter thread is still reading it.
#include <iostream>
#include <thread>
#include <vector>

double threshold = 0.5;

int count_above(const std::vector<double> &xs) {
  int n = 0;
  for (double x : xs)
    if (x > threshold) // RACE
      ++n;
  return n;
}

int main() {
  std::vector<double> xs{0.1, 0.6, 0.7, 0.2, 0.9};
  int result = 0;
  std::thread t([&xs, &result] { result = count_above(xs); });
  threshold = 0.8; // RACE
  t.join();
  std::cout << result << "\n";
}
