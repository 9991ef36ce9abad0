// Needs Clang's resource directory: <cstddef> and <atomic> reach stddef.h
// and friends, <immintrin.h> is Clang's own.
#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <immintrin.h>
#include <thread>
#include <vector>

std::atomic<std::size_t> total{0};

float lanes() {
  __m128 v = _mm_set1_ps(2.0f);
  return _mm_cvtss_f32(_mm_add_ps(v, v));
}

int roll() { return rand(); }

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 2; ++i)
    threads.emplace_back([] { total += static_cast<std::size_t>(lanes()) + roll(); });
  for (auto &t : threads)
    t.join();
}
