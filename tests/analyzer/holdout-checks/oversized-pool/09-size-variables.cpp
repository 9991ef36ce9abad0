// CHECK: boundwise-oversized-pool
// Sizes held in a local or const variable first.
#include <boundwise/thread_pool.hpp>

#include <thread>
#include <vector>

constexpr std::size_t kHugeTeam = 256;
constexpr std::size_t kTeam = 12;

unsigned long long mix(unsigned long long seed) {
  for (int i = 0; i < 100000; ++i) seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
  return seed;
}

unsigned long long with_const_local(unsigned long long seed) {
  const std::size_t workers = 96;
  boundwise::ThreadPool pool{workers};  // WARN
  return pool.submit(mix, seed).get();
}

unsigned long long with_constexpr_global(unsigned long long seed) {
  boundwise::ThreadPool pool{kHugeTeam};  // WARN
  return pool.submit(mix, seed).get();
}

unsigned long long with_core_var(unsigned long long seed) {
  unsigned cores = std::thread::hardware_concurrency();
  boundwise::ThreadPool pool{cores * 4};  // WARN
  return pool.submit(mix, seed).get();
}

unsigned long long with_factor_var(unsigned long long seed) {
  const auto n = boundwise::default_workers() * 10; boundwise::ThreadPool pool{n};  // WARN
  return pool.submit(mix, seed).get();
}

unsigned long long small_const(unsigned long long seed) {
  boundwise::ThreadPool pool{kTeam};
  return pool.submit(mix, seed).get();
}

unsigned long long core_var_ok(unsigned long long seed) {
  unsigned cores = std::thread::hardware_concurrency();
  boundwise::ThreadPool pool{cores};
  std::vector<unsigned long long> seeds{seed, seed + 1};
  auto r = pool.map(mix, seeds);
  return r[0] ^ r[1];
}

unsigned long long twice_cores_ok(unsigned long long seed) {
  const std::size_t n = boundwise::default_workers() * 2;
  boundwise::ThreadPool pool{n};
  return pool.submit(mix, seed).get();
}

int main() {
  return static_cast<int>(with_const_local(1) ^ with_constexpr_global(2) ^ with_core_var(3) ^ with_factor_var(4) ^
                          small_const(5) ^ core_var_ok(6) ^ twice_cores_ok(7));
}
