// RUN: %race_corpus %s
// VERDICT: race
// Two threads run a lambda that captures the local checksum by reference and folds bytes into it without a lock.
#include <cstdint>
#include <cstdio>
#include <thread>
#include <vector>

int main() {
  std::vector<std::uint8_t> bytes(100000);
  for (std::size_t i = 0; i < bytes.size(); i++)
    bytes[i] = static_cast<std::uint8_t>(i * 31);
  std::uint32_t checksum = 0;
  auto fold = [&](std::size_t lo, std::size_t hi) {
    for (std::size_t i = lo; i < hi; i++)
      checksum = checksum * 31 + bytes[i]; // RACE
  };
  std::thread a(fold, 0, bytes.size() / 2);
  std::thread b(fold, bytes.size() / 2, bytes.size());
  a.join();
  b.join();
  std::printf("%u\n", checksum);
}
