// RUN: %race_corpus %s -- -std=c++20 -pthread -fopenmp
// VERDICT: no-race
// Word counts go into a shared std::map inside an omp critical section.
#include <iostream>
#include <map>
#include <string>
#include <vector>

int main() {
  std::vector<std::string> words{"a", "b", "a", "c", "b", "a"};
  std::map<std::string, int> counts;
#pragma omp parallel for
  for (int i = 0; i < static_cast<int>(words.size()); ++i) {
#pragma omp critical
    counts[words[i]]++;
  }
  std::cout << counts["a"] << "\n";
}
