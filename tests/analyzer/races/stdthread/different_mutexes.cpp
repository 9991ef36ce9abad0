// RUN: %race_corpus %s
// VERDICT: race
// The writer and the reader of one map each lock a mutex, but two different ones.
#include <iostream>
#include <map>
#include <mutex>
#include <string>
#include <thread>

std::map<std::string, int> scores;
std::mutex write_mu;
std::mutex read_mu;

void record(const std::string &name) {
  for (int i = 0; i < 100; ++i) {
    std::lock_guard<std::mutex> g(write_mu);
    scores[name] += 1; // RACE
  }
}

int lookup(const std::string &name) {
  std::lock_guard<std::mutex> g(read_mu);
  auto it = scores.find(name); // RACE
  return it == scores.end() ? 0 : it->second; // RACE
}

int main() {
  std::thread w(record, "ann");
  std::thread r([] { std::cout << lookup("ann") << "\n"; });
  w.join();
  r.join();
}
