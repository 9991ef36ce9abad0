// RUN: %race_corpus %s
// VERDICT: no-race
// The jthread writes its result only to its own variable; main reads it after request_stop() and join().
#include <chrono>
#include <cstdio>
#include <stop_token>
#include <thread>

int main() {
  long iterations = 0;
  std::jthread worker([&iterations](std::stop_token st) {
    long local = 0;
    while (!st.stop_requested())
      ++local;
    iterations = local;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(2));
  worker.request_stop();
  worker.join();
  std::printf("%d\n", iterations > 0);
}
