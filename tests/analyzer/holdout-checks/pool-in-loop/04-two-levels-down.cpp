// CHECK: boundwise-pool-in-loop
// The loop calls a function that calls the function that builds the pool.
#include <boundwise/process_pool.hpp>
#include <boundwise/thread_pool.hpp>

#include <string>
#include <vector>

struct Record {
  std::string key;
  std::vector<double> values;
};

double mean(const std::vector<double> &v) {
  double s = 0;
  for (double x : v) s += x;
  return v.empty() ? 0 : s / static_cast<double>(v.size());
}

std::vector<double> run_stage(const std::vector<std::vector<double>> &cols) {
  boundwise::ProcessPool pool{2};  // WARN
  return pool.map(mean, cols);
}

std::vector<double> process_batch(const std::vector<Record> &batch) {
  std::vector<std::vector<double>> cols;
  for (const auto &r : batch) cols.push_back(r.values);
  return run_stage(cols);
}

std::vector<double> run_stage_on(boundwise::ProcessPool &pool, const std::vector<std::vector<double>> &cols) {
  return pool.map(mean, cols);
}

std::vector<double> process_batch_on(boundwise::ProcessPool &pool, const std::vector<Record> &batch) {
  std::vector<std::vector<double>> cols;
  for (const auto &r : batch) cols.push_back(r.values);
  return run_stage_on(pool, cols);
}

double report(const std::vector<std::vector<Record>> &batches) {
  double acc = 0;
  for (const auto &b : batches)
    for (double m : process_batch(b)) acc += m;
  return acc;
}

double report_shared(const std::vector<std::vector<Record>> &batches) {
  boundwise::ProcessPool pool{2};
  double acc = 0;
  for (const auto &b : batches)
    for (double m : process_batch_on(pool, b)) acc += m;
  return acc;
}

int main() {
  std::vector<std::vector<Record>> batches{{{"a", {1, 2}}}, {{"b", {3}}}};
  return static_cast<int>(report(batches) + report_shared(batches));
}
