// RUN: %race_corpus %s %S/../Inputs/stats_sink.cpp
// VERDICT: race
// Two threads share one StatsSink by reference and call add(), whose unguarded member updates live in another file.
#include <iostream>
#include <thread>
#include "../Inputs/stats_sink.hpp"

void feed(StatsSink &sink, double base) {
  for (int i = 0; i < 100; ++i)
    sink.add(base + i);
}

int main() {
  StatsSink sink;
  std::thread a(feed, std::ref(sink), 0.0);
  std::thread b(feed, std::ref(sink), 1000.0);
  a.join();
  b.join();
  std::cout << sink.mean() << "\n";
}
