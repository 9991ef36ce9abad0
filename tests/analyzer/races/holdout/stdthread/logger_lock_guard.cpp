// RUN: %race_corpus %s
// VERDICT: no-race
// A logger class: every access to its line buffer and counters is inside a lock_guard on the logger's mutex.
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

class Logger {
public:
  void log(const std::string &who, int n) {
    std::string line = who + ": event " + std::to_string(n);
    std::lock_guard<std::mutex> lk(mu_);
    lines_.push_back(std::move(line));
    if (lines_.size() > 64) {
      lines_.erase(lines_.begin());
      ++rotated_;
    }
  }
  std::size_t rotated() {
    std::lock_guard<std::mutex> lk(mu_);
    return rotated_;
  }

private:
  std::mutex mu_;
  std::vector<std::string> lines_;
  std::size_t rotated_ = 0;
};

int main() {
  Logger log;
  std::vector<std::thread> ts;
  const char *names[] = {"net", "disk", "ui"};
  for (const char *n : names)
    ts.emplace_back([&log, n] {
      for (int i = 0; i < 500; i++)
        log.log(n, i);
    });
  for (auto &th : ts)
    th.join();
  std::printf("%zu\n", log.rotated());
}
