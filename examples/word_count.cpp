// Counts words over many files: opening and reading files, then hashing
// every word into a map.
#include <fstream>
#include <iostream>
#include <string>
#include <unordered_map>
#include <vector>

using Counts = std::unordered_map<std::string, long>;

Counts count_words(const std::string &path) {
  Counts counts;
  std::ifstream in(path);
  std::string word;
  while (in >> word)
    ++counts[word];
  return counts;
}

void merge_into(Counts &total, const Counts &part) {
  for (const auto &[word, n] : part)
    total[word] += n;
}

int main(int argc, char **argv) {
  Counts total;
  for (int i = 1; i < argc; ++i)
    merge_into(total, count_words(argv[i]));
  std::cout << total.size() << " distinct words\n";
}
