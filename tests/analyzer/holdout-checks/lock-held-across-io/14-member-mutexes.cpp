// CHECK: boundwise-lock-held-across-io
// recursive_mutex and timed_mutex held by guards across I/O: the same rule
// as for std::mutex.
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <mutex>
#include <string>
#include <thread>

using namespace std::chrono_literals;

class Device {
 public:
  std::string query_locked(const std::string &cmd) {
    std::lock_guard<std::recursive_mutex> lk(mu_);
    write(fd_, cmd.data(), cmd.size());  // WARN
    char buf[128];
    ssize_t n = read(fd_, buf, sizeof buf);  // WARN
    return std::string(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
  }

  void reset_locked() {
    std::unique_lock<std::timed_mutex> lk(tmu_);
    std::this_thread::sleep_for(50ms);  // WARN
    state_ = 0;
  }

  void reset() {
    std::this_thread::sleep_for(50ms);
    std::unique_lock<std::timed_mutex> lk(tmu_);
    state_ = 0;
  }

  int state() {
    std::lock_guard<std::recursive_mutex> lk(mu_);
    return state_ + nested_state();
  }

 private:
  int nested_state() {
    std::lock_guard<std::recursive_mutex> lk(mu_);
    return state_ * 2;
  }

  std::recursive_mutex mu_;
  std::timed_mutex tmu_;
  int fd_ = 3;
  int state_ = 0;
};

int main() {
  Device d;
  d.query_locked("ID?\n");
  d.reset_locked();
  d.reset();
  return d.state();
}
