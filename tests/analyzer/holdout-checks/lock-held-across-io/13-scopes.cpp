// CHECK: boundwise-lock-held-across-io
// The guard's scope decides: I/O after the closing brace is unlocked; I/O in
// a nested block inside the scope is not.
#include <unistd.h>

#include <mutex>
#include <string>
#include <vector>

struct Stats {
  std::mutex mu;
  long requests = 0;
  long bytes = 0;
};

void record_and_log(Stats &s, int log_fd, long n) {
  std::string line;
  {
    std::lock_guard<std::mutex> lk(s.mu);
    ++s.requests;
    s.bytes += n;
    line = std::to_string(s.requests) + " " + std::to_string(s.bytes) + "\n";
  }
  write(log_fd, line.data(), line.size());
}

void record_and_log_nested(Stats &s, int log_fd, long n) {
  std::lock_guard<std::mutex> lk(s.mu);
  ++s.requests;
  s.bytes += n;
  {
    std::string line = std::to_string(s.requests) + "\n";
    if (n > 0) {
      write(log_fd, line.data(), line.size());  // WARN
    }
  }
}

void record_many(Stats &s, int log_fd, const std::vector<long> &ns) {
  for (long n : ns) {
    std::lock_guard<std::mutex> lk(s.mu);
    ++s.requests;
    s.bytes += n;
  }
  std::string line = "batch done\n";
  write(log_fd, line.data(), line.size());
}

void record_many_locked(Stats &s, int log_fd, const std::vector<long> &ns) {
  for (long n : ns) {
    std::lock_guard<std::mutex> lk(s.mu);
    s.bytes += n;
    std::string line = std::to_string(n) + "\n";
    write(log_fd, line.data(), line.size());  // WARN
  }
}

int main() {
  Stats s;
  record_and_log(s, 2, 1);
  record_and_log_nested(s, 2, 1);
  record_many(s, 2, {1, 2});
  record_many_locked(s, 2, {3});
}
