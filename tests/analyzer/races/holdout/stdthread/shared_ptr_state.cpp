// RUN: %race_corpus %s
// VERDICT: race
// Each thread holds its own copy of a shared_ptr: the reference count is atomic, but the pointee's fields are not protected.
#include <cstdio>
#include <memory>
#include <thread>
#include <vector>

struct Progress {
  long done = 0;
  long failed = 0;
};

void run_jobs(std::shared_ptr<Progress> p, int n) {
  for (int i = 0; i < n; i++) {
    if (i % 17 == 0)
      p->failed++; // RACE
    else
      p->done++; // RACE
  }
}

int main() {
  auto prog = std::make_shared<Progress>();
  std::vector<std::thread> ts;
  for (int t = 0; t < 3; t++)
    ts.emplace_back(run_jobs, prog, 5000);
  for (auto &th : ts)
    th.join();
  std::printf("%ld %ld\n", prog->done, prog->failed);
}
