// localtime's result is copied at once: the fix-it rewrites it to localtime_r.
#include <ctime>
#include <thread>
#include <vector>

void stamp() {
  std::time_t now = std::time(nullptr);
  std::tm parts = *std::localtime(&now);
  (void)parts;
}

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 3; ++i)
    threads.emplace_back(stamp);
  for (auto &t : threads)
    t.join();
}
