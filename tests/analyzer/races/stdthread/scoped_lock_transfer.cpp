// RUN: %race_corpus %s
// VERDICT: no-race
// Transfers between two accounts lock both account mutexes with std::scoped_lock.
#include <iostream>
#include <mutex>
#include <thread>

struct Account {
  std::mutex m;
  long balance = 1000;
};

void transfer(Account &from, Account &to, long amount) {
  std::scoped_lock lk(from.m, to.m);
  if (from.balance >= amount) {
    from.balance -= amount;
    to.balance += amount;
  }
}

int main() {
  Account a, b;
  std::thread t1([&] { for (int i = 0; i < 100; ++i) transfer(a, b, 5); });
  std::thread t2([&] { for (int i = 0; i < 100; ++i) transfer(b, a, 7); });
  t1.join();
  t2.join();
  std::cout << a.balance + b.balance << "\n";
}
