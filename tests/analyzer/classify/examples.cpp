// RUN: %boundwise classify --quiet %s -- -std=c++20 | FileCheck %s
#include <sys/socket.h>
#include <unistd.h>
#include <fstream>
#include <string>
#include <thread>

// CHECK-DAG: {{^}}pull_from_socket {{.*}}classify/examples.cpp:[[@LINE+1]] {{ *}}io {{.*}} pull_from_socket -> recv [network]
std::string pull_from_socket(int fd) {
  std::string data;
  char buf[512];
  ssize_t n;
  while ((n = recv(fd, buf, sizeof buf, 0)) > 0)
    data.append(buf, n);
  return data;
}

// CHECK-DAG: {{^}}checksum {{.*}}:[[@LINE+1]] {{ *}}cpu {{.*}}checksum -> loop nest of depth 2
unsigned checksum(const unsigned char *data, int n) {
  unsigned h = 0;
  for (int round = 0; round < 64; ++round)
    for (int i = 0; i < n; ++i)
      h = h * 31 + data[i] + round;
  return h;
}

// CHECK-DAG: {{^}}nap {{.*}}:[[@LINE+1]] {{ *}}io {{.*}}nap -> std::this_thread::sleep_for [sleep]
void nap() { std::this_thread::sleep_for(std::chrono::milliseconds(50)); }
