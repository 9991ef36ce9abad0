// RUN: %race_corpus %s -- -std=c++20 -pthread -fopenmp
// VERDICT: race
// One thread sets the scale factor in a single nowait block while the rest already use it.
#include <iostream>
#include <vector>

int main() {
  std::vector<double> v(400, 2.0);
  double scale = 1.0;
#pragma omp parallel
  {
#pragma omp single nowait
    scale = 3.0; // RACE
#pragma omp for
    for (int i = 0; i < 400; ++i)
      v[i] *= scale; // RACE
  }
  std::cout << v[0] << "\n";
}
