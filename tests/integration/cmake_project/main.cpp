#include "worker.h"

#include <cstdlib>
#include <thread>
#include <vector>

int local_roll() { return rand(); }

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < APP_WORKERS; ++i)
    threads.emplace_back([] { worker_roll(); local_roll(); });
  for (auto &t : threads)
    t.join();
}
