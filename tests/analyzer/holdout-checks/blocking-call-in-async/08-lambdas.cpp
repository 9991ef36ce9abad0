// CHECK: boundwise-blocking-call-in-async
// Lambdas written inside a coroutine run where they are called: handed to
// a thread they are fine; called on the loop they block it.
#include <boundwise/async.hpp>

#include <unistd.h>

#include <chrono>
#include <functional>
#include <string>
#include <thread>
#include <vector>

using namespace std::chrono_literals;

boundwise::Task<int> deferred_work(int fd) {
  auto blocking_read = [fd] {
    char buf[64];
    return static_cast<int>(::read(fd, buf, sizeof buf));
  };
  int n = co_await boundwise::to_thread(blocking_read);
  std::vector<std::function<void()>> later;
  later.push_back([] { std::this_thread::sleep_for(1ms); });
  std::thread worker([] { std::this_thread::sleep_for(2ms); });
  worker.detach();
  co_return n + static_cast<int>(later.size());
}

boundwise::Task<int> called_on_loop(int fd) {
  auto blocking_read = [fd] {
    char buf[64];
    return static_cast<int>(::read(fd, buf, sizeof buf));
  };
  int n = blocking_read();  // WARN
  co_return n;
}

boundwise::Task<int> coroutine_lambda() {
  auto step = []() -> boundwise::Task<int> {
    std::this_thread::sleep_for(10ms);  // WARN
    co_return 1;
  };
  auto good = []() -> boundwise::Task<int> {
    co_await boundwise::sleep_for(10ms);
    co_return 2;
  };
  int a = co_await step();
  int b = co_await good();
  co_return a + b;
}

int main() {
  boundwise::run(deferred_work(0));
  boundwise::run(called_on_loop(0));
  return boundwise::run(coroutine_lambda());
}
