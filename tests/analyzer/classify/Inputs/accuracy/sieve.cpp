// Counts primes below 30 million with a sieve of Eratosthenes.
#include <cstdio>
#include <vector>

static long count_primes(long limit) {
  std::vector<bool> composite(limit + 1);
  long count = 0;
  for (long i = 2; i <= limit; ++i) {
    if (composite[i])
      continue;
    ++count;
    for (long j = i * i; j <= limit; j += i)
      composite[j] = true;
  }
  return count;
}

int main() {
  std::printf("%ld\n", count_primes(30000000));
  return 0;
}
