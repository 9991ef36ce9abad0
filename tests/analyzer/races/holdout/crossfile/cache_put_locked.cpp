// RUN: %race_corpus %s %S/../../Inputs/holdout_cache.cpp
// VERDICT: no-race
// The same cache, but the filler uses put_locked(), so every access to the map in the other file holds the mutex.
#include <cstdio>
#include <string>
#include <thread>
#include "../../Inputs/holdout_cache.hpp"

int main() {
  Cache cache;
  std::thread filler([&cache] {
    for (int i = 0; i < 20000; i++)
      cache.put_locked("k" + std::to_string(i % 50), std::to_string(i));
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
