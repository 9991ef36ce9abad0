// CPU-bound kernels: hand-written loop nests and the knowledge base's heavy
// calls (sorting, regular expressions, compression, digests, BLAS).
// RUN: %boundwise classify --quiet %s -- -std=c++20 | FileCheck %s
#include <openssl/sha.h>
#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <regex>
#include <string>
#include <vector>

extern "C" void cblas_dgemm(int order, int ta, int tb, int m, int n, int k, double alpha,
                            const double *a, int lda, const double *b, int ldb, double beta,
                            double *c, int ldc);

// CHECK-DAG: {{^}}sum_of_squares {{.*}}compute.cpp:[[@LINE+1]] cpu {{.*}}sum_of_squares -> loop nest of depth 1
std::uint64_t sum_of_squares(std::uint64_t n) {
  std::uint64_t total = 0;
  for (std::uint64_t i = 0; i < n; ++i)
    total += i * i;
  return total;
}

// CHECK-DAG: {{^}}matmul {{.*}}compute.cpp:[[@LINE+1]] cpu {{.*}}matmul -> loop nest of depth 3
void matmul(const double *a, const double *b, double *c, int n) {
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      double acc = 0;
      for (int k = 0; k < n; ++k)
        acc += a[i * n + k] * b[k * n + j];
      c[i * n + j] = acc;
    }
}

// CHECK-DAG: {{^}}count_primes {{.*}}compute.cpp:[[@LINE+1]] cpu {{.*}}count_primes -> loop nest of depth 2
int count_primes(int limit) {
  int count = 0;
  for (int n = 2; n < limit; ++n) {
    bool prime = true;
    for (int d = 2; d * d <= n; ++d)
      if (n % d == 0) {
        prime = false;
        break;
      }
    count += prime;
  }
  return count;
}

// CHECK-DAG: {{^}}mandelbrot_row {{.*}}compute.cpp:[[@LINE+1]] cpu
void mandelbrot_row(double y, int width, int *out) {
  for (int x = 0; x < width; ++x) {
    double cr = -2.0 + 3.0 * x / width, zr = 0, zi = 0;
    int it = 0;
    while (zr * zr + zi * zi < 4.0 && it < 1000) {
      double t = zr * zr - zi * zi + cr;
      zi = 2 * zr * zi + y;
      zr = t;
      ++it;
    }
    out[x] = it;
  }
}

// CHECK-DAG: {{^}}median {{.*}}compute.cpp:[[@LINE+1]] cpu {{.*}}median -> std::sort
double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

// CHECK-DAG: {{^}}count_emails {{.*}}compute.cpp:[[@LINE+1]] cpu {{.*}}count_emails -> {{.*}}regex
int count_emails(const std::vector<std::string> &lines) {
  const std::regex email(R"([\w.]+@[\w.]+\.\w+)");
  int count = 0;
  for (const std::string &line : lines)
    if (std::regex_search(line, email))
      ++count;
  return count;
}

// CHECK-DAG: {{^}}pack {{.*}}compute.cpp:[[@LINE+1]] cpu {{.*}}pack -> compress
std::vector<unsigned char> pack(const std::string &text) {
  uLongf size = compressBound(text.size());
  std::vector<unsigned char> out(size);
  compress(out.data(), &size, reinterpret_cast<const Bytef *>(text.data()), text.size());
  out.resize(size);
  return out;
}

// CHECK-DAG: {{^}}fingerprint {{.*}}compute.cpp:[[@LINE+1]] cpu {{.*}}fingerprint -> {{.*}}SHA256
std::string fingerprint(const std::vector<std::string> &chunks) {
  std::string digests;
  unsigned char md[SHA256_DIGEST_LENGTH];
  for (const std::string &chunk : chunks) {
    SHA256(reinterpret_cast<const unsigned char *>(chunk.data()), chunk.size(), md);
    digests.append(reinterpret_cast<char *>(md), sizeof md);
  }
  return digests;
}

// CHECK-DAG: {{^}}crc_all {{.*}}compute.cpp:[[@LINE+1]] cpu {{.*}}crc_all -> crc32
uLong crc_all(const std::vector<std::string> &blocks) {
  uLong crc = crc32(0, nullptr, 0);
  for (const std::string &b : blocks)
    crc = crc32(crc, reinterpret_cast<const Bytef *>(b.data()), static_cast<uInt>(b.size()));
  return crc;
}

// CHECK-DAG: {{^}}gemm {{.*}}compute.cpp:[[@LINE+1]] cpu {{.*}}gemm -> cblas_dgemm
void gemm(const double *a, const double *b, double *c, int n) {
  cblas_dgemm(101, 111, 111, n, n, n, 1.0, a, n, b, n, 0.0, c, n);
}

// CHECK-DAG: {{^}}normalize {{.*}}compute.cpp:[[@LINE+1]] cpu
void normalize(std::vector<double> &v) {
  double norm = std::sqrt(std::inner_product(v.begin(), v.end(), v.begin(), 0.0));
  std::transform(v.begin(), v.end(), v.begin(), [norm](double x) { return x / norm; });
}

// CHECK-DAG: {{^}}histogram {{.*}}compute.cpp:[[@LINE+1]] cpu {{.*}}histogram -> loop nest
std::vector<int> histogram(const std::vector<unsigned char> &pixels) {
  std::vector<int> bins(256);
  for (unsigned char p : pixels)
    ++bins[p];
  return bins;
}
