// CHECK: boundwise-thread-per-task
// Worker counts derived from the machine are bounded: not reported.
#include <boundwise/thread_pool.hpp>

#include <omp.h>
#include <sys/sysinfo.h>
#include <unistd.h>

#include <algorithm>
#include <thread>
#include <vector>

void crunch(std::size_t begin, std::size_t end, const std::vector<double> *data, double *out) {
  double s = 0;
  for (std::size_t i = begin; i < end; ++i) s += (*data)[i];
  *out = s;
}

double hc(const std::vector<double> &data) {
  unsigned n = std::thread::hardware_concurrency();
  std::vector<double> part(n);
  std::vector<std::thread> ts;
  for (unsigned i = 0; i < n; ++i) ts.emplace_back(crunch, data.size() * i / n, data.size() * (i + 1) / n, &data, &part[i]);
  for (auto &t : ts) t.join();
  double s = 0;
  for (double p : part) s += p;
  return s;
}

double hc_direct(const std::vector<double> &data) {
  std::vector<double> part(std::thread::hardware_concurrency());
  std::vector<std::thread> ts;
  for (unsigned i = 0; i < std::thread::hardware_concurrency(); ++i)
    ts.emplace_back(crunch, 0, data.size(), &data, &part[i]);
  for (auto &t : ts) t.join();
  return part.empty() ? 0 : part[0];
}

double workers_fn(const std::vector<double> &data) {
  const std::size_t n = boundwise::default_workers();
  std::vector<double> part(n);
  std::vector<std::thread> ts;
  for (std::size_t i = 0; i < n; ++i) ts.emplace_back(crunch, data.size() * i / n, data.size() * (i + 1) / n, &data, &part[i]);
  for (auto &t : ts) t.join();
  return part[0];
}

double sysconf_minus_one(const std::vector<double> &data) {
  long n = sysconf(_SC_NPROCESSORS_ONLN) - 1;
  std::vector<double> part(static_cast<std::size_t>(n));
  std::vector<std::thread> ts;
  for (long i = 0; i < n; ++i) ts.emplace_back(crunch, 0, data.size(), &data, &part[static_cast<std::size_t>(i)]);
  for (auto &t : ts) t.join();
  return n > 0 ? part[0] : 0;
}

double nprocs_min(const std::vector<double> &data) {
  int n = std::min(get_nprocs(), static_cast<int>(data.size()));
  std::vector<double> part(static_cast<std::size_t>(n));
  std::vector<std::thread> ts;
  for (int i = 0; i < n; ++i) ts.emplace_back(crunch, 0, data.size(), &data, &part[static_cast<std::size_t>(i)]);
  for (auto &t : ts) t.join();
  return n > 0 ? part[0] : 0;
}

double omp_count(const std::vector<double> &data) {
  int n = omp_get_max_threads() * 2;
  std::vector<double> part(static_cast<std::size_t>(n));
  std::vector<std::thread> ts;
  for (int i = 0; i < n; ++i) ts.emplace_back(crunch, 0, data.size(), &data, &part[static_cast<std::size_t>(i)]);
  for (auto &t : ts) t.join();
  return part[0];
}

double per_element(const std::vector<double> &data) {
  std::vector<double> part(data.size());
  std::vector<std::thread> ts;
  for (std::size_t i = 0; i < data.size(); ++i) ts.emplace_back(crunch, i, i + 1, &data, &part[i]);  // WARN
  for (auto &t : ts) t.join();
  return part.empty() ? 0 : part[0];
}

int main() {
  std::vector<double> data(100, 1.0);
  return static_cast<int>(hc(data) + hc_direct(data) + workers_fn(data) + sysconf_minus_one(data) + nprocs_min(data) +
                          omp_count(data) + per_element(data));
}
