// CHECK: boundwise-pool-in-loop
// Reading input line by line: a pool per line versus one pool for the run.
#include <boundwise/process_pool.hpp>
#include <boundwise/thread_pool.hpp>

#include <iostream>
#include <sstream>
#include <string>
#include <vector>

int parse_int(const std::string &tok) { return std::stoi(tok); }

std::vector<std::string> tokens(const std::string &line) {
  std::istringstream in(line);
  std::vector<std::string> out;
  for (std::string t; in >> t;) out.push_back(t);
  return out;
}

int main() {
  long sum = 0;
  std::vector<std::string> lines;
  for (std::string line; std::getline(std::cin, line);) {
    boundwise::ProcessPool workers{2};  // WARN
    for (int v : workers.map(parse_int, tokens(line))) sum += v;
    lines.push_back(line);
  }

  boundwise::ThreadPool pool{4};
  for (const auto &line : lines)
    for (int v : pool.map([](const std::string &t) { return parse_int(t); }, tokens(line))) sum += v;

  std::size_t i = 0;
  while (i < lines.size()) {
    auto tk = tokens(lines[i++]);
    boundwise::ThreadPool per_line{static_cast<std::size_t>(tk.size())};  // WARN
    for (int v : per_line.map(parse_int, tk)) sum -= v;
  }
  std::cout << sum << "\n";
}
