// Every MT-unsafe call here runs on several threads; all but one are
// silenced with clang-tidy's NOLINT comments.
#include <cstdlib>
#include <thread>
#include <vector>

int a() { return rand(); } // NOLINT(boundwise-mt-unsafe-call-in-thread)
int b() { return rand(); } // NOLINT
int c() {
  // NOLINTNEXTLINE(boundwise-*)
  return rand();
}
// NOLINTBEGIN(boundwise-mt-unsafe-call-in-thread)
int d() { return rand(); }
// NOLINTEND(boundwise-mt-unsafe-call-in-thread)
int e() { return rand(); } // NOLINT(some-other-check)
int f() { return rand(); }

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 2; ++i)
    threads.emplace_back([] { a(); b(); c(); d(); e(); f(); });
  for (auto &t : threads)
    t.join();
}
