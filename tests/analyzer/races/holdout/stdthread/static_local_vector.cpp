// RUN: %race_corpus %s
// VERDICT: race
// The function-local static vector is initialised thread-safely, but the later push_back calls from two threads are unsynchronised.
#include <cstdio>
#include <thread>
#include <vector>

std::vector<int> &recent_ids() {
  static std::vector<int> ids;
  return ids;
}

void remember(int id) {
  recent_ids().push_back(id); // RACE
}

int main() {
  std::thread a([] {
    for (int i = 0; i < 1000; i++)
      remember(i);
  });
  std::thread b([] {
    for (int i = 0; i < 1000; i++)
      remember(-i);
  });
  a.join();
  b.join();
  std::printf("%zu\n", recent_ids().size());
}
