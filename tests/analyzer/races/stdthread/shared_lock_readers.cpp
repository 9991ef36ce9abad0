// RUN: %race_corpus %s
// VERDICT: no-race
// Readers look up the routing table under shared_lock; the updater replaces entries under unique_lock.
#include <iostream>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <thread>
#include <vector>

class Routes {
public:
  std::string lookup(const std::string &k) const {
    std::shared_lock lk(mu_);
    auto it = table_.find(k);
    return it == table_.end() ? "" : it->second;
  }
  void update(const std::string &k, const std::string &v) {
    std::unique_lock lk(mu_);
    table_[k] = v;
  }

private:
  mutable std::shared_mutex mu_;
  std::map<std::string, std::string> table_;
};

int main() {
  Routes routes;
  routes.update("/", "index");
  std::vector<std::thread> readers;
  for (int i = 0; i < 3; ++i)
    readers.emplace_back([&routes] {
      for (int k = 0; k < 100; ++k)
        (void)routes.lookup("/");
    });
  std::thread writer([&routes] { routes.update("/", "home"); });
  for (auto &t : readers)
    t.join();
  writer.join();
  std::cout << routes.lookup("/") << "\n";
}
