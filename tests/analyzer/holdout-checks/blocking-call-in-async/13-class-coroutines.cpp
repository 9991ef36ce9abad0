// CHECK: boundwise-blocking-call-in-async
// Member coroutines of a service class calling blocking members.
#include <boundwise/async.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>

using namespace std::chrono_literals;

class MetricsService {
 public:
  explicit MetricsService(std::string path) : path_(std::move(path)) {}

  boundwise::Task<long> sample() {
    long v = read_counter();  // WARN
    co_return v + cached_;
  }

  boundwise::Task<long> sample_later() {
    long v = co_await boundwise::to_thread([this] { return read_counter(); });
    co_return v;
  }

  boundwise::Task<void> throttle() {
    std::this_thread::sleep_for(interval_);  // WARN
    co_await boundwise::sleep_for(interval_);
  }

  long cached() const { return cached_ * 2; }

  boundwise::Task<long> cheap() { co_return cached() + 1; }

  long sample_sync() { return read_counter(); }

 private:
  long read_counter() {
    int fd = open(path_.c_str(), O_RDONLY);
    char buf[32] = {};
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    return n > 0 ? std::atol(buf) : 0;
  }

  std::string path_;
  long cached_ = 0;
  std::chrono::milliseconds interval_{100};
};

int main() {
  MetricsService m("/proc/loadavg");
  long total = m.sample_sync();
  total += boundwise::run(m.sample());
  total += boundwise::run(m.sample_later());
  total += boundwise::run(m.cheap());
  boundwise::run(m.throttle());
  return static_cast<int>(total);
}
