// Echo server on boundwise's async executor, for async_bench.py (argv: port seconds).
#include <cstdio>
#include <cstdlib>
#include <exception>

#include "boundwise/net.hpp"

using boundwise::Task;
using boundwise::net::TcpListener;
using boundwise::net::TcpStream;

namespace {

Task<void> serve(TcpStream s) {
  char buf[4096];
  try {
    for (;;) {
      std::size_t n = co_await s.read_some(buf, sizeof buf);
      if (n == 0) break;
      co_await s.write_all(buf, n);
    }
  } catch (const std::system_error&) {  // a client reset: just drop the connection
  }
}

Task<void> accept_loop(TcpListener& l) {
  for (;;) boundwise::spawn(serve(co_await l.accept())).detach();
}

Task<void> serve_for(int port, int seconds) {
  auto l = TcpListener::bind("127.0.0.1", static_cast<std::uint16_t>(port), 4096);
  std::printf("%d\n", l.local_port());
  std::fflush(stdout);
  try {
    co_await boundwise::wait_for(accept_loop(l), std::chrono::seconds(seconds));  // stops by itself
  } catch (const boundwise::TimeoutError&) {
  }
}

}  // namespace

int main(int argc, char** argv) {
  int port = argc > 1 ? std::atoi(argv[1]) : 0;
  int seconds = argc > 2 ? std::atoi(argv[2]) : 60;
  boundwise::run(serve_for(port, seconds));
}
