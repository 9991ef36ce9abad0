// RUN: %race_corpus %s %S/../../Inputs/holdout_cache.cpp
// VERDICT: race
// A filler thread uses Cache::put(), defined in another file without the lock, while a reader uses the locked get().
#include <cstdio>
#include <string>
#include <thread>
#include "../../Inputs/holdout_cache.hpp"

int main() {
  Cache cache;
  std::thread filler([&cache] {
    for (int i = 0; i < 20000; i++)
      cache.put("k" + std::to_string(i % 50), std::to_string(i));
  });
  std::thread reader([&cache] {
    int hits = 0;
    std::string v;
    for (int i = 0; i < 20000; i++)
      hits += cache.get("k" + std::to_string(i % 50), v);
    std::printf("%d\n", hits > -1);
  });
  filler.join();
  reader.join();
}
