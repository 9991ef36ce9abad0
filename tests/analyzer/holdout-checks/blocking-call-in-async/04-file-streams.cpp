// CHECK: boundwise-blocking-call-in-async
// Opening and reading files with fstreams or stdio inside a coroutine.
#include <boundwise/async.hpp>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

std::string slurp(const std::string &path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

boundwise::Task<std::vector<std::string>> load_lines(std::string path) {
  std::vector<std::string> lines;
  std::ifstream in(path);  // WARN
  for (std::string line; std::getline(in, line);) lines.push_back(line);  // WARN
  co_return lines;
}

boundwise::Task<std::size_t> config_size(std::string path) {
  std::string text = slurp(path);  // WARN
  co_return text.size();
}

int read_first_byte(const std::string &path) {
  FILE *f = std::fopen(path.c_str(), "rb");
  if (!f) return -1;
  int c = std::fgetc(f);
  std::fclose(f);
  return c;
}

boundwise::Task<bool> exists(std::string path) {
  FILE *f = std::fopen(path.c_str(), "rb");  // WARN
  co_return f != nullptr;
}

boundwise::Task<int> first_byte(std::string path) {
  int c = read_first_byte(path);  // WARN
  co_return c;
}

boundwise::Task<void> write_report(std::string path, std::string body) {
  std::ofstream out(path);  // WARN
  co_return;
}

boundwise::Task<std::size_t> config_size_offloaded(std::string path) {
  std::string text = co_await boundwise::to_thread(slurp, path);
  std::istringstream parse(text);
  std::string first;
  parse >> first;
  co_return text.size() + first.size();
}

std::size_t config_size_sync(const std::string &path) { return slurp(path).size(); }

int main() {
  boundwise::run(load_lines("/etc/hostname"));
  boundwise::run(write_report("/tmp/r.txt", "x"));
  boundwise::run(exists("/etc/hostname"));
  return static_cast<int>(boundwise::run(config_size("/etc/hostname")) + boundwise::run(config_size_offloaded("/etc/hostname")) +
                          config_size_sync("/etc/hostname")) + boundwise::run(first_byte("/etc/hostname"));
}
