// RUN: %race_corpus %s
// VERDICT: race
// A memo table kept in a function-local static map is filled from two threads without a lock.
#include <iostream>
#include <thread>
#include <unordered_map>

long fib(int n) {
  static std::unordered_map<int, long> memo;
  if (n < 2)
    return n;
  auto it = memo.find(n); // RACE
  if (it != memo.end()) // RACE
    return it->second; // RACE
  long v = fib(n - 1) + fib(n - 2);
  memo[n] = v; // RACE
  return v;
}

int main() {
  long a = 0, b = 0;
  std::thread t1([&a] { a = fib(40); });
  std::thread t2([&b] { b = fib(45); });
  t1.join();
  t2.join();
  std::cout << a << " " << b << "\n";
}
