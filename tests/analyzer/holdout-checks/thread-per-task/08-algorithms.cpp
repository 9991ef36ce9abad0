// CHECK: boundwise-thread-per-task
// Threads started from std::for_each / std::transform callbacks: one per
// element as well.
#include <algorithm>
#include <future>
#include <thread>
#include <vector>

int heavy(int x) {
  int r = 0;
  for (int i = 0; i < x * 1000; ++i) r += i % 7;
  return r;
}

void for_each_thread(const std::vector<int> &xs) {
  std::vector<std::thread> ts;
  std::for_each(xs.begin(), xs.end(), [&ts](int x) { ts.emplace_back(heavy, x); });  // WARN
  for (auto &t : ts) t.join();
}

int transform_async(const std::vector<int> &xs) {
  std::vector<std::future<int>> fs(xs.size());
  std::transform(xs.begin(), xs.end(), fs.begin(), [](int x) { return std::async(std::launch::async, heavy, x); });  // WARN
  int s = 0;
  for (auto &f : fs) s += f.get();
  return s;
}

int transform_plain(const std::vector<int> &xs) {
  std::vector<int> out(xs.size());
  std::transform(xs.begin(), xs.end(), out.begin(), heavy);
  int s = 0;
  for (int v : out) s += v;
  return s;
}

int for_each_sequential(const std::vector<int> &xs) {
  int s = 0;
  std::for_each(xs.begin(), xs.end(), [&s](int x) {
    std::thread t([&s, x] { s += heavy(x); });
    t.join();
  });
  return s;
}

int main() {
  std::vector<int> xs{1, 2, 3};
  for_each_thread(xs);
  return transform_async(xs) + transform_plain(xs) + for_each_sequential(xs);
}
