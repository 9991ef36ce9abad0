// RUN: %race_corpus %s
// VERDICT: no-race
// Several threads read the same word list by reference; nobody writes it while they run.
#include <iostream>
#include <string>
#include <thread>
#include <vector>

std::size_t count_with(const std::vector<std::string> &words, char c) {
  std::size_t n = 0;
  for (const auto &w : words)
    if (w.find(c) != std::string::npos)
      ++n;
  return n;
}

int main() {
  const std::vector<std::string> words{"apple", "banana", "cherry", "date"};
  std::size_t na = 0, nb = 0;
  std::thread ta([&] { na = count_with(words, 'a'); });
  std::thread tb([&] { nb = count_with(words, 'e'); });
  ta.join();
  tb.join();
  std::cout << na << " " << nb << "\n";
}
