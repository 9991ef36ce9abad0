// The finding's line has non-ASCII text before it: bytes, code points and
// UTF-16 units differ (é: 2 bytes, 1 unit; 😀: 4 bytes, 2 units).
#include <cstdlib>
#include <thread>
#include <vector>

int roll() { const char *s = "é😀"; (void)s; return rand(); }

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 2; ++i)
    threads.emplace_back([] { roll(); });
  for (auto &t : threads)
    t.join();
}
