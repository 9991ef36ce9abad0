// Processes 40 batches, pausing 5 ms after each to stay under a rate limit;
// each batch is a few milliseconds of arithmetic.
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <vector>

static double process_batch(std::vector<double> &v, int batch) {
  for (int pass = 0; pass < 40; ++pass)
    for (size_t i = 0; i < v.size(); ++i)
      v[i] = std::sqrt(v[i] * v[i] + batch + pass);
  return v[0];
}

int main() {
  std::vector<double> v(8192, 1.0);
  double sum = 0;
  for (int batch = 0; batch < 40; ++batch) {
    sum += process_batch(v, batch);
    usleep(5000);
  }
  std::printf("%f\n", sum);
  return 0;
}
