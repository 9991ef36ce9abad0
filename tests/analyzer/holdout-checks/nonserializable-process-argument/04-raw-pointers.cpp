// CHECK: boundwise-nonserializable-process-argument
// Raw pointers: the worker writes into its own copy, or dereferences an
// address that means nothing in its address space.
#include "holdout_process_pool.hpp"

#include <string>
#include <vector>

struct Histogram {
  std::vector<int> bins;
  int total = 0;
};

void add_sample(Histogram *h, int value) {
  h->bins[static_cast<std::size_t>(value) % h->bins.size()] += 1;
  h->total += 1;
}

Histogram with_sample(Histogram h, int value) {
  h.bins[static_cast<std::size_t>(value) % h.bins.size()] += 1;
  h.total += 1;
  return h;
}

long sum_range(const long *data, int n) {
  long s = 0;
  for (int i = 0; i < n; ++i) s += data[i];
  return s;
}

long sum_vector(const std::vector<long> &data) {
  long s = 0;
  for (long v : data) s += v;
  return s;
}

int length_of(const std::string &s) { return static_cast<int>(s.size()); }

int main() {
  boundwise::ProcessPool pool;
  Histogram hist{std::vector<int>(16), 0};
  pool.submit(add_sample, &hist, 42).get();  // WARN
  std::vector<long> values{1, 2, 3, 4, 5};
  auto s1 = pool.submit(sum_range, values.data(), 5);  // WARN
  long *raw = new long[3]{7, 8, 9};
  auto s2 = pool.submit(sum_range, raw, 3);  // WARN
  delete[] raw;

  Histogram h2 = pool.submit(with_sample, hist, 42).get();
  auto s3 = pool.submit(sum_vector, values);
  auto n1 = pool.submit(length_of, std::string("hello"));
  auto n2 = pool.submit(length_of, "hello world");
  return static_cast<int>(s1.get() + s2.get() + s3.get()) + h2.total + n1.get() + n2.get();
}
