// RUN: %race_corpus %s
// VERDICT: no-race
// A producer/consumer queue: both sides touch the deque and the done flag only under one mutex, with a condition variable.
#include <condition_variable>
#include <deque>
#include <iostream>
#include <mutex>
#include <thread>

std::mutex mu;
std::condition_variable cv;
std::deque<int> queue;
bool done = false;

void produce() {
  for (int i = 0; i < 100; ++i) {
    {
      std::lock_guard<std::mutex> g(mu);
      queue.push_back(i);
    }
    cv.notify_one();
  }
  {
    std::lock_guard<std::mutex> g(mu);
    done = true;
  }
  cv.notify_all();
}

long consume() {
  long sum = 0;
  for (;;) {
    std::unique_lock<std::mutex> lk(mu);
    cv.wait(lk, [] { return !queue.empty() || done; });
    if (queue.empty())
      return sum;
    sum += queue.front();
    queue.pop_front();
  }
}

int main() {
  long total = 0;
  std::thread c([&total] { total = consume(); });
  std::thread p(produce);
  p.join();
  c.join();
  std::cout << total << "\n";
}
