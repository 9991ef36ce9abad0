// CHECK: boundwise-pool-in-loop
// Pools built in functions that are called once, or only outside loops, and
// one that a range-for calls per element.
#include <boundwise/process_pool.hpp>
#include <boundwise/thread_pool.hpp>

#include <string>
#include <vector>

int length(const std::string &s) { return static_cast<int>(s.size()); }

std::vector<int> setup_and_run(const std::vector<std::string> &words) {
  boundwise::ProcessPool pool{2};
  return pool.map(length, words);
}

int summarize_one(const std::string &word) {
  boundwise::ThreadPool pool{2};  // WARN
  return pool.submit(length, word).get();
}

int summarize_all(const std::vector<std::string> &words) {
  int total = 0;
  for (const auto &w : words) total += summarize_one(w);
  return total;
}

int main(int argc, char **argv) {
  std::vector<std::string> words(argv, argv + argc);
  auto lens = setup_and_run(words);
  int t = summarize_all(words);
  boundwise::ThreadPool pool{2};
  for (int l : lens) t += pool.submit(length, std::to_string(l)).get();
  return t;
}
