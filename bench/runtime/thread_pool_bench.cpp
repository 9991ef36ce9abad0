// ThreadPool vs oneTBB, Boost.Asio, std::async and thread-per-task: one run prints a table of times and ratios.
//
// Usage: thread_pool_bench [--quick] [--repeat N] [--only abcd] [--filter implementation-substring]
// Every case is run N times (default 5); the median and the best run are
// reported. The ratio column compares best runs (peer / boundwise, so > 1
// means boundwise is faster): on a shared machine other load only ever adds
// time, so the best run is the stabler estimate of what the code costs. Thread-per-task peers run fewer tasks (they create an OS thread per
// task) and are compared per task.
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>
#include <tbb/task_group.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <functional>
#include <future>
#include <latch>
#include <numeric>
#include <string>
#include <thread>
#include <vector>

#include "boundwise/thread_pool.hpp"

namespace bw = boundwise;
using Clock = std::chrono::steady_clock;

namespace {

int g_repeat = 5;
bool g_quick = false;
std::string g_only;  // run only benchmarks whose letter matches (for perf record)

template <class T>
void keep(T const& value) {
  asm volatile("" : : "r,m"(value) : "memory");
}

std::string g_filter;  // run only implementations whose name contains this

// A case to time; report() runs it (unless filtered out) and keeps the
// median wall time of g_repeat runs.
struct Timed {
  std::function<void()> fn;
};
Timed time_ms(std::function<void()> fn) { return Timed{std::move(fn)}; }

struct Stats {
  double median, best;
};

Stats measure_ms(const std::function<void()>& fn) {
  std::vector<double> runs;
  for (int i = 0; i < g_repeat; ++i) {
    const auto t0 = Clock::now();
    fn();
    runs.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  }
  std::sort(runs.begin(), runs.end());
  return {runs[runs.size() / 2], runs.front()};
}

struct Row {
  std::string bench, impl;
  double median_ms, best_ms;
  double best_item_ns;
};
std::vector<Row> g_rows;

void report(const std::string& bench, const std::string& impl, const Timed& timed, double items) {
  if (!g_filter.empty() && impl.find(g_filter) == std::string::npos) return;
  const Stats st = measure_ms(timed.fn);
  g_rows.push_back({bench, impl, st.median, st.best, st.best * 1e6 / items});
  std::fprintf(stderr, "  %-28s %-34s %10.2f ms\n", bench.c_str(), impl.c_str(), st.median);
}

void print_table() {
  std::printf("\n%-28s %-34s %10s %10s %13s %8s\n", "benchmark", "implementation", "median ms", "best ms",
              "best ns/item", "ratio");
  std::printf("%s\n", std::string(108, '-').c_str());
  std::string current;
  double base = 0;
  for (const auto& r : g_rows) {
    if (r.bench != current) {
      current = r.bench;
      base = r.best_item_ns;  // the first row of each benchmark is boundwise
    }
    std::printf("%-28s %-34s %10.2f %10.2f %13.1f %7.2fx\n", r.bench.c_str(), r.impl.c_str(), r.median_ms,
                r.best_ms, r.best_item_ns, r.best_item_ns / base);
  }
  std::printf("\nratio = peer best ns/item / boundwise best ns/item (> 1: boundwise faster)\n");
}

// ---------------------------------------------------------------- (a) ----
void bench_empty_tasks(bw::ThreadPool& pool, boost::asio::thread_pool& asio, std::size_t workers) {
  const std::size_t n = g_quick ? 100'000 : 1'000'000;
  const std::string name = "a) " + std::to_string(n / 1000) + "k empty tasks";
  report(name, "boundwise ThreadPool submit+Future", time_ms([&] {
           std::vector<bw::Future<void>> fs;
           fs.reserve(n);
           for (std::size_t i = 0; i < n; ++i) fs.push_back(pool.submit([] {}));
           for (auto& f : fs) f.wait();
         }),
         static_cast<double>(n));
  report(name, "oneTBB task_group run+wait", time_ms([&] {
           tbb::task_group tg;
           for (std::size_t i = 0; i < n; ++i) tg.run([] {});
           tg.wait();
         }),
         static_cast<double>(n));
  report(name, "Boost.Asio post + latch", time_ms([&] {
           std::latch done(static_cast<std::ptrdiff_t>(n));
           for (std::size_t i = 0; i < n; ++i) boost::asio::post(asio, [&done] { done.count_down(); });
           done.wait();
         }),
         static_cast<double>(n));
  const std::size_t m = g_quick ? 2'000 : 20'000;  // one OS thread each: capped
  report(name, "std::async (" + std::to_string(m / 1000) + "k tasks)", time_ms([&] {
           std::vector<std::future<void>> fs;
           fs.reserve(m);
           for (std::size_t i = 0; i < m; ++i) fs.push_back(std::async(std::launch::async, [] {}));
           for (auto& f : fs) f.wait();
         }),
         static_cast<double>(m));
  report(name, "std::thread per task (" + std::to_string(m / 1000) + "k)", time_ms([&] {
           // Keep at most ~4x workers alive so the machine is not flooded.
           std::vector<std::thread> batch;
           for (std::size_t i = 0; i < m; ++i) {
             batch.emplace_back([] {});
             if (batch.size() == workers * 4) {
               for (auto& t : batch) t.join();
               batch.clear();
             }
           }
           for (auto& t : batch) t.join();
         }),
         static_cast<double>(m));
}

// ---------------------------------------------------------------- (b) ----
constexpr int kFibCutoff = 18;

long fib_seq(int n) { return n < 2 ? n : fib_seq(n - 1) + fib_seq(n - 2); }

long fib_bw(bw::ThreadPool& pool, int n) {
  if (n < kFibCutoff) return fib_seq(n);
  auto left = pool.submit([&pool, n] { return fib_bw(pool, n - 1); });
  const long right = fib_bw(pool, n - 2);
  return left.get() + right;
}

long fib_tbb(int n) {
  if (n < kFibCutoff) return fib_seq(n);
  long left = 0;
  tbb::task_group tg;
  tg.run([&] { left = fib_tbb(n - 1); });
  const long right = fib_tbb(n - 2);
  tg.wait();
  return left + right;
}

long fib_async(int n) {
  if (n < kFibCutoff) return fib_seq(n);
  auto left = std::async(std::launch::async, [n] { return fib_async(n - 1); });
  const long right = fib_async(n - 2);
  return left.get() + right;
}

void bench_fib(bw::ThreadPool& pool) {
  const int n = g_quick ? 28 : 32;
  const std::string name = "b) fib(" + std::to_string(n) + ") cutoff " + std::to_string(kFibCutoff);
  const long expect = fib_seq(n);
  long got = 0;
  report(name, "boundwise submit/get (helping)", time_ms([&] {
           got = pool.submit([&pool, n] { return fib_bw(pool, n); }).get();
         }),
         1);
  if (got != expect) std::fprintf(stderr, "fib mismatch: %ld != %ld\n", got, expect);
  report(name, "oneTBB task_group", time_ms([&] { keep(fib_tbb(n)); }), 1);
  report(name, "std::async (thread per fork)", time_ms([&] { keep(fib_async(n)); }), 1);
  report(name, "sequential", time_ms([&] { keep(fib_seq(n)); }), 1);
  // Boost.Asio's thread_pool has no helping wait: blocking on a child from a
  // task deadlocks once every thread waits, so it has no fork-join row.
}

// ---------------------------------------------------------------- (c) ----
inline std::int64_t cheap(std::int64_t x) { return x * x + 1; }

void bench_map(bw::ThreadPool& pool, boost::asio::thread_pool& asio, std::size_t workers) {
  const std::size_t n = g_quick ? 1'000'000 : 10'000'000;
  const std::string name = "c) map " + std::to_string(n / 1'000'000) + "M cheap items";
  std::vector<std::int64_t> in(n);
  std::iota(in.begin(), in.end(), 0);
  std::int64_t check = 0;
  report(name, "boundwise ThreadPool::map", time_ms([&] {
           auto out = pool.map([](std::int64_t x) { return cheap(x); }, in);
           check = out[n - 1];
         }),
         static_cast<double>(n));
  if (check != cheap(static_cast<std::int64_t>(n - 1))) std::fprintf(stderr, "map mismatch\n");
  report(name, "oneTBB parallel_for", time_ms([&] {
           std::vector<std::int64_t> out(n);
           tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n), [&](const tbb::blocked_range<std::size_t>& r) {
             for (std::size_t i = r.begin(); i != r.end(); ++i) out[i] = cheap(in[i]);
           });
           keep(out[n - 1]);
         }),
         static_cast<double>(n));
  const std::size_t chunks = workers * 8;
  report(name, "Boost.Asio post chunks + latch", time_ms([&] {
           std::vector<std::int64_t> out(n);
           std::latch done(static_cast<std::ptrdiff_t>(chunks));
           for (std::size_t c = 0; c < chunks; ++c)
             boost::asio::post(asio, [&, c] {
               const std::size_t b = n * c / chunks, e = n * (c + 1) / chunks;
               for (std::size_t i = b; i < e; ++i) out[i] = cheap(in[i]);
               done.count_down();
             });
           done.wait();
           keep(out[n - 1]);
         }),
         static_cast<double>(n));
  report(name, "std::async one chunk per core", time_ms([&] {
           std::vector<std::int64_t> out(n);
           std::vector<std::future<void>> fs;
           for (std::size_t c = 0; c < workers; ++c)
             fs.push_back(std::async(std::launch::async, [&, c] {
               const std::size_t b = n * c / workers, e = n * (c + 1) / workers;
               for (std::size_t i = b; i < e; ++i) out[i] = cheap(in[i]);
             }));
           for (auto& f : fs) f.get();
           keep(out[n - 1]);
         }),
         static_cast<double>(n));
  report(name, "sequential std::transform", time_ms([&] {
           std::vector<std::int64_t> out(n);
           std::transform(in.begin(), in.end(), out.begin(), cheap);
           keep(out[n - 1]);
         }),
         static_cast<double>(n));
}

