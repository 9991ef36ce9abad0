// RUN: %race_corpus %s
// VERDICT: race
// A detached thread writes the status string; main "waits" with sleep_for, which orders nothing, then reads it.
#include <chrono>
#include <iostream>
#include <string>
#include <thread>

std::string status = "starting";

int main() {
  std::thread([] { status = "ready"; }).detach(); // RACE
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  std::cout << status << "\n"; // RACE
}
