// RUN: %race_corpus %s
// VERDICT: no-race
// Transfers lock both accounts with std::lock on two deferred unique_locks; balance reads lock the account too.
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

struct Account {
  std::mutex mu;
  long balance = 1000;
};

void transfer(Account &from, Account &to, long amount) {
  if (&from == &to)
    return;
  std::unique_lock<std::mutex> a(from.mu, std::defer_lock);
  std::unique_lock<std::mutex> b(to.mu, std::defer_lock);
  std::lock(a, b);
  if (from.balance >= amount) {
    from.balance -= amount;
    to.balance += amount;
  }
}

long read_balance(Account &acc) {
  std::lock_guard<std::mutex> lk(acc.mu);
  return acc.balance;
}

int main() {
  std::vector<Account> accounts(5);
  std::vector<std::thread> tellers;
  for (int t = 0; t < 4; t++)
    tellers.emplace_back([&accounts, t] {
      unsigned s = 17u * (t + 1);
      for (int i = 0; i < 4000; i++) {
        s = s * 1103515245u + 12345u;
        transfer(accounts[s % 5], accounts[(s >> 8) % 5], s % 40);
        if (i % 500 == 0)
          (void)read_balance(accounts[t]);
      }
    });
  for (auto &th : tellers)
    th.join();
  long total = 0;
  for (auto &a : accounts)
    total += read_balance(a);
  std::printf("%ld\n", total);
}
