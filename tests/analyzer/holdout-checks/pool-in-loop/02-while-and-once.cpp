// CHECK: boundwise-pool-in-loop
// while loops and index loops repeat; do { } while (false) and a loop of one
// iteration do not.
#include <boundwise/process_pool.hpp>
#include <boundwise/thread_pool.hpp>

#include <deque>
#include <string>
#include <vector>

int digest(const std::string &s) {
  int h = 0;
  for (char c : s) h = h * 131 + c;
  return h;
}

int drain(std::deque<std::vector<std::string>> &jobs) {
  int acc = 0;
  while (!jobs.empty()) {
    boundwise::ProcessPool pool{4};  // WARN
    for (int h : pool.map(digest, jobs.front())) acc ^= h;
    jobs.pop_front();
  }
  return acc;
}

int rounds(const std::vector<std::string> &items, int n) {
  int acc = 0;
  for (int i = 0; i < n; ++i) {
    boundwise::ThreadPool pool{4};  // WARN
    for (int h : pool.map(digest, items)) acc += h;
  }
  return acc;
}

int retries(const std::vector<std::string> &items) {
  for (int attempt = 0; attempt < 3; ++attempt) {
    boundwise::ThreadPool pool(2);  // WARN
    auto r = pool.map(digest, items);
    if (!r.empty()) return r.front();
  }
  return 0;
}

int once_do(const std::vector<std::string> &items) {
  int acc = 0;
  do {
    boundwise::ThreadPool pool{4};
    for (int h : pool.map(digest, items)) acc += h;
  } while (false);
  return acc;
}

int once_for(const std::vector<std::string> &items) {
  int acc = 0;
  for (int i = 0; i < 1; ++i) {
    boundwise::ProcessPool pool{2};
    for (int h : pool.map(digest, items)) acc += h;
  }
  return acc;
}

int hoisted_while(std::deque<std::vector<std::string>> &jobs) {
  boundwise::ProcessPool pool{4};
  int acc = 0;
  while (!jobs.empty()) {
    for (int h : pool.map(digest, jobs.front())) acc ^= h;
    jobs.pop_front();
  }
  return acc;
}

int main() {
  std::deque<std::vector<std::string>> jobs{{"a"}, {"b", "c"}};
  std::deque<std::vector<std::string>> jobs2 = jobs;
  std::vector<std::string> items{"x", "y"};
  return drain(jobs) + rounds(items, 3) + retries(items) + once_do(items) + once_for(items) + hoisted_while(jobs2);
}
