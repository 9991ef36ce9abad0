// RUN: %race_corpus %s %S/../Inputs/registry.cpp
// VERDICT: no-race
// Threads register names through a helper in another file that guards the set with a lock_guard.
#include <iostream>
#include <string>
#include <thread>
#include <vector>
#include "../Inputs/registry.hpp"

int main() {
  std::vector<std::thread> ts;
  for (int t = 0; t < 4; ++t)
    ts.emplace_back([t] {
      for (int i = 0; i < 25; ++i)
        register_name("svc" + std::to_string(t * 100 + i));
    });
  std::cout << registered_count() << "\n";
  for (auto &th : ts)
    th.join();
  std::cout << registered_count() << "\n";
}
