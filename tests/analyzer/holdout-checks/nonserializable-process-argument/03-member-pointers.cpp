// CHECK: boundwise-nonserializable-process-argument
// A member function pointer needs an object that lives in this process.
// Static member functions are plain functions.
#include "holdout_process_pool.hpp"

#include <string>
#include <vector>

class Tokenizer {
 public:
  explicit Tokenizer(char sep) : sep_(sep) {}
  int count(const std::string &s) const {
    int n = 1;
    for (char c : s) n += (c == sep_);
    return n;
  }
  static int count_commas(const std::string &s) {
    int n = 1;
    for (char c : s) n += (c == ',');
    return n;
  }

 private:
  char sep_;
};

struct Stats {
  double sum = 0;
  double mean(int n) const { return n ? sum / n : 0.0; }
};

int main() {
  boundwise::ProcessPool pool{2};
  Tokenizer tok(';');
  std::string line = "a;b;c";
  auto f1 = pool.submit(&Tokenizer::count, tok, line);  // WARN
  auto f2 = pool.submit(&Tokenizer::count, &tok, line);  // WARN
  Stats st{12.0};
  auto f3 = pool.submit(&Stats::mean, st, 4);  // WARN

  auto g1 = pool.submit(&Tokenizer::count_commas, std::string("x,y"));
  auto g2 = pool.submit(Tokenizer::count_commas, line);
  std::vector<std::string> lines{"a,b", "c"};
  auto g3 = pool.map(&Tokenizer::count_commas, lines);
  return f1.get() + f2.get() + static_cast<int>(f3.get()) + g1.get() + g2.get() + static_cast<int>(g3.size());
}
