// RUN: %race_corpus %s
// VERDICT: race
// The unique_lock is released early, and the statistics update after it runs unprotected.
#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

std::mutex mu;
std::vector<int> jobs{1, 2, 3, 4, 5, 6, 7, 8};
int completed = 0;

void drain() {
  for (;;) {
    std::unique_lock<std::mutex> lk(mu);
    if (jobs.empty())
      return;
    int job = jobs.back();
    jobs.pop_back();
    lk.unlock();
    completed += job > 0 ? 1 : 0; // RACE
  }
}

int main() {
  std::thread a(drain), b(drain);
  a.join();
  b.join();
  std::cout << completed << "\n";
}
