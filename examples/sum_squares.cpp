// Sums i*i below large bounds for several inputs: pure computation. In C++
// (no GIL) this belongs on a thread pool sized to the cores.
#include <cstdint>
#include <cstdio>
#include <vector>

std::uint64_t sum_of_squares(std::uint64_t limit) {
  std::uint64_t total = 0;
  for (std::uint64_t i = 0; i < limit; ++i)
    total += i * i;
  return total;
}

int main() {
  std::vector<std::uint64_t> limits = {10'000'000, 10'000'001, 10'000'002, 10'000'003};
  std::uint64_t grand = 0;
  for (std::uint64_t limit : limits)
    grand += sum_of_squares(limit);
  std::printf("%llu\n", static_cast<unsigned long long>(grand));
}
