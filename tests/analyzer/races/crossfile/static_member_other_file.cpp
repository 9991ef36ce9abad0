// RUN: %race_corpus %s %S/../Inputs/id_source.cpp
// VERDICT: race
// Two threads draw ids from IdSource::take(), defined in another file, which bumps a static data member with no lock.
#include <iostream>
#include <thread>
#include <vector>
#include "../Inputs/id_source.hpp"

int main() {
  std::vector<int> a(50), b(50);
  std::thread ta([&a] { for (int &x : a) x = IdSource::take(); });
  std::thread tb([&b] { for (int &x : b) x = IdSource::take(); });
  ta.join();
  tb.join();
  std::cout << a.back() << " " << b.back() << "\n";
}
