// RUN: %race_corpus %s -- -std=c++20 -pthread -fopenmp
// VERDICT: race
// The parallel loop calls a member function that adds to the object's running total through this.
#include <cstdio>
#include <vector>

class Meter {
public:
  void add(double x) {
    total_ += x; // RACE
    ++samples_; // RACE
  }
  double mean() const { return samples_ ? total_ / samples_ : 0.0; }

private:
  double total_ = 0.0;
  long samples_ = 0;
};

int main() {
  std::vector<double> xs(5000);
  for (std::size_t i = 0; i < xs.size(); i++)
    xs[i] = static_cast<double>(i % 13);
  Meter m;
#pragma omp parallel for
  for (int i = 0; i < static_cast<int>(xs.size()); i++)
    m.add(xs[i]);
  std::printf("%f\n", m.mean());
  return 0;
}
