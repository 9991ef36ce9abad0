// RUN: %race_corpus %s
// VERDICT: race
// The jthread honours its stop_token, but main reads the plain int progress it keeps writing before the jthread is joined.
#include <chrono>
#include <cstdio>
#include <stop_token>
#include <thread>

int progress = 0;

int main() {
  std::jthread worker([](std::stop_token st) {
    for (;;) {
      progress = progress + 1; // RACE
      if (st.stop_requested() || progress >= 1000000)
        break;
    }
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(1));
  std::printf("so far %d\n", progress); // RACE
  worker.request_stop();
}
