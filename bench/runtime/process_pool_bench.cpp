// ProcessPool benchmark: latency, small-task throughput and 100 MB bandwidth, against Python and a raw pipe, in one run.
//
//   process_pool_bench [--workers N] [--tasks N] [--megabytes N] [--rounds N] [--no-python]
//
// Runs bench/runtime/process_pool_peer.py through popen for the Python
// figures and prints the ratios. The raw-pipe baseline re-executes this
// binary as a bare echo process: same request/response shape as a task
// (length-prefixed bytes in, the same bytes back), no codec and no pool.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <numeric>
#include <string>
#include <thread>
#include <vector>

#include "boundwise/process_pool.hpp"

#ifndef BOUNDWISE_BENCH_DIR
#define BOUNDWISE_BENCH_DIR "bench/runtime"
#endif

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;

int add(int a, int b) { return a + b; }
int inc(int x) { return x + 1; }
std::size_t length(const std::vector<char>& v) { return v.size(); }
std::vector<char> echo(std::vector<char> v) { return v; }

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

template <class F>
double best_seconds(int repeat, F&& f) {
  double best = 1e300;
  for (int i = 0; i < repeat; ++i) {
    const auto t = Clock::now();
    f();
    best = std::min(best, seconds_since(t));
  }
  return best;
}

// ---- raw pipe baseline ----

void write_all(int fd, const char* p, std::size_t n) {
  while (n > 0) {
    const ssize_t k = ::write(fd, p, n);
    if (k < 0) std::abort();
    p += k;
    n -= static_cast<std::size_t>(k);
  }
}
void read_all(int fd, char* p, std::size_t n) {
  while (n > 0) {
    const ssize_t k = ::read(fd, p, n);
    if (k <= 0) std::abort();
    p += k;
    n -= static_cast<std::size_t>(k);
  }
}

// Child side: [u64 n][n bytes][u8 mode] -> mode 0: [u64 n], mode 1: [n bytes].
[[noreturn]] void raw_echo_child() {
  std::vector<char> buf;
  for (;;) {
    std::uint64_t n;
    if (::read(0, &n, sizeof n) != sizeof n) ::_exit(0);
    buf.resize(n);
    read_all(0, buf.data(), n);
    char mode;
    read_all(0, &mode, 1);
    if (mode == 0) {
      write_all(1, reinterpret_cast<const char*>(&n), sizeof n);
    } else {
      write_all(1, buf.data(), n);
    }
  }
}

struct RawChild {
  pid_t pid = -1;
  int to = -1;
  int from = -1;
};

RawChild start_raw_child() {
  int a[2];
  int b[2];
  if (::pipe2(a, O_CLOEXEC) != 0 || ::pipe2(b, O_CLOEXEC) != 0) std::abort();
  // Same pipe size as ProcessPool uses.
  ::fcntl(a[1], F_SETPIPE_SZ, 1 << 20);
  ::fcntl(b[1], F_SETPIPE_SZ, 1 << 20);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, a[0], 0);
  posix_spawn_file_actions_adddup2(&fa, b[1], 1);
  std::vector<char*> envp;
  for (char** e = environ; *e; ++e) envp.push_back(*e);
  std::string mark = "BOUNDWISE_BENCH_RAW_ECHO=1";
  envp.push_back(mark.data());
  envp.push_back(nullptr);
  char name[] = "raw-echo";
  char* argv[] = {name, nullptr};
  RawChild c;
  if (::posix_spawn(&c.pid, "/proc/self/exe", &fa, nullptr, argv, envp.data()) != 0) std::abort();
  posix_spawn_file_actions_destroy(&fa);
  ::close(a[0]);
  ::close(b[1]);
  c.to = a[1];
  c.from = b[0];
  return c;
}

// One request: send n bytes; get back 8 bytes (mode 0) or the n bytes (mode 1).
void raw_round_trip(const RawChild& c, const std::vector<char>& data, std::vector<char>& back, char mode) {
  const std::uint64_t n = data.size();
  write_all(c.to, reinterpret_cast<const char*>(&n), sizeof n);
  write_all(c.to, data.data(), n);
  write_all(c.to, &mode, 1);
  if (mode == 0) {
    std::uint64_t got;
    read_all(c.from, reinterpret_cast<char*>(&got), sizeof got);
  } else {
    back.resize(n);
    read_all(c.from, back.data(), n);
  }
}

