// CHECK: boundwise-thread-per-task
// std::jthread joins on destruction: kept in a vector outside the loop it
// outlives the iteration; a local in the loop body does not.
#include <map>
#include <string>
#include <thread>
#include <vector>

void index_file(const std::string &path) { (void)path.size(); }

void index_all(const std::vector<std::string> &paths) {
  std::vector<std::jthread> ts;
  for (const auto &p : paths) ts.emplace_back(index_file, p);  // WARN
}

void index_all_push(const std::vector<std::string> &paths) {
  std::vector<std::jthread> ts;
  for (const auto &p : paths) ts.push_back(std::jthread(index_file, p));  // WARN
}

void index_map(const std::map<std::string, int> &by_path) {
  std::vector<std::jthread> ts;
  for (const auto &[path, prio] : by_path)
    if (prio > 0) ts.emplace_back([path] { index_file(path); });  // WARN
}

void index_one_at_a_time(const std::vector<std::string> &paths) {
  for (const auto &p : paths) {
    std::jthread t(index_file, p);
  }
}

void index_two_workers(const std::vector<std::string> &paths) {
  std::jthread a([&] { for (std::size_t i = 0; i < paths.size(); i += 2) index_file(paths[i]); });
  std::jthread b([&] { for (std::size_t i = 1; i < paths.size(); i += 2) index_file(paths[i]); });
}

int main() {
  std::vector<std::string> paths{"a", "b", "c"};
  index_all(paths);
  index_all_push(paths);
  index_map({{"x", 1}, {"y", 0}});
  index_one_at_a_time(paths);
  index_two_workers(paths);
}
