// RUN: %race_corpus %s %S/../Inputs/request_log.cpp
// VERDICT: race
// The thread body in another file updates g_pending while main keeps adding to it before the join.
#include <iostream>
#include <thread>
#include "../Inputs/request_log.hpp"

int g_pending = 10;

int main() {
  std::thread server(serve_requests, 100);
  for (int i = 0; i < 5; ++i)
    g_pending += 2; // RACE
  server.join();
  std::cout << g_pending << "\n";
}
