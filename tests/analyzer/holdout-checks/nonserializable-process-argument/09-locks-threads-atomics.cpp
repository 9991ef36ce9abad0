// CHECK: boundwise-nonserializable-process-argument
// Mutexes, threads, atomics and futures are process-local objects.
#include "holdout_process_pool.hpp"

#include <atomic>
#include <functional>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

int guarded_increment(std::mutex *m, int v) {
  std::lock_guard<std::mutex> lk(*m);
  return v + 1;
}
int locked_add(std::mutex &m, int v) {
  std::lock_guard<std::mutex> lk(m);
  return v + 2;
}
int bump(std::atomic<int> *counter, int by) { return counter->fetch_add(by) + by; }
bool wait_for_thread(std::thread *t) {
  t->join();
  return true;
}
int await_value(std::shared_future<int> f) { return f.get(); }
int plus_one(int v) { return v + 1; }

int main() {
  boundwise::ProcessPool pool{2};
  std::mutex mu;
  std::atomic<int> hits{0};
  auto a = pool.submit(guarded_increment, &mu, 1);  // WARN
  auto b = pool.submit(locked_add, std::ref(mu), 1);  // WARN
  auto c = pool.submit(bump, &hits, 3);  // WARN
  std::thread t([] {});
  auto d = pool.submit(wait_for_thread, &t);  // WARN
  std::promise<int> p;
  auto e = pool.submit(await_value, p.get_future().share());  // WARN
  p.set_value(1);

  int current = hits.load();
  auto ok1 = pool.submit(plus_one, current);
  std::vector<int> vs{1, 2, 3};
  auto ok2 = pool.map(plus_one, vs);
  {
    std::lock_guard<std::mutex> lk(mu);
    current += ok1.get();
  }
  if (t.joinable()) t.join();
  return a.get() + b.get() + c.get() + static_cast<int>(d.get()) + e.get() + current + static_cast<int>(ok2.size());
}
