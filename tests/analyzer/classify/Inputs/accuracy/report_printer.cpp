// Prints a 300000-row report to standard output with printf.
#include <cstdio>

int main() {
  double total = 0;
  for (int i = 0; i < 300000; ++i) {
    double price = (i % 1000) * 0.25;
    total += price;
    std::printf("%8d | item-%06d | %10.2f | %12.2f\n", i, i * 7 % 1000000, price, total);
  }
  return 0;
}
