// Downloads 40 blocks of numbers from a service on 127.0.0.1 and, for each,
// runs a smoothing and sorting step before the next request.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

static int dial(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<unsigned short>(port));
  inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  if (connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0)
    std::exit(1);
  return fd;
}

static std::vector<double> fetch_block(int fd, int block) {
  std::string req = "BLOCK " + std::to_string(block) + "\n";
  send(fd, req.data(), req.size(), 0);
  std::vector<double> values(8192);
  size_t want = values.size() * sizeof(double), got = 0;
  char *dst = reinterpret_cast<char *>(values.data());
  while (got < want) {
    ssize_t n = recv(fd, dst + got, want - got, 0);
    if (n <= 0)
      break;
    got += static_cast<size_t>(n);
  }
  return values;
}

static double crunch(std::vector<double> &v) {
  for (int pass = 0; pass < 40; ++pass)
    for (size_t i = 1; i + 1 < v.size(); ++i)
      v[i] = (v[i - 1] + 2 * v[i] + v[i + 1]) * 0.25 + std::sin(v[i]) * 1e-3;
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

int main(int argc, char **argv) {
  int port = argc > 1 ? std::atoi(argv[1]) : 5555;
  int fd = dial(port);
  double sum = 0;
  for (int b = 0; b < 40; ++b) {
    std::vector<double> block = fetch_block(fd, b);
    sum += crunch(block);
  }
  close(fd);
  std::printf("%f\n", sum);
  return 0;
}
