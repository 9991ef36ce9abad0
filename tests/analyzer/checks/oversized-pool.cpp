// RUN: %check_boundwise %s boundwise-oversized-pool %t -- -std=c++20 -fopenmp -I%S/../../../runtime/include
#include <boundwise/process_pool.hpp>
#include <boundwise/thread_pool.hpp>

#include <memory>
#include <sys/socket.h>
#include <thread>
#include <vector>

extern "C" void omp_set_num_threads(int n);

// CPU-bound: arithmetic over the data.
double crunch(const std::vector<double> &v) {
  double s = 0;
  for (double x : v)
    for (int k = 0; k < 1000; ++k)
      s += x * x / (k + 1);
  return s;
}
int heavy(int n) {
  long acc = 0;
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < 1000; ++j)
      acc += (i * j) % 7;
  return static_cast<int>(acc);
}
// I/O-bound: waits on the network.
long fetch(int fd) {
  char buf[4096];
  long total = 0;
  while (long n = recv(fd, buf, sizeof buf, 0))
    total += n;
  return total;
}

// --- positive: a CPU-bound thread pool over 2 x 16 cores.
double cpu_pool(const std::vector<double> &data) {
  boundwise::ThreadPool pool{64};
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: thread pool of 64 threads for CPU-bound work ({{.*}}): more than 2 x 16 cores (AssumedCores) only adds context switches and memory; size it with boundwise::default_workers() [boundwise-oversized-pool]
  // CHECK-FIXES: boundwise::ThreadPool pool{boundwise::default_workers()};
  return pool.submit(crunch, data).get();
}

// --- positive: a CPU-bound process pool over 1 x 16 cores.
std::vector<int> cpu_processes(const std::vector<int> &sizes) {
  boundwise::ProcessPool procs(32);
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: process pool of 32 processes for CPU-bound work ({{.*}}): more than 1 x 16 cores (AssumedCores)
  // CHECK-FIXES: boundwise::ProcessPool procs(boundwise::default_workers());
  return procs.map(heavy, sizes);
}

// --- positive: the core count times a factor, through a variable, and a lambda task.
double cpu_factor(const std::vector<double> &data) {
  const unsigned workers = std::thread::hardware_concurrency() * 4;
  auto pool = std::make_unique<boundwise::ThreadPool>(workers);
  // CHECK-MESSAGES: :[[@LINE-1]]:55: warning: thread pool of the core count x 4 threads for CPU-bound work ({{.*}}): more than 2 x the cores only adds
  // CHECK-FIXES: auto pool = std::make_unique<boundwise::ThreadPool>(boundwise::default_workers());
  auto task = [&data] { return crunch(data); };
  return pool->submit(task).get();
}

// --- positive: an I/O-bound thread pool over the 256 cap.
long io_pool(const std::vector<int> &sockets) {
  boundwise::ThreadPool io{1000};
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: thread pool of 1000 threads for I/O-bound work ({{.*}}): more than 256 threads mostly wait, each holding a stack; use async I/O (a boundwise::Task coroutine with co_await) or a pool of at most 256 [boundwise-oversized-pool]
  long total = 0;
  for (long n : io.map(fetch, sockets))
    total += n;
  return total;
}

// --- positive: OpenMP teams larger than the cores for arithmetic.
double omp_teams(const std::vector<double> &v) {
  double s = 0;
  omp_set_num_threads(128);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: OpenMP team of 128 threads for CPU-bound work
  // CHECK-FIXES: omp_set_num_threads(static_cast<int>(boundwise::default_workers()));
#pragma omp parallel for reduction(+ : s)
  for (int i = 0; i < static_cast<int>(v.size()); ++i)
    s += v[i] * v[i];
#pragma omp parallel for num_threads(256) reduction(+ : s)
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: OpenMP team of 256 threads for CPU-bound work
  // CHECK-FIXES: #pragma omp parallel for num_threads(static_cast<int>(boundwise::default_workers())) reduction(+ : s)
  for (int i = 0; i < static_cast<int>(v.size()); ++i)
    s += heavy(i);
  return s;
}

// --- negative: sized to the cores, or within k x cores.
double right_sized(const std::vector<double> &data, const std::vector<int> &sizes) {
  boundwise::ThreadPool a;
  boundwise::ThreadPool b{boundwise::default_workers()};
  boundwise::ThreadPool c{32};
  boundwise::ThreadPool d(std::thread::hardware_concurrency() * 2);
  boundwise::ProcessPool e(std::thread::hardware_concurrency());
  boundwise::ProcessPool f{8};
  double s = a.submit(crunch, data).get() + b.submit(crunch, data).get() +
             c.submit(crunch, data).get() + d.submit(crunch, data).get();
  s += e.map(heavy, sizes).size() + f.map(heavy, sizes).size();
  return s;
}

// --- negative: I/O-bound work may use more threads than cores, up to the cap.
long io_threads(const std::vector<int> &sockets) {
  boundwise::ThreadPool io{200};
  long total = 0;
  for (long n : io.map(fetch, sockets))
    total += n;
  return total;
}

// --- negative: a size only known at run time; a pool whose work is not seen here.
void run_all(boundwise::ThreadPool &pool);
double unknown_sizes(const std::vector<double> &data, std::size_t requested) {
  boundwise::ThreadPool pool{requested};
  boundwise::ThreadPool elsewhere{512};
  run_all(elsewhere);
  return pool.submit(crunch, data).get();
}

// --- negative: a small OpenMP team.
double omp_small(const std::vector<double> &v) {
  double s = 0;
#pragma omp parallel for num_threads(8) reduction(+ : s)
  for (int i = 0; i < static_cast<int>(v.size()); ++i)
    s += v[i];
  return s;
}

// --- negative: NOLINT silences a finding the author has checked.
double suppressed(const std::vector<double> &data) {
  boundwise::ThreadPool pool{128}; // NOLINT(boundwise-oversized-pool)
  return pool.submit(crunch, data).get();
}

// --- positive: member pools, judged by what the class's methods submit.
class Server {
public:
  Server() : cpu_(100) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: thread pool of 100 threads for CPU-bound work
  // CHECK-FIXES: Server() : cpu_(boundwise::default_workers()) {}
  long handle(int fd) { return io_.submit(fetch, fd).get(); }
  double score(const std::vector<double> &v) { return cpu_.submit(crunch, v).get(); }

private:
  boundwise::ThreadPool io_{4096};
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: thread pool of 4096 threads for I/O-bound work
  boundwise::ThreadPool cpu_;
};

// --- negative: a member pool of a reasonable size.
class Small {
public:
  long handle(int fd) { return io_.submit(fetch, fd).get(); }

private:
  boundwise::ThreadPool io_{64};
};
