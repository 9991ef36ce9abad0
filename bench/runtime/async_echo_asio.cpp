// Echo server on Boost.Asio with C++20 coroutines (co_spawn/use_awaitable, one thread), for async_bench.py.
#include <utility>  // Boost 1.74 awaitable.hpp uses std::exchange without including it

#include <boost/asio.hpp>
#include <cstdio>
#include <cstdlib>

namespace asio = boost::asio;
using asio::awaitable;
using asio::use_awaitable;
using asio::ip::tcp;

namespace {

awaitable<void> serve(tcp::socket s) {
  char buf[4096];
  try {
    for (;;) {
      std::size_t n = co_await s.async_read_some(asio::buffer(buf), use_awaitable);
      co_await asio::async_write(s, asio::buffer(buf, n), use_awaitable);
    }
  } catch (const std::exception&) {  // EOF or reset ends the connection
  }
}

awaitable<void> accept_loop(tcp::acceptor& a) {
  for (;;) {
    tcp::socket s = co_await a.async_accept(use_awaitable);
    s.set_option(tcp::no_delay(true));
    asio::co_spawn(a.get_executor(), serve(std::move(s)), asio::detached);
  }
}

}  // namespace

int main(int argc, char** argv) {
  int port = argc > 1 ? std::atoi(argv[1]) : 0;
  int seconds = argc > 2 ? std::atoi(argv[2]) : 60;
  asio::io_context ctx(1);  // concurrency hint 1: single-threaded, no locking
  tcp::acceptor a(ctx, tcp::endpoint(asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port)));
  a.listen(4096);
  std::printf("%d\n", a.local_endpoint().port());
  std::fflush(stdout);
  asio::co_spawn(ctx, accept_loop(a), asio::detached);
  asio::steady_timer stop(ctx, std::chrono::seconds(seconds));  // stops by itself
  stop.async_wait([&](auto) { ctx.stop(); });
  ctx.run();
}
