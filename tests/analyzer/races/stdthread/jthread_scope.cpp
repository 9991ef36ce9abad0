// RUN: %race_corpus %s
// VERDICT: no-race
// jthreads write disjoint halves of the vector; they are joined when the scope ends, before main reads.
#include <iostream>
#include <thread>
#include <vector>

void scale(std::vector<double> &v, std::size_t from, std::size_t to, double k) {
  for (std::size_t i = from; i < to; ++i)
    v[i] *= k;
}

int main() {
  std::vector<double> v(1000, 1.5);
  {
    std::jthread lo(scale, std::ref(v), 0, 500, 2.0);
    std::jthread hi(scale, std::ref(v), 500, 1000, 3.0);
  }
  double s = 0;
  for (double x : v)
    s += x;
  std::cout << s << "\n";
}
