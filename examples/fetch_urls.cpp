// Fetches a list of pages one after another with blocking sockets: the
// classic I/O-bound loop that spends its time waiting on the network.
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

static int connect_to(const std::string &host, const std::string &port) {
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  addrinfo *found = nullptr;
  if (getaddrinfo(host.c_str(), port.c_str(), &hints, &found) != 0)
    return -1;
  int fd = socket(found->ai_family, found->ai_socktype, found->ai_protocol);
  if (fd >= 0 && connect(fd, found->ai_addr, found->ai_addrlen) != 0) {
    close(fd);
    fd = -1;
  }
  freeaddrinfo(found);
  return fd;
}

std::string fetch(const std::string &host, const std::string &path) {
  int fd = connect_to(host, "80");
  if (fd < 0)
    return {};
  std::string request = "GET " + path + " HTTP/1.0\r\nHost: " + host + "\r\n\r\n";
  send(fd, request.data(), request.size(), 0);
  std::string body;
  char buffer[4096];
  ssize_t n;
  while ((n = recv(fd, buffer, sizeof buffer, 0)) > 0)
    body.append(buffer, n);
  close(fd);
  return body;
}

int main() {
  std::vector<std::string> paths;
  for (int i = 0; i < 100; ++i)
    paths.push_back("/item/" + std::to_string(i));
  size_t total = 0;
  for (const auto &path : paths)
    total += fetch("localhost", path).size();
  std::printf("%zu bytes\n", total);
}
