// CHECK: boundwise-nonserializable-process-argument
// FILE* and iostreams belong to the parent; pass a path and open it in the task.
#include "holdout_process_pool.hpp"

#include <cstdio>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

int count_lines_file(FILE *f) {
  int n = 0;
  for (int c; (c = std::fgetc(f)) != EOF;) n += (c == '\n');
  return n;
}

int count_lines_stream(std::istream &in) {
  int n = 0;
  for (std::string line; std::getline(in, line);) ++n;
  return n;
}

int count_lines_path(const std::string &path) {
  std::ifstream in(path);
  return count_lines_stream(in);
}

int count_lines_text(const std::string &text) {
  int n = 0;
  for (char c : text) n += (c == '\n');
  return n;
}

int main() {
  boundwise::ProcessPool pool{3};
  FILE *f = std::fopen("/etc/passwd", "r");
  auto a = pool.submit(count_lines_file, f);  // WARN
  auto e = pool.submit(count_lines_file, stdin);  // WARN
  std::ifstream in("/etc/group");
  auto b = pool.submit(count_lines_stream, std::ref(in));  // WARN
  std::istringstream text("a\nb\nc\n");
  auto c = pool.submit(count_lines_stream, std::ref(text));  // WARN

  auto ok1 = pool.submit(count_lines_path, std::string("/etc/passwd"));
  auto ok2 = pool.submit(count_lines_text, text.str());
  std::vector<std::string> paths{"/etc/passwd", "/etc/group"};
  auto ok3 = pool.map(count_lines_path, paths);
  std::fclose(f);
  return a.get() + b.get() + c.get() + e.get() + ok1.get() + ok2.get() + static_cast<int>(ok3.size());
}
