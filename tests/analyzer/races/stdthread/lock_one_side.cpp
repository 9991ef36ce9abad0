// RUN: %race_corpus %s
// VERDICT: race
// push() guards the buffer with a lock_guard, but size_unsafe() reads the count without it.
#include <iostream>
#include <mutex>
#include <thread>

class Buffer {
public:
  void push(int v) {
    std::lock_guard<std::mutex> g(mu_);
    data_[count_ % 64] = v;
    ++count_; // RACE
  }
  int size_unsafe() const { return count_; } // RACE

private:
  mutable std::mutex mu_;
  int data_[64] = {};
  int count_ = 0;
};

int main() {
  Buffer buf;
  std::thread producer([&buf] {
    for (int i = 0; i < 1000; ++i)
      buf.push(i);
  });
  std::thread monitor([&buf] {
    for (int i = 0; i < 10; ++i)
      std::cout << buf.size_unsafe() << "\n";
  });
  producer.join();
  monitor.join();
}
