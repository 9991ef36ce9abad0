// "Fetch 100 URLs" from a loopback HTTP server that answers after 50 ms: sequential vs ThreadPool(20) vs async.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "boundwise/async.hpp"
#include "boundwise/net.hpp"
#if __has_include("boundwise/http.hpp") && defined(BOUNDWISE_HAVE_CURL)
#include "boundwise/http.hpp"
#define FETCH_WITH_CURL 1
#endif

using namespace std::chrono_literals;
using boundwise::Task;
using boundwise::net::TcpListener;
using boundwise::net::TcpStream;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kUrls = 100;
constexpr auto kDelay = 50ms;
const std::string kBody = "hello, world\n";

// The slow server: reads a request, waits 50 ms, answers, closes.
Task<void> slow_answer(TcpStream s) {
  std::string req;
  char buf[1024];
  try {
    while (req.find("\r\n\r\n") == std::string::npos) {
      std::size_t n = co_await s.read_some(buf, sizeof buf);
      if (n == 0) co_return;
      req.append(buf, n);
    }
    co_await boundwise::sleep_for(kDelay);
    co_await s.write_all("HTTP/1.1 200 OK\r\nContent-Length: " + std::to_string(kBody.size()) +
                         "\r\nConnection: close\r\n\r\n" + kBody);
  } catch (const std::system_error&) {
  }
}

Task<void> serve(TcpListener& l, boundwise::Event& stop) {
  auto accept_loop = [&]() -> Task<void> {
    for (;;) boundwise::spawn(slow_answer(co_await l.accept())).detach();
  };
  auto h = boundwise::spawn(accept_loop());
  co_await stop.wait();
  h.cancel();
}

std::string request(int i) {
  return "GET /item/" + std::to_string(i) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
}

// Blocking client: what sequential code and ThreadPool workers do.
std::size_t blocking_get(std::uint16_t port, int i) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(port);
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    ::close(fd);
    return 0;
  }
  std::string req = request(i);
  [[maybe_unused]] auto w = ::send(fd, req.data(), req.size(), MSG_NOSIGNAL);
  std::string resp;
  char buf[1024];
  for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;) resp.append(buf, static_cast<std::size_t>(n));
  ::close(fd);
  return resp.size();
}

Task<std::size_t> async_get(std::uint16_t port, int i) {
  TcpStream s = co_await TcpStream::connect("127.0.0.1", port, 5s);
  co_await s.write_all(request(i));
  std::string resp;
  char buf[1024];
  for (std::size_t n; (n = co_await s.read_some(buf, sizeof buf)) > 0;) resp.append(buf, n);
  co_return resp.size();
}

double secs(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

}  // namespace

int main() {
  boundwise::Loop* server_loop = nullptr;
  boundwise::Event* stop = nullptr;
  std::uint16_t port = 0;
  std::atomic<bool> ready{false};
  std::thread server([&] {
    boundwise::Loop loop;
    boundwise::Event ev;
    loop.run([&]() -> Task<void> {
      auto l = TcpListener::bind("127.0.0.1", 0, 4096);
      port = l.local_port();
      server_loop = &loop;
      stop = &ev;
      ready = true;
      co_await boundwise::wait_for(serve(l, ev), 120s);  // stops by itself
    }());
  });
  while (!ready) std::this_thread::sleep_for(1ms);

  std::printf("fetch %d URLs from a loopback server that answers after %lld ms\n", kUrls,
              static_cast<long long>(kDelay.count()));
  auto t0 = Clock::now();
  std::size_t bytes = 0;
  for (int i = 0; i < kUrls; ++i) bytes += blocking_get(port, i);
  double seq = secs(Clock::now() - t0);

  t0 = Clock::now();
  std::vector<int> ids(kUrls);
  for (int i = 0; i < kUrls; ++i) ids[i] = i;
  {
    boundwise::ThreadPool pool(20);
    auto sizes = pool.map([port](int i) { return blocking_get(port, i); }, ids, 1);  // one URL per task
    for (auto s : sizes) bytes += s;
  }
  double pooled = secs(Clock::now() - t0);

  t0 = Clock::now();
  auto got = boundwise::run([port]() -> Task<std::vector<std::size_t>> {
    std::vector<Task<std::size_t>> ts;
    for (int i = 0; i < kUrls; ++i) ts.push_back(async_get(port, i));
    co_return co_await boundwise::gather(std::move(ts));
  }());
  double async_s = secs(Clock::now() - t0);
  for (auto s : got) bytes += s;

  std::printf("  %-26s %8.3f s\n", "sequential", seq);
  std::printf("  %-26s %8.3f s   %5.1fx vs sequential\n", "ThreadPool(20)", pooled, seq / pooled);
  std::printf("  %-26s %8.3f s   %5.1fx vs sequential, %4.1fx vs ThreadPool(20)\n", "async (TcpStream)", async_s,
              seq / async_s, pooled / async_s);
#ifdef FETCH_WITH_CURL
  t0 = Clock::now();
  auto curl_got = boundwise::run([port]() -> Task<std::size_t> {
    std::vector<Task<boundwise::http::Response>> ts;
    for (int i = 0; i < kUrls; ++i)
      ts.push_back(boundwise::http::get("http://127.0.0.1:" + std::to_string(port) + "/item/" + std::to_string(i)));
    auto rs = co_await boundwise::gather(std::move(ts));
    std::size_t n = 0;
    for (auto& r : rs) n += r.body.size();
    co_return n;
  }());
  double curl_s = secs(Clock::now() - t0);
  std::printf("  %-26s %8.3f s   %5.1fx vs sequential, %4.1fx vs ThreadPool(20)\n", "async (http::get, libcurl)",
              curl_s, seq / curl_s, pooled / curl_s);
  bytes += curl_got;
#endif
  if (bytes == 0) std::printf("no bytes fetched?\n");
  server_loop->post([stop] { stop->set(); });
  server.join();
}
