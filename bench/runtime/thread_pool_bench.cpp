// ThreadPool vs oneTBB, Boost.Asio, std::async and thread-per-task: one run prints a table of times and ratios.
//
// Usage: thread_pool_bench [--quick] [--repeat N] [--only abcd] [--filter implementation-substring]
//                          [--settle-ms MS (default 20)]
// Every case is run N times (default 5) after one warm-up run, with the
// implementations of a benchmark interleaved round-robin (see run_group).
// The ratio column compares medians (peer / boundwise, so > 1 means
// boundwise is faster); best-r compares best runs. Thread-per-task peers run
// fewer tasks (they create an OS thread per task) and are compared per task.
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>
#include <tbb/task_group.h>

#include <time.h>

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
int g_settle_ms = 20;  // pause before each timed run (see run_group)
std::string g_only;  // run only benchmarks whose letter matches (for perf record)

template <class T>
void keep(T const& value) {
  asm volatile("" : : "r,m"(value) : "memory");
}

std::string g_filter;  // run only implementations whose name contains this

// One benchmark is a group of implementations timed round-robin: repeat r
// runs every implementation once, starting at a different one each round,
// so load from other processes on a shared machine falls on all of them
// alike instead of on whichever ran during a busy spell. The first
// implementation of a group is boundwise and the ratio's base.
struct Case {
  std::string impl;
  std::function<void()> fn;
  double items;
};

struct Row {
  std::string bench, impl;
  double median_ms, best_ms;
  double median_item_ns, best_item_ns;
  double median_cpu_ms;
};

