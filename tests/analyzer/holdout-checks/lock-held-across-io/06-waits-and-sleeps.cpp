// CHECK: boundwise-lock-held-across-io
// condition_variable::wait releases the lock; join is a wait, not I/O.
// Sleeping with the lock held blocks everyone.
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

using namespace std::chrono_literals;

std::mutex mu;
std::condition_variable cv;
std::deque<int> work;
bool done = false;

int take() {
  std::unique_lock<std::mutex> lk(mu);
  cv.wait(lk, [] { return !work.empty() || done; });
  if (work.empty()) return -1;
  int v = work.front();
  work.pop_front();
  return v;
}

int take_with_timeout() {
  std::unique_lock<std::mutex> lk(mu);
  if (!cv.wait_for(lk, 100ms, [] { return !work.empty(); })) return -1;
  int v = work.front();
  work.pop_front();
  return v;
}

int take_polling() {
  std::unique_lock<std::mutex> lk(mu);
  while (work.empty()) std::this_thread::sleep_for(10ms);  // WARN
  int v = work.front();
  work.pop_front();
  return v;
}

int take_polling_ok() {
  for (;;) {
    {
      std::lock_guard<std::mutex> lk(mu);
      if (!work.empty()) {
        int v = work.front();
        work.pop_front();
        return v;
      }
    }
    std::this_thread::sleep_for(10ms);
  }
}

void shutdown_all(std::thread &worker) {
  std::lock_guard<std::mutex> lk(mu);
  done = true;
  cv.notify_all();
  worker.join();
}

int main() {
  std::thread t([] { take(); });
  {
    std::lock_guard<std::mutex> lk(mu);
    work.push_back(1);
    work.push_back(2);
    work.push_back(3);
  }
  cv.notify_one();
  take_with_timeout();
  take_polling();
  take_polling_ok();
  shutdown_all(t);
}
