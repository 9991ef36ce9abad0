// RUN: %race_corpus %s
// VERDICT: no-race
// The async task fills a shared buffer; main reads it only after future::get().
#include <future>
#include <iostream>
#include <numeric>
#include <vector>

std::vector<int> buffer;

int fill(int n) {
  buffer.resize(n);
  std::iota(buffer.begin(), buffer.end(), 1);
  return n;
}

int main() {
  std::future<int> f = std::async(std::launch::async, fill, 100);
  int n = f.get();
  long sum = std::accumulate(buffer.begin(), buffer.end(), 0L);
  std::cout << n << " " << sum << "\n";
}
