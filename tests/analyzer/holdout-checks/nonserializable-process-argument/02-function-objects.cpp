// CHECK: boundwise-nonserializable-process-argument
// std::function and function objects erase or carry state; function pointers
// to plain functions name code that the worker also has.
#include "holdout_process_pool.hpp"

#include <functional>
#include <string>
#include <vector>

int word_count(const std::string &text) {
  int n = 0;
  bool in_word = false;
  for (char ch : text) {
    bool letter = ch != ' ' && ch != '\n' && ch != '\t';
    if (letter && !in_word) ++n;
    in_word = letter;
  }
  return n;
}

struct Threshold {
  int limit;
  bool operator()(int v) const { return v > limit; }
};

struct Counter {
  int calls = 0;
  int operator()(const std::string &s) { ++calls; return static_cast<int>(s.size()); }
};

int run(boundwise::ProcessPool &pool, const std::vector<std::string> &docs) {
  std::function<int(const std::string &)> counter = word_count;
  auto f1 = pool.submit(counter, docs.front());  // WARN
  std::vector<int> counts = pool.map(counter, docs);  // WARN
  auto f2 = pool.submit(Threshold{5}, 7);  // WARN
  Counter c;
  auto f3 = pool.submit(c, docs.back());  // WARN
  auto f4 = pool.submit(std::function<int(int)>([](int x) { return x + 1; }), 1);  // WARN

  int (*fp)(const std::string &) = word_count;
  auto ok1 = pool.submit(fp, docs.front());
  auto ok2 = pool.submit(&word_count, docs.back());
  auto ok3 = pool.submit(word_count, std::string("a b c"));
  std::vector<int> ok4 = pool.map(word_count, docs);
  return f1.get() + static_cast<int>(counts.size()) + f2.get() + f3.get() + f4.get() + ok1.get() + ok2.get() +
         ok3.get() + static_cast<int>(ok4.size());
}

int main() {
  boundwise::ProcessPool pool;
  std::vector<std::string> docs{"one two", "three four five"};
  return run(pool, docs);
}