// CPU time of the whole process (all threads, spinning included). Unlike
// wall time it does not grow when other processes take the cores, so on a
// shared machine it is the steadier measure of what an implementation costs.
double process_cpu_ms() {
  timespec ts{};
  ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double median_of(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}
std::vector<Row> g_rows;

void run_group(const std::string& bench, std::vector<Case> cases) {
  std::erase_if(cases, [&](const Case& c) { return !g_filter.empty() && c.impl.find(g_filter) == std::string::npos; });
  if (cases.empty()) return;
  for (auto& c : cases) c.fn();  // warm-up: thread creation, page faults, allocator caches
  std::vector<std::vector<double>> runs(cases.size()), cpu(cases.size());
  for (int r = 0; r < g_repeat; ++r) {
    for (std::size_t k = 0; k < cases.size(); ++k) {
      const std::size_t i = (k + static_cast<std::size_t>(r)) % cases.size();
      // Let the previous implementation's idle threads stop spinning and
      // park: on 2 cores a peer's spinning workers would otherwise steal
      // the core from whatever runs next.
      std::this_thread::sleep_for(std::chrono::milliseconds(g_settle_ms));
      const double c0 = process_cpu_ms();
      const auto t0 = Clock::now();
      cases[i].fn();
      runs[i].push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
      cpu[i].push_back(process_cpu_ms() - c0);
    }
  }
  for (std::size_t i = 0; i < cases.size(); ++i) {
    auto& v = runs[i];
    std::sort(v.begin(), v.end());
    const double median = median_of(v);
    g_rows.push_back({bench, cases[i].impl, median, v.front(), median * 1e6 / cases[i].items,
                      v.front() * 1e6 / cases[i].items, median_of(cpu[i])});
    std::fprintf(stderr, "  %-28s %-36s %10.2f ms\n", bench.c_str(), cases[i].impl.c_str(), median);
  }
}

void print_table() {
  std::printf("\n%-28s %-36s %10s %9s %12s %8s %8s %9s %7s\n", "benchmark", "implementation", "median ms", "best ms",
              "med ns/item", "ratio", "best-r", "cpu ms", "cpu-r");
  std::printf("%s\n", std::string(135, '-').c_str());
  std::string current;
  double base = 0, base_best = 0, base_cpu = 0;
  for (const auto& r : g_rows) {
    if (r.bench != current) {
      current = r.bench;
      base = r.median_item_ns;  // the first row of each benchmark is boundwise
      base_best = r.best_item_ns;
      base_cpu = r.median_cpu_ms / (r.median_ms * 1e6 / r.median_item_ns);
    }
    // Whole-run cases (fib, sum i*i: items == 1) have no per-item figure.
    char per_item[32] = "-";
    if (r.median_item_ns != r.median_ms * 1e6) std::snprintf(per_item, sizeof per_item, "%.1f", r.median_item_ns);
    const double cpu_per_item = r.median_cpu_ms / (r.median_ms * 1e6 / r.median_item_ns);
    std::printf("%-28s %-36s %10.2f %9.2f %12s %7.2fx %7.2fx %9.2f %6.2fx\n", r.bench.c_str(), r.impl.c_str(),
                r.median_ms, r.best_ms, per_item, r.median_item_ns / base, r.best_item_ns / base_best, r.median_cpu_ms,
                cpu_per_item / base_cpu);
  }
  std::printf(
      "\nratio = peer median ns/item / boundwise median ns/item (> 1: boundwise faster); best-r: same with best "
      "runs.\ncpu ms = median CPU time of the whole process per run (all threads); cpu-r: its ratio per item.\n"
      "Implementations of one benchmark are timed round-robin within each repeat.\n");
}

// ---------------------------------------------------------------- (a) ----
void bench_empty_tasks(bw::ThreadPool& pool, boost::asio::thread_pool& asio, std::size_t workers) {
  const std::size_t n = g_quick ? 100'000 : 1'000'000;
  const std::string name = "a) " + std::to_string(n / 1000) + "k empty tasks";
  const std::size_t m = g_quick ? 2'000 : 20'000;  // one OS thread each: capped
  std::vector<Case> cases;
  cases.push_back({"boundwise ThreadPool submit+Future",
                   [&] {
                     std::vector<bw::Future<void>> fs;
                     fs.reserve(n);
                     for (std::size_t i = 0; i < n; ++i) fs.push_back(pool.submit([] {}));
                     for (auto& f : fs) f.wait();
                   },
                   static_cast<double>(n)});
  cases.push_back({"oneTBB task_group run+wait",
                   [&] {
                     tbb::task_group tg;
                     for (std::size_t i = 0; i < n; ++i) tg.run([] {});
                     tg.wait();
                   },
                   static_cast<double>(n)});
  cases.push_back({"Boost.Asio post + latch",
                   [&] {
                     std::latch done(static_cast<std::ptrdiff_t>(n));
                     for (std::size_t i = 0; i < n; ++i) boost::asio::post(asio, [&done] { done.count_down(); });
                     done.wait();
                   },
                   static_cast<double>(n)});
  cases.push_back({"std::async (" + std::to_string(m / 1000) + "k tasks)",
                   [&] {
                     std::vector<std::future<void>> fs;
                     fs.reserve(m);
                     for (std::size_t i = 0; i < m; ++i) fs.push_back(std::async(std::launch::async, [] {}));
                     for (auto& f : fs) f.wait();
                   },
                   static_cast<double>(m)});
  cases.push_back({"std::thread per task (" + std::to_string(m / 1000) + "k)",
                   [&] {
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
                   },
                   static_cast<double>(m)});
  run_group(name, std::move(cases));
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
  std::vector<Case> cases;
  cases.push_back({"boundwise submit/get (helping)",
                   [&, expect] {
                     const long got = pool.submit([&pool, n] { return fib_bw(pool, n); }).get();
                     if (got != expect) std::fprintf(stderr, "fib mismatch: %ld != %ld\n", got, expect);
                   },
                   1});
  cases.push_back({"oneTBB task_group", [&] { keep(fib_tbb(n)); }, 1});
  cases.push_back({"std::async (thread per fork)", [&] { keep(fib_async(n)); }, 1});
  cases.push_back({"sequential", [&] { keep(fib_seq(n)); }, 1});
  // Boost.Asio's thread_pool has no helping wait: blocking on a child from a
  // task deadlocks once every thread waits, so it has no fork-join row.
  run_group(name, std::move(cases));
}

// ---------------------------------------------------------------- (c) ----
inline std::int64_t cheap(std::int64_t x) { return x * x + 1; }

void bench_map(bw::ThreadPool& pool, boost::asio::thread_pool& asio, std::size_t workers) {
  const std::size_t n = g_quick ? 1'000'000 : 10'000'000;
  const std::string name = "c) map " + std::to_string(n / 1'000'000) + "M cheap items";
  std::vector<std::int64_t> in(n);
  std::iota(in.begin(), in.end(), 0);
  const std::size_t chunks = workers * 8;
  std::vector<Case> cases;
  cases.push_back({"boundwise ThreadPool::map",
                   [&] {
                     auto out = pool.map([](std::int64_t x) { return cheap(x); }, in);
                     if (out[n - 1] != cheap(static_cast<std::int64_t>(n - 1))) std::fprintf(stderr, "map mismatch\n");
                   },
                   static_cast<double>(n)});
  cases.push_back({"oneTBB parallel_for",
                   [&] {
                     std::vector<std::int64_t> out(n);
                     tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n),
                                       [&](const tbb::blocked_range<std::size_t>& r) {
                                         for (std::size_t i = r.begin(); i != r.end(); ++i) out[i] = cheap(in[i]);
                                       });
                     keep(out[n - 1]);
                   },
                   static_cast<double>(n)});
  cases.push_back({"Boost.Asio post chunks + latch",
                   [&] {
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
                   },
                   static_cast<double>(n)});
  cases.push_back({"std::async one chunk per core",
                   [&] {
                     std::vector<std::int64_t> out(n);
                     std::vector<std::future<void>> fs;
                     for (std::size_t c = 0; c < workers; ++c)
                       fs.push_back(std::async(std::launch::async, [&, c] {
                         const std::size_t b = n * c / workers, e = n * (c + 1) / workers;
                         for (std::size_t i = b; i < e; ++i) out[i] = cheap(in[i]);
                       }));
                     for (auto& f : fs) f.get();
                     keep(out[n - 1]);
                   },
                   static_cast<double>(n)});
  cases.push_back({"sequential std::transform",
                   [&] {
                     std::vector<std::int64_t> out(n);
                     std::transform(in.begin(), in.end(), out.begin(), cheap);
                     keep(out[n - 1]);
                   },
                   static_cast<double>(n)});
  run_group(name, std::move(cases));
}

