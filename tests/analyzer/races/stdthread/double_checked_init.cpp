// RUN: %race_corpus %s
// VERDICT: race
// Double-checked initialization with a plain pointer: the unlocked first check races with the locked store.
#include <iostream>
#include <mutex>
#include <string>
#include <thread>

struct Settings {
  std::string name = "default";
};

Settings *instance = nullptr;
std::mutex init_mu;

Settings &settings() {
  if (instance == nullptr) { // RACE
    std::lock_guard<std::mutex> g(init_mu);
    if (instance == nullptr)
      instance = new Settings(); // RACE
  }
  return *instance; // RACE
}

int main() {
  std::thread a([] { std::cout << settings().name << "\n"; });
  std::thread b([] { std::cout << settings().name << "\n"; });
  a.join();
  b.join();
}
