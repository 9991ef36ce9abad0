// RUN: %race_corpus %s
// VERDICT: race
// A writer that takes only a shared_lock updates the price; shared owners do not exclude each other.
#include <iostream>
#include <mutex>
#include <shared_mutex>
#include <thread>

std::shared_mutex price_mu;
double price = 10.0;

void reprice(double delta) {
  std::shared_lock lk(price_mu);
  price += delta; // RACE
}

double quote() {
  std::shared_lock lk(price_mu);
  return price; // RACE
}

int main() {
  std::thread w1([] { for (int i = 0; i < 100; ++i) reprice(0.01); });
  std::thread w2([] { for (int i = 0; i < 100; ++i) reprice(-0.01); });
  std::thread r([] { std::cout << quote() << "\n"; });
  w1.join();
  w2.join();
  r.join();
}
