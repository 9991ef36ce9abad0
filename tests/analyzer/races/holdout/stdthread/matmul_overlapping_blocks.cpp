// RUN: %race_corpus %s
// XFAIL: *
// Known miss of boundwise (2026-11-25): the per-thread row ranges overlap by one row; boundwise assumes ranges derived from a thread's arguments are disjoint.
// VERDICT: race
// Row blocks are computed with an inclusive upper bound, so neighbouring threads both write the boundary row of C.
#include <cstdio>
#include <thread>
#include <vector>

using Matrix = std::vector<std::vector<double>>;

void multiply_rows(const Matrix &a, const Matrix &b, Matrix &c, int lo, int hi) {
  const int n = static_cast<int>(b.size());
  for (int i = lo; i <= hi && i < static_cast<int>(c.size()); i++)
    for (int j = 0; j < n; j++) {
      double s = 0.0;
      for (int k = 0; k < n; k++)
        s += a[i][k] * b[k][j];
      c[i][j] = s; // RACE
    }
}

int main() {
  const int n = 40, nt = 4;
  Matrix a(n, std::vector<double>(n, 1.0)), b(n, std::vector<double>(n, 2.0));
  Matrix c(n, std::vector<double>(n, 0.0));
  std::vector<std::thread> ts;
  const int chunk = n / nt;
  for (int t = 0; t < nt; t++)
    ts.emplace_back(multiply_rows, std::cref(a), std::cref(b), std::ref(c), t * chunk, (t + 1) * chunk);
  for (auto &th : ts)
    th.join();
  std::printf("%f\n", c[n - 1][n - 1]);
}
