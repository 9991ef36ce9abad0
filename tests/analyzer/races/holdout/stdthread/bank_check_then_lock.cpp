// RUN: %race_corpus %s
// VERDICT: race
// Account::withdraw checks the balance before taking the mutex, so that read races with deposits made under the lock.
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

class Account {
public:
  explicit Account(long initial) : balance_(initial) {}
  void deposit(long amount) {
    std::lock_guard<std::mutex> lk(mu_);
    balance_ += amount; // RACE
  }
  bool withdraw(long amount) {
    if (balance_ < amount) // RACE
      return false;
    std::lock_guard<std::mutex> lk(mu_);
    balance_ -= amount; // the write under mu_ against the unlocked check: RACE
    return true;
  }
  long balance() {
    std::lock_guard<std::mutex> lk(mu_);
    return balance_;
  }

private:
  std::mutex mu_;
  long balance_;
};

int main() {
  Account acct(100);
  std::vector<std::thread> ts;
  for (int t = 0; t < 2; t++)
    ts.emplace_back([&acct] {
      for (int i = 0; i < 5000; i++)
        acct.deposit(3);
    });
  for (int t = 0; t < 2; t++)
    ts.emplace_back([&acct] {
      int ok = 0;
      for (int i = 0; i < 5000; i++)
        ok += acct.withdraw(2);
      (void)ok;
    });
  for (auto &th : ts)
    th.join();
  std::printf("%ld\n", acct.balance());
}
