// CHECK: boundwise-thread-per-task
// Threads joined in the same iteration run one at a time: not unbounded.
// Detached threads per item are.
#include <string>
#include <thread>
#include <vector>

void upload(const std::string &name) { (void)name.size(); }

void sequential_threads(const std::vector<std::string> &names) {
  for (const auto &n : names) {
    std::thread t(upload, n);
    t.join();
  }
}

void sequential_jthreads(const std::vector<std::string> &names) {
  for (const auto &n : names) {
    std::jthread t(upload, n);
  }
}

void sequential_lambda(const std::vector<std::string> &names) {
  for (std::size_t i = 0; i < names.size(); ++i) {
    std::thread t([&names, i] { upload(names[i]); });
    if (t.joinable()) t.join();
  }
}

void fire_and_forget(const std::vector<std::string> &names) {
  for (const auto &n : names) std::thread(upload, n).detach();  // WARN
}

void fire_and_forget_named(const std::vector<std::string> &names) {
  for (const auto &n : names) {
    std::thread t(upload, n);  // WARN
    t.detach();
  }
}

int main() {
  std::vector<std::string> names{"a", "b"};
  sequential_threads(names);
  sequential_jthreads(names);
  sequential_lambda(names);
  fire_and_forget(names);
  fire_and_forget_named(names);
}
