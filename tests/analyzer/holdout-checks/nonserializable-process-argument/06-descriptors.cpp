// CHECK: boundwise-nonserializable-process-argument
// File descriptors passed as int: the number means nothing in the worker
// (the runtime closes every inherited fd above 4). Send the path instead.
#include <boundwise/process_pool.hpp>

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

long checksum_fd(int fd) {
  char buf[4096];
  long sum = 0;
  for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0;)
    for (ssize_t i = 0; i < n; ++i) sum += static_cast<unsigned char>(buf[i]);
  return sum;
}

long checksum_path(std::string path) {
  int fd = open(path.c_str(), O_RDONLY);
  if (fd < 0) return -1;
  long s = checksum_fd(fd);
  close(fd);
  return s;
}

int square(int x) { return x * x; }

int main(int argc, char **argv) {
  boundwise::ProcessPool pool{2};
  int fd = open("/etc/hostname", O_RDONLY);
  auto a = pool.submit(checksum_fd, fd);  // WARN
  int sock = socket(AF_INET, SOCK_STREAM, 0);
  auto b = pool.submit(checksum_fd, sock);  // WARN
  int copy = dup(fd);
  auto c = pool.submit(checksum_fd, copy);  // WARN
  auto d = pool.submit(checksum_fd, fileno(stdin));  // WARN

  auto ok1 = pool.submit(checksum_path, std::string("/etc/hostname"));
  int n = argc > 1 ? std::atoi(argv[1]) : 3;
  auto ok2 = pool.submit(square, n);
  int rc = close(fd);
  auto ok3 = pool.submit(square, rc);
  std::vector<std::string> paths{"/etc/hostname", "/etc/os-release"};
  std::vector<long> sums = pool.map(checksum_path, paths);
  close(sock);
  close(copy);
  return static_cast<int>(a.get() + b.get() + c.get() + d.get() + ok1.get() + ok2.get() + ok3.get() + static_cast<long>(sums.size()));
}
