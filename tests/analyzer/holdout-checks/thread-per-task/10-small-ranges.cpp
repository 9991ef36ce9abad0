// CHECK: boundwise-thread-per-task
// Range-for over an initializer list, a C array or a std::array of fixed
// small size starts a fixed set of threads.
#include <array>
#include <string>
#include <thread>
#include <vector>

void stage(const std::string &name) { (void)name.size(); }

void pipeline_stages() {
  std::vector<std::thread> ts;
  for (const char *name : {"decode", "filter", "encode"}) ts.emplace_back(stage, name);
  for (auto &t : ts) t.join();
}

void array_stages() {
  const std::array<std::string, 4> names{"a", "b", "c", "d"};
  std::vector<std::thread> ts;
  for (const auto &n : names) ts.emplace_back(stage, n);
  for (auto &t : ts) t.join();
}

void c_array_stages() {
  const std::string names[3] = {"x", "y", "z"};
  std::vector<std::thread> ts;
  for (const auto &n : names) ts.emplace_back(stage, n);
  for (auto &t : ts) t.join();
}

void vector_stages(const std::vector<std::string> &names) {
  std::vector<std::thread> ts;
  for (const auto &n : names) ts.emplace_back(stage, n);  // WARN
  for (auto &t : ts) t.join();
}

int main() {
  pipeline_stages();
  array_stages();
  c_array_stages();
  vector_stages({"p", "q"});
}
