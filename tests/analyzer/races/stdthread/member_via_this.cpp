// RUN: %race_corpus %s
// VERDICT: race
// A crawler starts two threads on its own member function; both update the object's pages_ field through this.
#include <iostream>
#include <string>
#include <thread>
#include <vector>

class Crawler {
public:
  void run() {
    std::thread a(&Crawler::crawl, this, 0);
    std::thread b(&Crawler::crawl, this, 1);
    a.join();
    b.join();
  }
  int pages() const { return pages_; }

private:
  void crawl(int shard) {
    for (int i = shard; i < 100; i += 2)
      pages_ = pages_ + 1; // RACE
  }
  int pages_ = 0;
};

int main() {
  Crawler c;
  c.run();
  std::cout << c.pages() << "\n";
}
