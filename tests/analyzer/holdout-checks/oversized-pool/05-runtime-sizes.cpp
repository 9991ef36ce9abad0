// CHECK: boundwise-oversized-pool
// Sizes known only at run time and default sizes are not judged.
#include <boundwise/thread_pool.hpp>

#include <cstdlib>
#include <string>
#include <vector>

double dot(const std::vector<double> &a) {
  double s = 0;
  for (int r = 0; r < 50; ++r)
    for (double x : a) s += x * x;
  return s;
}

struct Config {
  std::size_t workers = 8;
};

double from_parameter(const std::vector<double> &v, std::size_t n) {
  boundwise::ThreadPool pool{n};
  return pool.submit(dot, v).get();
}

double from_config(const std::vector<double> &v, const Config &cfg) {
  boundwise::ThreadPool pool{cfg.workers};
  return pool.submit(dot, v).get();
}

double from_env(const std::vector<double> &v) {
  const char *env = std::getenv("WORKERS");
  std::size_t n = env ? static_cast<std::size_t>(std::atoi(env)) : 4;
  boundwise::ThreadPool pool{n};
  return pool.submit(dot, v).get();
}

double default_size(const std::vector<double> &v) {
  boundwise::ThreadPool pool;
  return pool.submit(dot, v).get();
}

double visible_here(const std::vector<double> &v) {
  boundwise::ThreadPool pool{200};  // WARN
  return pool.submit(dot, v).get();
}

int main(int argc, char **argv) {
  std::vector<double> v(100, 0.5);
  std::size_t n = argc > 1 ? static_cast<std::size_t>(std::atoi(argv[1])) : 2;
  return static_cast<int>(from_parameter(v, n) + from_config(v, Config{}) + from_env(v) + default_size(v) +
                          visible_here(v));
}
