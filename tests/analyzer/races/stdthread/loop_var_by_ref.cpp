// RUN: %race_corpus %s
// VERDICT: race
// The lambda captures everything by reference, including the loop counter main keeps incrementing.
#include <iostream>
#include <thread>
#include <vector>

int main() {
  std::vector<int> squares(8, 0);
  std::vector<std::thread> ts;
  for (int i = 0; i < 8; ++i) // RACE
    ts.emplace_back([&] { squares[i % 8] = i * i; }); // RACE
  for (auto &t : ts)
    t.join();
  for (int s : squares)
    std::cout << s << " ";
  std::cout << "\n";
}