// ---------------------------------------------------------------- (d) ----
// Python's classic CPU-bound example: sum(i * i for i in range(n)). The asm
// barrier keeps the compiler from replacing the loop with a closed form.
std::uint64_t sum_squares(std::uint64_t n) {
  std::uint64_t sum = 0;
  for (std::uint64_t i = 0; i < n; ++i) {
    sum += i * i;
    asm volatile("" : "+r"(sum));
  }
  return sum;
}

void bench_sum_squares(bw::ThreadPool& pool) {
  const std::uint64_t n = g_quick ? 2'000'000 : 10'000'000;
  const std::vector<std::uint64_t> inputs{n, n + 1, n + 2, n + 3};
  const std::string name = "d) sum i*i < " + std::to_string(n / 1'000'000) + "M x4";
  report(name, "boundwise ThreadPool::map", time_ms([&] { keep(pool.map([](std::uint64_t x) { return sum_squares(x); }, inputs, 1)); }), 4);
  report(name, "oneTBB parallel_for", time_ms([&] {
           std::vector<std::uint64_t> out(4);
           tbb::parallel_for(std::size_t{0}, inputs.size(), [&](std::size_t i) { out[i] = sum_squares(inputs[i]); });
           keep(out);
         }),
         4);
  report(name, "sequential", time_ms([&] {
           std::vector<std::uint64_t> out;
           for (auto x : inputs) out.push_back(sum_squares(x));
           keep(out);
         }),
         4);
}

}  // namespace

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--quick") == 0) g_quick = true;
    if (std::strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) g_repeat = std::max(1, std::atoi(argv[++i]));
    if (std::strcmp(argv[i], "--only") == 0 && i + 1 < argc) g_only = argv[++i];
    if (std::strcmp(argv[i], "--filter") == 0 && i + 1 < argc) g_filter = argv[++i];
  }
  const std::size_t workers = bw::default_workers();
  // Every pool gets the same number of threads: default_workers().
  tbb::global_control tbb_threads(tbb::global_control::max_allowed_parallelism, workers);
  bw::ThreadPool pool{workers};
  boost::asio::thread_pool asio(workers);
  std::printf("workers: %zu (boundwise::default_workers), repeat: %d\n", workers, g_repeat);

  auto wanted = [](char c) { return g_only.empty() || g_only.find(c) != std::string::npos; };
  if (wanted('a')) bench_empty_tasks(pool, asio, workers);
  if (wanted('b')) bench_fib(pool);
  if (wanted('c')) bench_map(pool, asio, workers);
  if (wanted('d')) bench_sum_squares(pool);
  print_table();
  asio.join();
  return 0;
}
