// RUN: %race_corpus %s
// VERDICT: no-race
// The shared dictionary is initialised through std::call_once and only read after that.
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

std::once_flag dict_once;
std::vector<std::string> dictionary;

void load_dictionary() {
  dictionary = {"alpha", "beta", "gamma"};
}

bool known(const std::string &w) {
  std::call_once(dict_once, load_dictionary);
  for (const auto &d : dictionary)
    if (d == w)
      return true;
  return false;
}

int main() {
  bool a = false, b = false;
  std::thread t1([&a] { a = known("beta"); });
  std::thread t2([&b] { b = known("delta"); });
  t1.join();
  t2.join();
  std::cout << a << b << "\n";
}
