// RUN: %race_corpus %s
// VERDICT: race
// One thread calls restock() and another sell() on the same Inventory; both update stock_ through this with no lock.
#include <cstdio>
#include <functional>
#include <thread>

class Inventory {
public:
  void restock(int n) {
    for (int i = 0; i < n; i++)
      stock_ += 1; // RACE
  }
  void sell(int n) {
    for (int i = 0; i < n; i++)
      if (stock_ > 0) // RACE
        stock_ -= 1; // RACE
  }
  int stock() const { return stock_; }

private:
  int stock_ = 10;
};

int main() {
  Inventory inv;
  std::thread supplier(&Inventory::restock, &inv, 50000);
  std::thread shop(&Inventory::sell, std::ref(inv), 50000);
  supplier.join();
  shop.join();
  std::printf("%d\n", inv.stock());
}
