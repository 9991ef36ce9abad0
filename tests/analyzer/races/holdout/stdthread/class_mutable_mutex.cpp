// RUN: %race_corpus %s
// VERDICT: no-race
// A thread-safe counter class: the mutating method and the const reader both lock the class's mutable std::mutex.
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

class HitCounter {
public:
  void hit(int page) {
    std::lock_guard<std::mutex> g(mu_);
    hits_[page % 8]++;
    total_++;
  }
  long total() const {
    std::lock_guard<std::mutex> g(mu_);
    return total_;
  }

private:
  mutable std::mutex mu_;
  long hits_[8] = {};
  long total_ = 0;
};

int main() {
  HitCounter hc;
  std::vector<std::thread> ts;
  for (int t = 0; t < 3; t++)
    ts.emplace_back([&hc, t] {
      for (int i = 0; i < 10000; i++)
        hc.hit(i + t);
    });
  std::thread watcher([&hc] {
    long seen = 0;
    for (int i = 0; i < 100; i++)
      seen = hc.total();
    (void)seen;
  });
  for (auto &th : ts)
    th.join();
  watcher.join();
  std::printf("%ld\n", hc.total());
}
