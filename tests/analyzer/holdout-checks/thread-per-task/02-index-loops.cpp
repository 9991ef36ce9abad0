// CHECK: boundwise-thread-per-task
// Index loops over data versus loops with a small constant bound.
#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

void work(int item) { volatile int x = item * item; (void)x; }

void by_size(const std::vector<int> &items) {
  std::vector<std::thread> ts;
  for (std::size_t i = 0; i < items.size(); ++i) ts.push_back(std::thread(work, items[i]));  // WARN
  for (auto &t : ts) t.join();
}

void by_count(const int *items, int n) {
  std::vector<std::thread> ts;
  for (int i = 0; i < n; ++i) ts.emplace_back(work, items[i]);  // WARN
  for (auto &t : ts) t.join();
}

void by_iterator(const std::vector<int> &items) {
  std::vector<std::thread> ts;
  for (auto it = items.begin(); it != items.end(); ++it) ts.emplace_back(work, *it);  // WARN
  for (auto &t : ts) t.join();
}

void thousand() {
  std::vector<std::thread> ts;
  for (int i = 0; i < 1000; ++i) ts.emplace_back(work, i);  // WARN
  for (auto &t : ts) t.join();
}

constexpr int kWorkers = 8;

void fixed_eight(const std::vector<int> &items) {
  std::vector<std::thread> ts;
  for (int w = 0; w < kWorkers; ++w)
    ts.emplace_back([&items, w] {
      for (std::size_t i = static_cast<std::size_t>(w); i < items.size(); i += kWorkers) work(items[i]);
    });
  for (auto &t : ts) t.join();
}

void fixed_local(const std::vector<int> &items) {
  const int workers = 6;
  std::vector<std::thread> ts;
  for (int w = 0; w < workers; ++w)
    ts.emplace_back([&items, w] {
      for (std::size_t i = static_cast<std::size_t>(w); i < items.size(); i += 6) work(items[i]);
    });
  for (auto &t : ts) t.join();
}

void capped(const std::vector<int> &items) {
  std::vector<std::thread> ts;
  const std::size_t n = std::min(items.size(), std::size_t{8});
  for (std::size_t w = 0; w < n; ++w)
    ts.emplace_back([&items, w, n] {
      for (std::size_t i = w; i < items.size(); i += n) work(items[i]);
    });
  for (auto &t : ts) t.join();
}

void sixty_four() {
  std::vector<std::thread> ts;
  for (int i = 0; i < 64; ++i) ts.emplace_back(work, i);
  for (auto &t : ts) t.join();
}

int main() {
  std::vector<int> items{1, 2, 3};
  by_size(items);
  by_count(items.data(), 3);
  by_iterator(items);
  thousand();
  fixed_eight(items);
  fixed_local(items);
  capped(items);
  sixty_four();
}
