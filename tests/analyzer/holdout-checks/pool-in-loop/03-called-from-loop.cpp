// CHECK: boundwise-pool-in-loop
// The pool is built in a helper that a loop calls once per item.
#include <boundwise/thread_pool.hpp>

#include <string>
#include <vector>

int score(const std::string &w) {
  int s = 0;
  for (char c : w) s += c - 'a' + 1;
  return s;
}

std::vector<int> squares_of(const std::vector<std::string> &words) {
  boundwise::ThreadPool pool{4};  // WARN
  return pool.map(score, words);
}

std::vector<int> scores_with(boundwise::ThreadPool &pool, const std::vector<std::string> &words) {
  return pool.map(score, words);
}

std::vector<int> score_once(const std::vector<std::string> &words) {
  boundwise::ThreadPool pool{4};
  return pool.map(score, words);
}

long process_all(const std::vector<std::vector<std::string>> &docs) {
  long total = 0;
  for (const auto &doc : docs)
    for (int s : squares_of(doc)) total += s;
  return total;
}

long process_all_shared(const std::vector<std::vector<std::string>> &docs) {
  boundwise::ThreadPool pool{4};
  long total = 0;
  for (const auto &doc : docs)
    for (int s : scores_with(pool, doc)) total += s;
  return total;
}

int main() {
  std::vector<std::vector<std::string>> docs{{"ab", "cd"}, {"ef"}};
  long a = process_all(docs);
  long b = process_all_shared(docs);
  long c = static_cast<long>(score_once(docs.front()).size());
  return static_cast<int>(a + b + c);
}
