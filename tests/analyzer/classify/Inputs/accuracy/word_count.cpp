// Writes a text file, then counts word frequencies over it ten times (the
// way a tool re-reads its inputs), printing the most frequent word.
#include <cstdio>
#include <fstream>
#include <string>
#include <unordered_map>

static void write_corpus(const std::string &path) {
  std::ofstream out(path);
  for (int i = 0; i < 200000; ++i)
    out << "word" << (i * 7919) % 5000 << ' ' << "common" << (i % 10 == 0 ? "\n" : " ");
}

static std::unordered_map<std::string, long> count_words(const std::string &path) {
  std::unordered_map<std::string, long> counts;
  std::ifstream in(path);
  std::string word;
  while (in >> word)
    ++counts[word];
  return counts;
}

int main() {
  const std::string path = "/tmp/boundwise-accuracy-corpus.txt";
  write_corpus(path);
  long best = 0;
  for (int round = 0; round < 10; ++round)
    for (const auto &[word, n] : count_words(path))
      best = std::max(best, n);
  std::remove(path.c_str());
  std::printf("%ld\n", best);
  return 0;
}
