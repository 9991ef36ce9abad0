// RUN: %race_corpus %s
// VERDICT: no-race
// The worker writes the report, then sets a promise; main waits on the future before reading the report.
#include <future>
#include <iostream>
#include <string>
#include <thread>

std::string report;

void build(std::promise<void> ready) {
  report = "rows=42";
  ready.set_value();
}

int main() {
  std::promise<void> p;
  std::future<void> ready = p.get_future();
  std::thread t(build, std::move(p));
  ready.wait();
  std::cout << report << "\n";
  t.join();
}
