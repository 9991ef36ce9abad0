// RUN: %race_corpus %s
// VERDICT: race
// The waiter checks ready under the mutex, but the notifier sets the plain bool without taking the mutex.
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>

std::mutex mu;
std::condition_variable cv;
bool ready = false;
int answer = 0;

int main() {
  std::thread waiter([] {
    std::unique_lock<std::mutex> lk(mu);
    cv.wait(lk, [] { return ready; }); // RACE
    std::printf("%d\n", answer); // RACE
  });
  std::thread notifier([] {
    answer = 42; // RACE
    ready = true; // RACE
    cv.notify_one();
  });
  notifier.join();
  waiter.join();
}
