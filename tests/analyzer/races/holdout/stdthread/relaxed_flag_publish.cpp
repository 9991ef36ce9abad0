// RUN: %race_corpus %s
// VERDICT: race
// The ready flag is atomic but stored and loaded with memory_order_relaxed, which does not order the plain payload write before the read.
#include <atomic>
#include <cstdio>
#include <string>
#include <thread>

std::string payload;
std::atomic<bool> ready{false};

int main() {
  std::thread producer([] {
    payload = "configuration loaded"; // RACE
    ready.store(true, std::memory_order_relaxed);
  });
  std::thread consumer([] {
    while (!ready.load(std::memory_order_relaxed)) {
    }
    std::printf("%zu\n", payload.size()); // RACE
  });
  producer.join();
  consumer.join();
}
