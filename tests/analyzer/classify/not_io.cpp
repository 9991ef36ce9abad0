// Code that mentions streams, files or logging but whose time is computation:
// none of these may be classified io.
// RUN: %boundwise classify --quiet %s -- -std=c++20 | FileCheck %s
#include <cstdio>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

// In-memory streams are string formatting, not I/O.
// CHECK-DAG: {{^}}to_csv {{.*}}not_io.cpp:[[@LINE+1]] cpu
std::string to_csv(const std::vector<std::vector<double>> &rows) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(3);
  for (const auto &row : rows) {
    for (size_t i = 0; i < row.size(); ++i)
      out << (i ? "," : "") << row[i];
    out << '\n';
  }
  return out.str();
}

// CHECK-DAG: {{^}}parse_numbers {{.*}}not_io.cpp:[[@LINE+1]] cpu
std::vector<long> parse_numbers(const std::string &text) {
  std::istringstream in(text);
  std::vector<long> out;
  long value;
  while (in >> value)
    out.push_back(value);
  return out;
}

// CHECK-DAG: {{^}}split_lines {{.*}}not_io.cpp:[[@LINE+1]] cpu
std::vector<std::string> split_lines(const std::string &text) {
  std::stringstream ss(text);
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(ss, line))
    lines.push_back(line);
  return lines;
}

// CHECK-DAG: {{^}}render_label {{.*}}not_io.cpp:[[@LINE+1]] cpu
std::string render_label(const std::string &name, int id) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s-%06d", name.c_str(), id);
  return std::string(buf) + "/" + std::to_string(id * 7);
}

// CHECK-DAG: {{^}}caesar {{.*}}not_io.cpp:[[@LINE+1]] cpu
std::string caesar(std::string text, int shift) {
  for (char &c : text)
    if (c >= 'a' && c <= 'z')
      c = static_cast<char>('a' + (c - 'a' + shift) % 26);
  return text;
}

// An error report on a path that ends the computation does not make the
// kernel I/O-bound.
// CHECK-DAG: {{^}}solve_tridiagonal {{.*}}not_io.cpp:[[@LINE+1]] cpu {{.*}}solve_tridiagonal -> loop nest
int solve_tridiagonal(const double *a, const double *b, double *c, double *d, int n) {
  for (int i = 1; i < n; ++i) {
    if (b[i - 1] == 0.0) {
      std::fprintf(stderr, "singular matrix at row %d\n", i);
      return -1;
    }
    double m = a[i] / b[i - 1];
    c[i] -= m * c[i - 1];
    d[i] -= m * d[i - 1];
  }
  for (int i = n - 2; i >= 0; --i)
    d[i] -= c[i] * d[i + 1];
  return 0;
}

// CHECK-DAG: {{^}}checked_dot {{.*}}not_io.cpp:[[@LINE+1]] cpu
double checked_dot(const std::vector<double> &x, const std::vector<double> &y) {
  if (x.size() != y.size()) {
    std::cerr << "size mismatch: " << x.size() << " vs " << y.size() << "\n";
    throw std::invalid_argument("checked_dot");
  }
  double s = 0;
  for (size_t i = 0; i < x.size(); ++i)
    s += x[i] * y[i];
  return s;
}

// CHECK-DAG: {{^}}safe_kernel {{.*}}not_io.cpp:[[@LINE+1]] cpu
double safe_kernel(const std::vector<double> &v) {
  try {
    double acc = 0;
    for (size_t i = 0; i < v.size(); ++i)
      for (size_t j = 0; j < v.size(); ++j)
        acc += v[i] * v[j];
    return acc;
  } catch (const std::exception &e) {
    std::fprintf(stderr, "kernel failed: %s\n", e.what());
    std::exit(2);
  }
}

// CHECK-DAG: {{^}}invert {{.*}}not_io.cpp:[[@LINE+1]] cpu
std::vector<double> invert(const std::vector<double> &v) {
  std::vector<double> out(v.size());
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i] == 0)
      std::abort();
    out[i] = 1 / v[i];
  }
  return out;
}

// A result printed once after a heavy computation: the printing is noise.
// CHECK-DAG: {{^}}report_pi {{.*}}not_io.cpp:[[@LINE+1]] cpu
void report_pi() {
  double sum = 0;
  for (long k = 0; k < 100000000; ++k)
    sum += (k % 2 ? -4.0 : 4.0) / (2 * k + 1);
  std::printf("pi ~ %.12f\n", sum);
}

// CHECK-DAG: {{^}}join_words {{.*}}not_io.cpp:[[@LINE+1]] cpu
std::string join_words(const std::vector<std::string> &words, const std::string &sep) {
  std::string out;
  for (const std::string &w : words) {
    if (!out.empty())
      out += sep;
    out += w;
  }
  return out;
}
