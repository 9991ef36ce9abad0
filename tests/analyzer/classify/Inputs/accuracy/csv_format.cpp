// Formats a million readings as CSV text in memory with std::ostringstream
// and parses them back with std::istringstream.
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

static std::string to_csv(const std::vector<double> &readings) {
  std::ostringstream out;
  for (size_t i = 0; i < readings.size(); ++i)
    out << i << ',' << readings[i] << '\n';
  return out.str();
}

static double sum_csv(const std::string &text) {
  std::istringstream in(text);
  std::string line;
  double sum = 0;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    long index;
    char comma;
    double value;
    if (fields >> index >> comma >> value)
      sum += value;
  }
  return sum;
}

int main() {
  std::vector<double> readings(1000000);
  for (size_t i = 0; i < readings.size(); ++i)
    readings[i] = i * 0.5;
  std::printf("%f\n", sum_csv(to_csv(readings)));
  return 0;
}
