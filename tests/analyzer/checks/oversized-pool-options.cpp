// RUN: %check_boundwise --config="{CheckOptions: {boundwise-oversized-pool.AssumedCores: '64', boundwise-oversized-pool.IoThreadCap: '100', boundwise-oversized-pool.ThreadFactor: '1'}}" %s boundwise-oversized-pool %t -- -std=c++20 -I%S/../../../runtime/include
// AssumedCores, ThreadFactor and IoThreadCap move the limits.
#include <boundwise/thread_pool.hpp>

#include <sys/socket.h>
#include <thread>
#include <vector>

double crunch(const std::vector<double> &v) {
  double s = 0;
  for (double x : v)
    for (int k = 0; k < 1000; ++k)
      s += x * x / (k + 1);
  return s;
}
long fetch(int fd) {
  char buf[4096];
  long total = 0;
  while (long n = recv(fd, buf, sizeof buf, 0))
    total += n;
  return total;
}

double sizes(const std::vector<double> &data, int fd) {
  // --- negative: 64 threads on 64 assumed cores.
  boundwise::ThreadPool cpu{64};
  // --- positive: twice the cores with ThreadFactor 1.
  boundwise::ThreadPool twice(std::thread::hardware_concurrency() * 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: thread pool of the core count x 2 threads for CPU-bound work ({{.*}}): more than 1 x the cores
  // CHECK-FIXES: boundwise::ThreadPool twice(boundwise::default_workers());
  // --- positive: 200 I/O threads over a cap of 100.
  boundwise::ThreadPool io{200};
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: thread pool of 200 threads for I/O-bound work ({{.*}}): more than 100 threads mostly wait
  return cpu.submit(crunch, data).get() + twice.submit(crunch, data).get() +
         static_cast<double>(io.submit(fetch, fd).get());
}
