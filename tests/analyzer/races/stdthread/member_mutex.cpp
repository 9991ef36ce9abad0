// RUN: %race_corpus %s
// VERDICT: no-race
// Two threads call methods of one object through this; every member access holds the object's own mutex.
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

class Log {
public:
  void start() {
    std::thread a(&Log::write_many, this, "a");
    std::thread b(&Log::write_many, this, "b");
    a.join();
    b.join();
  }
  std::size_t size() const {
    std::lock_guard<std::mutex> g(mu_);
    return lines_.size();
  }

private:
  void write_many(const char *tag) {
    for (int i = 0; i < 50; ++i) {
      std::lock_guard<std::mutex> g(mu_);
      lines_.push_back(std::string(tag) + std::to_string(i));
    }
  }
  mutable std::mutex mu_;
  std::vector<std::string> lines_;
};

int main() {
  Log log;
  log.start();
  std::cout << log.size() << "\n";
}
