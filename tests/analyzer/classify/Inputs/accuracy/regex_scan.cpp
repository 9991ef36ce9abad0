// Builds 20000 log lines in memory and extracts the ones with an IPv4
// address and an error code using std::regex.
#include <cstdio>
#include <regex>
#include <string>
#include <vector>

static std::vector<std::string> make_lines() {
  std::vector<std::string> lines;
  for (int i = 0; i < 20000; ++i)
    lines.push_back("2024-01-01 host" + std::to_string(i % 97) + " 10.0." + std::to_string(i % 256) +
                    "." + std::to_string(i % 200) + " status=" + std::to_string(200 + i % 7 * 50));
  return lines;
}

static int count_errors(const std::vector<std::string> &lines) {
  const std::regex pattern(R"((\d+\.\d+\.\d+\.\d+) status=(5\d\d))");
  int errors = 0;
  std::smatch m;
  for (const std::string &line : lines)
    if (std::regex_search(line, m, pattern))
      ++errors;
  return errors;
}

int main() {
  std::printf("%d\n", count_errors(make_lines()));
  return 0;
}
