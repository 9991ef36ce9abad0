// A worker started in a loop calls rand(): one mt-unsafe finding.
#include <cstdlib>
#include <thread>
#include <vector>

int roll() { return rand() % 6; }

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([] { roll(); });
  for (auto &t : threads)
    t.join();
}
