// CHECK: boundwise-thread-per-task
// std::async(std::launch::async, ...) per element promises a thread each.
// The default policy and launch::deferred do not; .get() in the same
// iteration waits for it.
#include <future>
#include <string>
#include <vector>

std::size_t count_vowels(const std::string &s) {
  std::size_t n = 0;
  for (char c : s) n += (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u');
  return n;
}

std::size_t async_each(const std::vector<std::string> &docs) {
  std::vector<std::future<std::size_t>> fs;
  for (const auto &d : docs) fs.push_back(std::async(std::launch::async, count_vowels, d));  // WARN
  std::size_t total = 0;
  for (auto &f : fs) total += f.get();
  return total;
}

std::size_t async_each_indexed(const std::vector<std::string> &docs) {
  std::vector<std::future<std::size_t>> fs;
  for (std::size_t i = 0; i < docs.size(); ++i)
    fs.emplace_back(std::async(std::launch::async, [&docs, i] { return count_vowels(docs[i]); }));  // WARN
  std::size_t total = 0;
  for (auto &f : fs) total += f.get();
  return total;
}

std::size_t default_policy(const std::vector<std::string> &docs) {
  std::vector<std::future<std::size_t>> fs;
  for (const auto &d : docs) fs.push_back(std::async(count_vowels, d));
  std::size_t total = 0;
  for (auto &f : fs) total += f.get();
  return total;
}

std::size_t deferred(const std::vector<std::string> &docs) {
  std::vector<std::future<std::size_t>> fs;
  for (const auto &d : docs) fs.push_back(std::async(std::launch::deferred, count_vowels, d));
  std::size_t total = 0;
  for (auto &f : fs) total += f.get();
  return total;
}

std::size_t waited_each(const std::vector<std::string> &docs) {
  std::size_t total = 0;
  for (const auto &d : docs) {
    auto f = std::async(std::launch::async, count_vowels, d);
    total += f.get();
  }
  return total;
}

std::size_t waited_inline(const std::vector<std::string> &docs) {
  std::size_t total = 0;
  for (const auto &d : docs) total += std::async(std::launch::async, count_vowels, d).get();
  return total;
}

int main() {
  std::vector<std::string> docs{"alpha", "beta"};
  return static_cast<int>(async_each(docs) + async_each_indexed(docs) + default_policy(docs) + deferred(docs) +
                          waited_each(docs) + waited_inline(docs));
}
