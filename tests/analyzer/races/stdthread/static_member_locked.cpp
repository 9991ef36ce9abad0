// RUN: %race_corpus %s
// VERDICT: no-race
// A static member counter is updated only while holding a static member mutex.
#include <iostream>
#include <mutex>
#include <thread>

class Session {
public:
  Session() {
    std::lock_guard<std::mutex> g(mu);
    ++opened;
  }
  static int total() {
    std::lock_guard<std::mutex> g(mu);
    return opened;
  }

private:
  static std::mutex mu;
  static int opened;
};

std::mutex Session::mu;
int Session::opened = 0;

int main() {
  std::thread a([] { for (int i = 0; i < 10; ++i) Session s; });
  std::thread b([] { for (int i = 0; i < 10; ++i) Session s; });
  std::cout << Session::total() << "\n";
  a.join();
  b.join();
}
