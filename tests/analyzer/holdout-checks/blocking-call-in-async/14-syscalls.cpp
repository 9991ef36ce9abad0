// CHECK: boundwise-blocking-call-in-async
// Blocking system calls (accept, poll, select, recvfrom, getaddrinfo) in a
// coroutine. Non-blocking bookkeeping calls are fine.
#include <boundwise/async.hpp>

#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>
#include <vector>

boundwise::Task<int> accept_one(int listener) {
  int c = accept(listener, nullptr, nullptr);  // WARN
  co_return c;
}

boundwise::Task<int> wait_readable(int fd) {
  pollfd p{fd, POLLIN, 0};
  int rc = poll(&p, 1, 1000);  // WARN
  co_return rc;
}

boundwise::Task<int> wait_select(int fd) {
  fd_set set;
  FD_ZERO(&set);
  FD_SET(fd, &set);
  int rc = select(fd + 1, &set, nullptr, nullptr, nullptr);  // WARN
  co_return rc;
}

boundwise::Task<std::string> udp_datagram(int sock) {
  char buf[1500];
  sockaddr_storage from{};
  socklen_t len = sizeof from;
  ssize_t n = recvfrom(sock, buf, sizeof buf, 0, reinterpret_cast<sockaddr *>(&from), &len);  // WARN
  co_return std::string(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
}

boundwise::Task<int> resolve_blocking(std::string host) {
  addrinfo *res = nullptr;
  int rc = getaddrinfo(host.c_str(), "443", nullptr, &res);  // WARN
  if (rc == 0) freeaddrinfo(res);
  co_return rc;
}

boundwise::Task<int> bookkeeping(int fd) {
  int flags = 0;
  std::vector<int> fds{fd};
  int port = htons(80);
  int pid = getpid();
  co_return flags + static_cast<int>(fds.size()) + pid + port;
}

boundwise::Task<int> resolve_offloaded(std::string host) {
  int rc = co_await boundwise::to_thread([](std::string h) {
    addrinfo *res = nullptr;
    int r = getaddrinfo(h.c_str(), "443", nullptr, &res);
    if (r == 0) freeaddrinfo(res);
    return r;
  }, host);
  co_return rc;
}

int main() {
  int l = socket(AF_INET, SOCK_STREAM, 0);
  return boundwise::run(accept_one(l)) + boundwise::run(wait_readable(0)) + boundwise::run(wait_select(0)) +
         static_cast<int>(boundwise::run(udp_datagram(l)).size()) + boundwise::run(resolve_blocking("example.com")) +
         boundwise::run(bookkeeping(0)) + boundwise::run(resolve_offloaded("example.com"));
}
