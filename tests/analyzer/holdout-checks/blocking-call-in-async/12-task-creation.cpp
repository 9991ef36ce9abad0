// CHECK: boundwise-blocking-call-in-async
// Calls that create tasks or awaitables (fetch(url), spawn, gather,
// wait_for) do not block; each coroutine is judged in its own body.
#include <boundwise/async.hpp>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

using boundwise::Task;
using namespace std::chrono_literals;

Task<int> fetch(std::string url) {
  co_await boundwise::sleep_for(5ms);
  co_return static_cast<int>(url.size());
}

Task<int> fetch_slow(std::string url) {
  std::this_thread::sleep_for(50ms);  // WARN
  co_return static_cast<int>(url.size());
}

Task<int> fetch_all(std::vector<std::string> urls) {
  std::vector<Task<int>> tasks;
  for (const auto &u : urls) tasks.push_back(fetch(u));
  int total = 0;
  for (int v : co_await boundwise::gather(std::move(tasks))) total += v;
  auto h = boundwise::spawn(fetch_slow("x"));
  total += co_await h;
  total += co_await boundwise::wait_for(fetch("y"), 1s);
  auto [a, b] = co_await boundwise::gather(fetch("a"), fetch_slow("bb"));
  co_return total + a + b;
}

Task<void> with_semaphore(std::vector<std::string> urls) {
  boundwise::Semaphore sem(4);
  std::vector<Task<int>> tasks;
  for (const auto &u : urls) {
    auto g = co_await sem.lock();
    co_await fetch(u);
  }
}

int main() {
  boundwise::run(with_semaphore({"a", "b"}));
  return boundwise::run(fetch_all({"a", "b"}));
}