double json_number(const std::string& json, const std::string& key) {
  const auto at = json.find("\"" + key + "\":");
  if (at == std::string::npos) return 0;
  return std::strtod(json.c_str() + at + key.size() + 3, nullptr);
}

std::string run_python(int workers, int tasks, int megabytes) {
  const std::string cmd = "python3 " BOUNDWISE_BENCH_DIR "/process_pool_peer.py --workers " + std::to_string(workers) +
                          " --tasks " + std::to_string(tasks) + " --megabytes " + std::to_string(megabytes);
  std::string out;
  if (FILE* p = ::popen(cmd.c_str(), "r")) {
    char buf[4096];
    while (std::size_t k = std::fread(buf, 1, sizeof buf, p)) out.append(buf, k);
    ::pclose(p);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (std::getenv("BOUNDWISE_BENCH_RAW_ECHO") != nullptr) raw_echo_child();

  int workers = 2;
  int tasks = 100000;
  int megabytes = 100;
  int rounds = 9;
  bool python = true;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--workers" && i + 1 < argc) workers = std::atoi(argv[++i]);
    else if (a == "--tasks" && i + 1 < argc) tasks = std::atoi(argv[++i]);
    else if (a == "--megabytes" && i + 1 < argc) megabytes = std::atoi(argv[++i]);
    else if (a == "--rounds" && i + 1 < argc) rounds = std::max(1, std::atoi(argv[++i]));
    else if (a == "--no-python") python = false;
  }
  const std::size_t bytes = static_cast<std::size_t>(megabytes) << 20;
  std::printf("process_pool_bench: workers=%d tasks=%d payload=%d MB\n", workers, tasks, megabytes);

  double latency_us = 0;
  double map_tps = 0;
  double submit_tps = 0;
  double arg_mbps = 0;
  double echo_mbps = 0;
  double raw_arg_mbps = 0;
  double raw_echo_mbps = 0;
  double best_arg_ratio = 0;
  double best_echo_ratio = 0;
  {
    boundwise::ProcessPool pool(static_cast<std::size_t>(workers));
    pool.submit(add, 1, 2).get();  // workers up

    std::vector<double> samples;
    for (int i = 0; i < 5000; ++i) {
      const auto t = Clock::now();
      pool.submit(add, 1, 2).get();
      samples.push_back(seconds_since(t) * 1e6);
    }
    std::nth_element(samples.begin(), samples.begin() + samples.size() / 2, samples.end());
    latency_us = samples[samples.size() / 2];

    std::vector<int> items(static_cast<std::size_t>(tasks));
    std::iota(items.begin(), items.end(), 0);
    std::size_t check = 0;
    map_tps = tasks / best_seconds(20, [&] { check += pool.map(inc, items).size(); });
    submit_tps = 20000 / best_seconds(3, [&] {
      std::vector<boundwise::Future<int>> fs;
      fs.reserve(20000);
      for (int i = 0; i < 20000; ++i) fs.push_back(pool.submit(inc, i));
      for (auto& f : fs) check += static_cast<std::size_t>(f.get());
    });

    // Bandwidth: boundwise and the raw pipe take turns within each round
    // (order alternating), so load from other processes on a shared
    // machine falls on both alike; medians of the rounds are compared.
    RawChild c = start_raw_child();
    std::vector<char> payload(bytes, 'x');
    std::vector<char> back;
    raw_round_trip(c, std::vector<char>(16), back, 1);
    std::vector<double> bw_arg, raw_arg, bw_echo, raw_echo;
    auto timed = [](std::vector<double>& out, auto&& f) {
      const auto t = Clock::now();
      f();
      out.push_back(seconds_since(t));
    };
    for (int r = 0; r < rounds; ++r) {
      auto bw_a = [&] { timed(bw_arg, [&] { check += pool.submit(length, payload).get(); }); };
      auto raw_a = [&] { timed(raw_arg, [&] { raw_round_trip(c, payload, back, 0); }); };
      auto bw_e = [&] { timed(bw_echo, [&] { check += pool.submit(echo, payload).get().size(); }); };
      auto raw_e = [&] { timed(raw_echo, [&] { raw_round_trip(c, payload, back, 1); }); };
      if (r % 2 == 0) {
        bw_a(), raw_a(), bw_e(), raw_e();
      } else {
        raw_e(), bw_e(), raw_a(), bw_a();
      }
    }
    arg_mbps = megabytes / median(bw_arg);
    raw_arg_mbps = megabytes / median(raw_arg);
    echo_mbps = 2.0 * megabytes / median(bw_echo);
    raw_echo_mbps = 2.0 * megabytes / median(raw_echo);
    best_arg_ratio = *std::min_element(bw_arg.begin(), bw_arg.end()) / *std::min_element(raw_arg.begin(), raw_arg.end());
    best_echo_ratio =
        *std::min_element(bw_echo.begin(), bw_echo.end()) / *std::min_element(raw_echo.begin(), raw_echo.end());
    ::close(c.to);
    ::close(c.from);
    int status;
    ::waitpid(c.pid, &status, 0);
    if (check == 0) std::puts("");
  }

  std::printf("\nboundwise::ProcessPool\n");
  std::printf("  trivial task round trip (median)   %10.1f us\n", latency_us);
  std::printf("  map, %d tasks, auto chunks     %10.0f tasks/s\n", tasks, map_tps);
  std::printf("  submit+get, 20000 futures          %10.0f tasks/s\n", submit_tps);
  std::printf("  %d MB argument -> worker          %10.0f MB/s   (raw pipe %6.0f MB/s, ratio %.2f, best runs %.2f)\n",
              megabytes, arg_mbps, raw_arg_mbps, raw_arg_mbps / arg_mbps, best_arg_ratio);
  std::printf("  %d MB echo (arg + result)         %10.0f MB/s   (raw pipe %6.0f MB/s, ratio %.2f, best runs %.2f)\n",
              megabytes, echo_mbps, raw_echo_mbps, raw_echo_mbps / echo_mbps, best_echo_ratio);
  std::printf("  (bandwidth: medians of %d interleaved rounds; ratio = boundwise time / raw pipe time)\n", rounds);

  if (python) {
    const std::string json = run_python(workers, tasks, megabytes);
    if (json.empty()) {
      std::printf("\n(python peer did not run)\n");
      return 0;
    }
    std::printf("\nPython peer: %s", json.c_str());
    const double ppe_lat = json_number(json, "ppe_latency_us");
    const double mp_lat = json_number(json, "mp_latency_us");
    const double ppe_map = json_number(json, "ppe_map_default_tasks_per_s");
    const double ppe_chunk = json_number(json, "ppe_map_chunked_tasks_per_s");
    const double mp_map = json_number(json, "mp_map_tasks_per_s");
    const double ppe_arg = json_number(json, "ppe_arg_MBps");
    const double mp_arg = json_number(json, "mp_arg_MBps");
    const double ppe_echo = json_number(json, "ppe_echo_MBps");
    const double mp_echo = json_number(json, "mp_echo_MBps");
    std::printf("\nratios (boundwise / Python; > 1 means boundwise is better)\n");
    std::printf("  latency     vs ProcessPoolExecutor %6.1fx   vs multiprocessing.Pool %6.1fx\n",
                ppe_lat / latency_us, mp_lat / latency_us);
    std::printf("  throughput  vs ProcessPoolExecutor.map (default chunksize=1) %7.1fx\n", map_tps / ppe_map);
    std::printf("              vs ProcessPoolExecutor.map (same chunking)       %7.1fx\n", map_tps / ppe_chunk);
    std::printf("              vs multiprocessing.Pool.map (auto chunks)        %7.1fx\n", map_tps / mp_map);
    std::printf("  100 MB arg  vs ProcessPoolExecutor %6.1fx   vs multiprocessing.Pool %6.1fx\n", arg_mbps / ppe_arg,
                arg_mbps / mp_arg);
    std::printf("  100 MB echo vs ProcessPoolExecutor %6.1fx   vs multiprocessing.Pool %6.1fx\n", echo_mbps / ppe_echo,
                echo_mbps / mp_echo);
  }
  return 0;
}
