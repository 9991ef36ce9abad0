// CHECK: boundwise-blocking-call-in-async
// Waiting on std::future / boundwise::Future with .get() or joining a thread
// blocks the loop thread; co_await a boundwise::Future suspends the task.
#include <boundwise/async.hpp>
#include <boundwise/thread_pool.hpp>

#include <future>
#include <thread>
#include <vector>

int compute(int x) { return x * x; }

boundwise::Task<int> wait_std(std::future<int> f) {
  int v = f.get();  // WARN
  co_return v;
}

boundwise::Task<int> wait_shared(std::shared_future<int> f) {
  f.wait();  // WARN
  co_return f.get();  // WARN
}

boundwise::Task<int> wait_pool_blocking(boundwise::ThreadPool &pool) {
  boundwise::Future<int> f = pool.submit(compute, 7);
  int v = f.get();  // WARN
  co_return v;
}

boundwise::Task<void> join_worker() {
  std::thread t([] {});
  t.join();  // WARN
  co_return;
}

boundwise::Task<int> wait_pool(boundwise::ThreadPool &pool) {
  boundwise::Future<int> f = pool.submit(compute, 7);
  int v = co_await f;
  int w = co_await pool.submit(compute, 8);
  co_return v + w;
}

int wait_outside(std::future<int> f) { return f.get(); }

int main() {
  boundwise::ThreadPool pool{2};
  std::promise<int> p;
  p.set_value(1);
  int a = boundwise::run(wait_std(p.get_future()));
  std::promise<int> q;
  q.set_value(2);
  int b = boundwise::run(wait_shared(q.get_future().share()));
  boundwise::run(join_worker());
  std::promise<int> r;
  r.set_value(3);
  return a + b + boundwise::run(wait_pool(pool)) + boundwise::run(wait_pool_blocking(pool)) + wait_outside(r.get_future());
}
