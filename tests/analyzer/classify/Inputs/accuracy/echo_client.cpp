// Sends 300 small requests to a service on 127.0.0.1 one after another and
// waits for each reply.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

static int dial(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<unsigned short>(port));
  inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  if (connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
    perror("connect");
    std::exit(1);
  }
  return fd;
}

static std::string call(int fd, const std::string &request) {
  std::string line = request + "\n";
  send(fd, line.data(), line.size(), 0);
  std::string reply;
  char c;
  while (recv(fd, &c, 1, 0) == 1 && c != '\n')
    reply += c;
  return reply;
}

int main(int argc, char **argv) {
  int port = argc > 1 ? std::atoi(argv[1]) : 5555;
  int fd = dial(port);
  size_t total = 0;
  for (int i = 0; i < 300; ++i)
    total += call(fd, "GET item-" + std::to_string(i)).size();
  close(fd);
  std::printf("%zu\n", total);
  return 0;
}
