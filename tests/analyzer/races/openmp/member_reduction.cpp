// RUN: %race_corpus %s -- -std=c++20 -pthread -fopenmp
// VERDICT: no-race
// A member function reduces into a local with reduction(+) and stores it into the member after the loop.
#include <iostream>
#include <vector>

class Norm {
public:
  explicit Norm(std::vector<double> v) : v_(std::move(v)) {}
  double compute() {
    double t = 0;
#pragma omp parallel for reduction(+ : t)
    for (int i = 0; i < static_cast<int>(v_.size()); ++i)
      t += v_[i] * v_[i];
    total_ = t;
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
