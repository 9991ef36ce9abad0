// A producer thread hands 200 items to a consumer, one every millisecond
// (as a sensor or a network feed would); the consumer sums them.
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <queue>
#include <thread>

std::mutex lock;
std::condition_variable ready;
std::queue<int> items;
bool done = false;

static void produce() {
  for (int i = 0; i < 200; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    {
      std::lock_guard<std::mutex> g(lock);
      items.push(i);
    }
    ready.notify_one();
  }
  std::lock_guard<std::mutex> g(lock);
  done = true;
  ready.notify_one();
}

static long consume() {
  long sum = 0;
  std::unique_lock<std::mutex> g(lock);
  while (true) {
    ready.wait(g, [] { return !items.empty() || done; });
    while (!items.empty()) {
      sum += items.front();
      items.pop();
    }
    if (done)
      return sum;
  }
}

int main() {
  std::thread producer(produce);
  long sum = consume();
  producer.join();
  std::printf("%ld\n", sum);
  return 0;
}
