// CHECK: boundwise-blocking-call-in-async
// Blocking socket calls in a coroutine versus the loop's own TcpStream.
#include <boundwise/async.hpp>
#include <boundwise/net.hpp>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>

using boundwise::Task;
using boundwise::net::TcpListener;
using boundwise::net::TcpStream;

Task<std::string> read_banner_blocking(int s, int port) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<unsigned short>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  connect(s, reinterpret_cast<sockaddr *>(&addr), sizeof addr);  // WARN
  char buf[256];
  ssize_t n = recv(s, buf, sizeof buf, 0);  // WARN
  send(s, "bye\n", 4, 0);  // WARN
  co_return std::string(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
}

Task<std::size_t> drain_fd(int fd) {
  char buf[4096];
  std::size_t total = 0;
  for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0;) total += static_cast<std::size_t>(n);  // WARN
  co_return total;
}

Task<std::string> read_banner(std::string host, std::uint16_t port) {
  TcpStream s = co_await TcpStream::connect(host, port);
  char buf[256];
  std::size_t n = co_await s.read_some(buf, sizeof buf);
  co_await s.write_all("bye\n");
  co_return std::string(buf, n);
}

Task<void> echo(TcpStream s) {
  char buf[4096];
  for (std::size_t n; (n = co_await s.read_some(buf, sizeof buf)) > 0;) co_await s.write_all(buf, n);
}

Task<void> serve() {
  auto l = TcpListener::bind("127.0.0.1", 8080);
  for (;;) boundwise::spawn(echo(co_await l.accept())).detach();
}

int main() {
  boundwise::run(read_banner("127.0.0.1", 22));
  boundwise::run(read_banner_blocking(socket(AF_INET, SOCK_STREAM, 0), 22));
  boundwise::run(drain_fd(0));
  boundwise::run(serve());
}
