// RUN: %race_corpus %s
// VERDICT: no-race
// The flag is stored with release and loaded with acquire, so the payload write happens before the consumer's read.
#include <atomic>
#include <cstdio>
#include <string>
#include <thread>

std::string payload;
std::atomic<bool> ready{false};

int main() {
  std::thread producer([] {
    payload = "configuration loaded";
    ready.store(true, std::memory_order_release);
  });
  std::thread consumer([] {
    while (!ready.load(std::memory_order_acquire)) {
    }
    std::printf("%zu\n", payload.size());
  });
  producer.join();
  consumer.join();
}
