// RUN: %race_corpus %s -- -std=c++20 -pthread -fopenmp
// VERDICT: race
// A parallel for appends matches to one shared std::vector without a critical section.
#include <iostream>
#include <vector>

int main() {
  std::vector<int> input(1000);
  for (int i = 0; i < 1000; ++i)
    input[i] = (i * 13) % 100;
  std::vector<int> matches;
#pragma omp parallel for
  for (int i = 0; i < 1000; ++i)
    if (input[i] == 42)
      matches.push_back(i); // RACE
  std::cout << matches.size() << "\n";
}
