// Splits a sum of square roots over two threads and joins them.
#include <cmath>
#include <cstdio>
#include <thread>

static void partial(long begin, long end, double *out) {
  double s = 0;
  for (long i = begin; i < end; ++i)
    s += std::sqrt(static_cast<double>(i));
  *out = s;
}

int main() {
  const long n = 200000000;
  double a = 0, b = 0;
  std::thread t1(partial, 0, n / 2, &a);
  std::thread t2(partial, n / 2, n, &b);
  t1.join();
  t2.join();
  std::printf("%f\n", a + b);
  return 0;
}
