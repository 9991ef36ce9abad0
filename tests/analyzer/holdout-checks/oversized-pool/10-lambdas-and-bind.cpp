// CHECK: boundwise-oversized-pool
// The work is a lambda (in place or in a variable) or std::bind(f, ...).
#include <boundwise/thread_pool.hpp>

#include <functional>
#include <string>
#include <vector>

std::size_t edit_distance(const std::string &a, const std::string &b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::vector<std::size_t> distances_lambda_var(const std::vector<std::string> &words, const std::string &target) {
  boundwise::ThreadPool pool{100};  // WARN
  auto work = [&target](const std::string &w) { return edit_distance(w, target); };
  return pool.map(work, words);
}

std::vector<std::size_t> distances_inline(const std::vector<std::string> &words, const std::string &target) {
  boundwise::ThreadPool pool{48};  // WARN
  return pool.map([&](const std::string &w) { return edit_distance(w, target); }, words);
}

std::size_t distance_bind(const std::string &a, const std::string &b) {
  boundwise::ThreadPool pool{80};  // WARN
  return pool.submit(std::bind(edit_distance, a, b)).get();
}

std::vector<std::size_t> distances_ok(const std::vector<std::string> &words, const std::string &target) {
  boundwise::ThreadPool pool{20};
  auto work = [&target](const std::string &w) { return edit_distance(w, target); };
  return pool.map(work, words);
}

std::size_t distance_bind_ok(const std::string &a, const std::string &b) {
  boundwise::ThreadPool pool{2};
  return pool.submit(std::bind(edit_distance, a, b)).get();
}

int main() {
  std::vector<std::string> words{"kitten", "sitting", "mitten"};
  return static_cast<int>(distances_lambda_var(words, "knitting").size() + distances_inline(words, "x").size() +
                          distance_bind("a", "b") + distances_ok(words, "y").size() + distance_bind_ok("c", "d"));
}
