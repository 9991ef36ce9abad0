// RUN: %race_corpus %s
// VERDICT: no-race
// Each thread keeps its scratch buffer and call count in thread_local storage.
#include <iostream>
#include <string>
#include <thread>

thread_local std::string scratch;
thread_local int calls = 0;

std::size_t render(int v) {
  ++calls;
  scratch.clear();
  scratch += std::to_string(v);
  return scratch.size();
}

int main() {
  std::size_t a = 0, b = 0;
  std::thread t1([&a] { for (int i = 0; i < 100; ++i) a += render(i); });
  std::thread t2([&b] { for (int i = 0; i < 100; ++i) b += render(i * 7); });
  t1.join();
  t2.join();
  std::cout << a << " " << b << "\n";
}
