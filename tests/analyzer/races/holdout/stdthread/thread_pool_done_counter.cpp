// RUN: %race_corpus %s
// XFAIL: *
// Known miss of boundwise (2026-11-25): tasks are std::function objects pulled from a queue by a hand-written pool; boundwise does not follow them.
// VERDICT: race
// The same pool shape, but tasks report completion by bumping a plain shared counter outside the pool's lock.
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

class Pool {
public:
  explicit Pool(int n) {
    for (int i = 0; i < n; i++)
      workers_.emplace_back([this] { run(); });
  }
  ~Pool() {
    {
      std::lock_guard<std::mutex> lk(mu_);
      stopping_ = true;
    }
    cv_.notify_all();
    for (auto &w : workers_)
      w.join();
  }
  void submit(std::function<void()> task) {
    {
      std::lock_guard<std::mutex> lk(mu_);
      tasks_.push_back(std::move(task));
    }
    cv_.notify_one();
  }

private:
  void run() {
    for (;;) {
      std::function<void()> task;
      {
        std::unique_lock<std::mutex> lk(mu_);
        cv_.wait(lk, [this] { return stopping_ || !tasks_.empty(); });
        if (tasks_.empty())
          return;
        task = std::move(tasks_.front());
        tasks_.pop_front();
      }
      task();
    }
  }
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> tasks_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

int main() {
  int completed = 0;
  long checksum = 0;
  {
    Pool pool(4);
    for (int i = 0; i < 200; i++)
      pool.submit([&completed, &checksum, i] {
        checksum += i; // RACE
        ++completed; // RACE
      });
  }
  std::printf("%d %ld\n", completed, checksum);
}
