// RUN: %race_corpus %s
// VERDICT: no-race
// Threads copy and drop a shared_ptr to an immutable settings object; only the atomic reference count changes.
#include <cstdio>
#include <memory>
#include <string>
#include <thread>
#include <vector>

struct Settings {
  std::string name;
  int threads;
  double ratio;
};

long use(std::shared_ptr<const Settings> s, int rounds) {
  long acc = 0;
  for (int i = 0; i < rounds; i++) {
    std::shared_ptr<const Settings> local = s;
    acc += static_cast<long>(local->name.size()) + local->threads + static_cast<long>(local->ratio);
  }
  return acc;
}

int main() {
  auto settings = std::make_shared<const Settings>(Settings{"batch", 4, 0.75});
  std::vector<long> results(4);
  std::vector<std::thread> ts;
  for (int t = 0; t < 4; t++)
    ts.emplace_back([settings, &results, t] { results[t] = use(settings, 1000); });
  for (auto &th : ts)
    th.join();
  std::printf("%ld\n", results[0] + results[3]);
}