// ---------------------------------------------------------------- (d) ----
// Python's classic CPU-bound example: sum(i * i for i in range(n)) for 4
// inputs. The asm barrier keeps the compiler from replacing the loop with a
// closed form. Every implementation computes the same 4 sums and the result
// is checked, so none can skip work. Not inlined: every implementation runs
// the very same machine code (inlined copies differed in loop alignment, and
// the sequential row ran 1.5x slower per sum than the pool rows).
[[gnu::noinline]] std::uint64_t sum_squares(std::uint64_t n) {
  std::uint64_t sum = 0;
  for (std::uint64_t i = 0; i < n; ++i) {
    sum += i * i;
    asm volatile("" : "+r"(sum));
  }
  return sum;
}

void bench_sum_squares(bw::ThreadPool& pool, boost::asio::thread_pool& asio) {
  const std::uint64_t n = g_quick ? 2'000'000 : 10'000'000;
  const std::vector<std::uint64_t> inputs{n, n + 1, n + 2, n + 3};
  std::vector<std::uint64_t> expect;
  for (auto x : inputs) expect.push_back(sum_squares(x));
  auto check = [expect](const std::vector<std::uint64_t>& got, const char* who) {
    if (got != expect) std::fprintf(stderr, "sum i*i mismatch: %s\n", who);
  };
  const std::string name = "d) sum i*i < " + std::to_string(n / 1'000'000) + "M x4";
  const std::size_t k = inputs.size();
  std::vector<Case> cases;
  cases.push_back({"boundwise ThreadPool::map",
                   [&] { check(pool.map([](std::uint64_t x) { return sum_squares(x); }, inputs, 1), "map"); }, 1});
  cases.push_back({"boundwise submit x4 + get",
                   [&] {
                     std::vector<bw::Future<std::uint64_t>> fs;
                     for (auto x : inputs) fs.push_back(pool.submit(sum_squares, x));
                     std::vector<std::uint64_t> out;
                     for (auto& f : fs) out.push_back(f.get());
                     check(out, "submit");
                   },
                   1});
  cases.push_back({"oneTBB parallel_for",
                   [&] {
                     std::vector<std::uint64_t> out(k);
                     tbb::parallel_for(std::size_t{0}, k, [&](std::size_t i) { out[i] = sum_squares(inputs[i]); });
                     check(out, "tbb");
                   },
                   1});
  cases.push_back({"Boost.Asio post x4 + latch",
                   [&] {
                     std::vector<std::uint64_t> out(k);
                     std::latch done(static_cast<std::ptrdiff_t>(k));
                     for (std::size_t i = 0; i < k; ++i)
                       boost::asio::post(asio, [&, i] {
                         out[i] = sum_squares(inputs[i]);
                         done.count_down();
                       });
                     done.wait();
                     check(out, "asio");
                   },
                   1});
  cases.push_back({"std::async x4",
                   [&] {
                     std::vector<std::future<std::uint64_t>> fs;
                     for (auto x : inputs) fs.push_back(std::async(std::launch::async, sum_squares, x));
                     std::vector<std::uint64_t> out;
                     for (auto& f : fs) out.push_back(f.get());
                     check(out, "async");
                   },
                   1});
  cases.push_back({"std::thread per input",
                   [&] {
                     std::vector<std::uint64_t> out(k);
                     std::vector<std::thread> ts;
                     for (std::size_t i = 0; i < k; ++i) ts.emplace_back([&, i] { out[i] = sum_squares(inputs[i]); });
                     for (auto& t : ts) t.join();
                     check(out, "thread");
                   },
                   1});
  cases.push_back({"sequential",
                   [&] {
                     std::vector<std::uint64_t> out;
                     for (auto x : inputs) out.push_back(sum_squares(x));
                     check(out, "sequential");
                   },
                   1});
  run_group(name, std::move(cases));
}

}  // namespace

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--quick") == 0) g_quick = true;
    if (std::strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) g_repeat = std::max(1, std::atoi(argv[++i]));
    if (std::strcmp(argv[i], "--settle-ms") == 0 && i + 1 < argc) g_settle_ms = std::max(0, std::atoi(argv[++i]));
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
  if (wanted('d')) bench_sum_squares(pool, asio);
  print_table();
  asio.join();
  return 0;
}
