// RUN: %race_corpus %s -- -std=c++20 -pthread -fopenmp
// VERDICT: race
// A member function runs a parallel for that accumulates into a data member through this.
#include <iostream>
#include <vector>

class Norm {
public:
  explicit Norm(std::vector<double> v) : v_(std::move(v)) {}
  double compute() {
    total_ = 0;
#pragma omp parallel for
    for (int i = 0; i < static_cast<int>(v_.size()); ++i)
      total_ += v_[i] * v_[i]; // RACE
    return total_;
  }

private:
  std::vector<double> v_;
  double total_ = 0;
};

int main() {
  Norm n(std::vector<double>(100, 0.5));
  std::cout << n.compute() << "\n";
}
