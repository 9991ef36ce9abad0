// RUN: %race_corpus %s
// VERDICT: no-race
// A lazily loaded dictionary: the once_flag member guards the fill, and every thread reads only after call_once returns.
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

class Dictionary {
public:
  int lookup(const std::string &w) {
    std::call_once(loaded_, [this] { load(); });
    auto it = words_.find(w);
    return it == words_.end() ? -1 : it->second;
  }

private:
  void load() {
    const char *ws[] = {"alpha", "beta", "gamma", "delta"};
    for (int i = 0; i < 4; i++)
      words_[ws[i]] = i;
  }
  std::once_flag loaded_;
  std::unordered_map<std::string, int> words_;
};

int main() {
  Dictionary dict;
  std::vector<int> found(4);
  std::vector<std::thread> ts;
  const char *qs[] = {"beta", "delta", "omega", "alpha"};
  for (int t = 0; t < 4; t++)
    ts.emplace_back([&dict, &found, &qs, t] { found[t] = dict.lookup(qs[t]); });
  for (auto &th : ts)
    th.join();
  std::printf("%d %d %d %d\n", found[0], found[1], found[2], found[3]);
}
