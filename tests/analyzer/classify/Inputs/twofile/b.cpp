// The callee side of a two-file program.
#include "net.h"

#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <sstream>

static int dial(const std::string &host) {
  addrinfo hints{}, *res = nullptr;
  hints.ai_socktype = SOCK_STREAM;
  if (getaddrinfo(host.c_str(), "8080", &hints, &res) != 0)
    return -1;
  int fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
  connect(fd, res->ai_addr, res->ai_addrlen);
  freeaddrinfo(res);
  return fd;
}

std::string http_get(const std::string &host, const std::string &path) {
  int fd = dial(host);
  std::string req = "GET " + path + " HTTP/1.0\r\n\r\n";
  send(fd, req.data(), req.size(), 0);
  std::string body;
  char buf[4096];
  ssize_t n;
  while ((n = recv(fd, buf, sizeof buf, 0)) > 0)
    body.append(buf, static_cast<size_t>(n));
  close(fd);
  return body;
}

std::vector<double> parse_series(const std::string &body) {
  std::istringstream in(body);
  std::vector<double> out;
  double v;
  while (in >> v)
    out.push_back(v);
  return out;
}

double smooth(std::vector<double> &s, int passes) {
  for (int p = 0; p < passes; ++p)
    for (size_t i = 1; i + 1 < s.size(); ++i)
      s[i] = (s[i - 1] + 2 * s[i] + s[i + 1]) / 4;
  double sum = 0;
  for (double v : s)
    sum += v;
  return sum;
}

Archive::Archive(std::string dir) : dir_(std::move(dir)) {}

void Archive::store(const std::string &name, const std::string &body) {
  std::string path = dir_ + "/" + name;
  std::FILE *f = std::fopen(path.c_str(), "wb");
  std::fwrite(body.data(), 1, body.size(), f);
  std::fflush(f);
  fsync(fileno(f));
  std::fclose(f);
}
