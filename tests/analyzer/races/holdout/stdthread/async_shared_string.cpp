// RUN: %race_corpus %s
// VERDICT: race
// Two std::async tasks append to one std::string captured by reference; the futures are waited on only afterwards.
#include <cstdio>
#include <future>
#include <string>

int main() {
  std::string report;
  auto f1 = std::async(std::launch::async, [&report] {
    for (int i = 0; i < 200; i++)
      report += "disk ok;"; // RACE
  });
  auto f2 = std::async(std::launch::async, [&report] {
    for (int i = 0; i < 200; i++)
      report += "net ok;"; // RACE
  });
  f1.wait();
  f2.wait();
  std::printf("%zu\n", report.size());
}
