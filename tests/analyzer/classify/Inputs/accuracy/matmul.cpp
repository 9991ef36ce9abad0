// Multiplies two 800x800 matrices.
#include <cstdio>
#include <vector>

static void multiply(const std::vector<double> &a, const std::vector<double> &b,
                     std::vector<double> &c, int n) {
  for (int i = 0; i < n; ++i)
    for (int k = 0; k < n; ++k) {
      double aik = a[i * n + k];
      for (int j = 0; j < n; ++j)
        c[i * n + j] += aik * b[k * n + j];
    }
}

int main() {
  const int n = 800;
  std::vector<double> a(n * n, 1.5), b(n * n, 2.0), c(n * n, 0.0);
  multiply(a, b, c, n);
  std::printf("%f\n", c[n * n / 2]);
  return 0;
}
