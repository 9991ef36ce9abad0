// RUN: %race_corpus %s -- -std=c++20 -pthread -fopenmp
// VERDICT: no-race
// A parallel for over a std::vector writes out[i] from in[i]; the vectors are not resized inside the loop.
#include <cmath>
#include <iostream>
#include <vector>

int main() {
  std::vector<double> in(1000), out(1000);
  for (int i = 0; i < 1000; ++i)
    in[i] = i * 0.01;
#pragma omp parallel for
  for (int i = 0; i < 1000; ++i)
    out[i] = std::sqrt(in[i]);
  std::cout << out[999] << "\n";
}
