// CHECK: boundwise-blocking-call-in-async
// Sleeping inside a coroutine stalls the loop; co_await sleep_for suspends
// only this task. Sleeping outside coroutines is not this check's business.
#include <boundwise/async.hpp>

#include <unistd.h>

#include <chrono>
#include <thread>

using namespace std::chrono_literals;

boundwise::Task<void> poll_status() {
  std::this_thread::sleep_for(100ms);  // WARN
  co_return;
}

boundwise::Task<int> retry_connect(int attempts) {
  int tries = 0;
  while (tries < attempts) {
    ++tries;
    sleep(1);  // WARN
  }
  co_return tries;
}

boundwise::Task<void> backoff(int ms) {
  usleep(static_cast<useconds_t>(ms) * 1000);  // WARN
  std::this_thread::sleep_until(std::chrono::steady_clock::now() + 5ms);  // WARN
  co_await boundwise::sleep_for(std::chrono::milliseconds(ms));
}

boundwise::Task<void> polite_poll() {
  co_await boundwise::sleep_for(100ms);
  co_await boundwise::sleep_for(0ms);
}

void blocking_helper_thread() {
  std::this_thread::sleep_for(10ms);
  sleep(0);
}

int main() {
  blocking_helper_thread();
  boundwise::run(poll_status());
  boundwise::run(polite_poll());
  boundwise::run(backoff(1));
  return boundwise::run(retry_connect(1));
}
