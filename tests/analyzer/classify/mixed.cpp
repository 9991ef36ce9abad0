// Functions whose time is split between blocking I/O and real computation.
// RUN: %boundwise classify --quiet %s -- -std=c++20 | FileCheck %s
#include <sys/socket.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

// A simulation that hands every step to a peer and waits for its
// acknowledgement: the round trip sits inside the loop that also does the
// heavy arithmetic.
// CHECK-DAG: {{^}}simulate_and_stream {{.*}}mixed.cpp:[[@LINE+1]] mixed {{.*}}simulate_and_stream -> recv [network]
void simulate_and_stream(int fd, std::vector<double> &field) {
  for (int step = 0; step < 1000; ++step) {
    for (size_t i = 1; i + 1 < field.size(); ++i)
      for (int sweep = 0; sweep < 200; ++sweep)
        field[i] = 0.5 * field[i] + 0.25 * (field[i - 1] + field[i + 1]);
    send(fd, field.data(), field.size() * sizeof(double), 0);
    char ack;
    recv(fd, &ack, 1, 0);
  }
}
// CHECK-DAG: {{^}}{{ +}}simulate_and_stream -> loop nest of depth 3

constexpr size_t kBlock = 4096;

// CHECK-DAG: {{^}}fetch_block {{.*}}mixed.cpp:[[@LINE+1]] io
std::vector<double> fetch_block(int fd) {
  std::vector<double> v(kBlock);
  recv(fd, v.data(), kBlock * sizeof(double), MSG_WAITALL);
  return v;
}

// Eight frequency bins of a 4096-sample block: about a millisecond of
// trigonometry, the same order as receiving the 32 KiB block.
// CHECK-DAG: {{^}}spectral_energy {{.*}}mixed.cpp:[[@LINE+1]] cpu
double spectral_energy(const std::vector<double> &v) {
  double e = 0;
  for (size_t k = 0; k < 8; ++k) {
    double re = 0, im = 0;
    for (size_t t = 0; t < kBlock; ++t) {
      re += v[t] * std::cos(6.283185307179586 * k * t / kBlock);
      im -= v[t] * std::sin(6.283185307179586 * k * t / kBlock);
    }
    e += re * re + im * im;
  }
  return e;
}

// Download, then analyse: a pipeline whose two stages should be split.
// CHECK-DAG: {{^}}fetch_and_analyse {{.*}}mixed.cpp:[[@LINE+1]] mixed
double fetch_and_analyse(int fd, int blocks) {
  double total = 0;
  for (int b = 0; b < blocks; ++b)
    total += spectral_energy(fetch_block(fd));
  return total;
}

// Parse each line read from a file with real work per line.
// CHECK-DAG: {{^}}score_lines {{.*}}mixed.cpp:[[@LINE+1]] {{(mixed|cpu)}}
long score_lines(const char *path) {
  std::FILE *f = std::fopen(path, "r");
  char line[4096];
  long score = 0;
  while (std::fgets(line, sizeof line, f)) {
    for (int round = 0; round < 1000; ++round)
      for (char *p = line; *p; ++p)
        score = score * 131 + *p + round;
  }
  std::fclose(f);
  return score;
}

// A rate-limited batch job: 5 ms of pause after each 4096 x 300 sweep,
// which itself takes a few milliseconds.
// CHECK-DAG: {{^}}throttled_transform {{.*}}mixed.cpp:[[@LINE+1]] mixed
void throttled_transform(std::vector<std::vector<float>> &pages) {
  for (auto &page : pages) {
    page.resize(4096);
    for (int pass = 0; pass < 300; ++pass)
      for (size_t i = 0; i < 4096; ++i)
        page[i] = std::sqrt(page[i] * page[i] + 1.0f);
    usleep(5000);
  }
}

// The same pause after a short sweep: the pause dominates.
// CHECK-DAG: {{^}}throttled_light {{.*}}mixed.cpp:[[@LINE+1]] io {{.*}}usleep [sleep]
void throttled_light(std::vector<float> &page) {
  for (int pass = 0; pass < 10; ++pass) {
    for (size_t i = 0; i < 256; ++i)
      page[i] = page[i] * 0.5f + 1.0f;
    usleep(5000);
  }
}
