// boundwise::http against a loopback HTTP server the test runs on the same loop: status, body, POST, errors, timeouts, cancellation, concurrency.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "boundwise/http.hpp"
#include "boundwise/net.hpp"

namespace {

using namespace std::chrono_literals;
using boundwise::Task;
using boundwise::net::TcpListener;
using boundwise::net::TcpStream;

// A tiny HTTP/1.1 server: "/slow" answers after 300 ms, "/missing" is 404,
// POST echoes its body; every response closes the connection.
Task<void> answer(TcpStream s) {
  std::string req;
  char buf[2048];
  try {
    std::size_t head_end;
    while ((head_end = req.find("\r\n\r\n")) == std::string::npos) {
      std::size_t n = co_await s.read_some(buf, sizeof buf);
      if (n == 0) co_return;
      req.append(buf, n);
    }
    std::size_t want = 0;
    if (auto p = req.find("Content-Length: "); p != std::string::npos) want = std::stoul(req.substr(p + 16));
    while (req.size() < head_end + 4 + want) {
      std::size_t n = co_await s.read_some(buf, sizeof buf);
      if (n == 0) co_return;
      req.append(buf, n);
    }
    std::string body = "hello";
    std::string status = "200 OK";
    if (req.rfind("POST", 0) == 0) body = "got:" + req.substr(head_end + 4);
    if (req.find(" /slow ") != std::string::npos) co_await boundwise::sleep_for(300ms);
    if (req.find(" /missing ") != std::string::npos) status = "404 Not Found";
    co_await s.write_all("HTTP/1.1 " + status + "\r\nContent-Length: " + std::to_string(body.size()) +
                         "\r\nConnection: close\r\n\r\n" + body);
  } catch (const std::system_error&) {  // the client gave up
  }
}

// Runs `body(base_url)` with the server up; the server stops with it.
template <class Body>
void with_server(Body body) {
  boundwise::run([&]() -> Task<void> {
    auto l = TcpListener::bind("127.0.0.1", 0);
    auto accept_loop = [&]() -> Task<void> {
      for (;;) boundwise::spawn(answer(co_await l.accept())).detach();
    };
    auto server = boundwise::spawn(accept_loop());
    co_await body("http://127.0.0.1:" + std::to_string(l.local_port()));
    server.cancel();
  }());
}

TEST(AsyncHttp, GetPostAndStatus) {
  if (!boundwise::http::available()) GTEST_SKIP() << "built without libcurl";
  with_server([](std::string base) -> Task<void> {
    auto r = co_await boundwise::http::get(base + "/");
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.body, "hello");
    EXPECT_NE(r.headers.find("Content-Length: 5"), std::string::npos);
    auto m = co_await boundwise::http::get(base + "/missing");
    EXPECT_EQ(m.status, 404);  // an HTTP status is a response, not an exception
    auto p = co_await boundwise::http::post(base + "/echo", "a=1&b=2");
    EXPECT_EQ(p.body, "got:a=1&b=2");
  });
}

TEST(AsyncHttp, HundredConcurrentRequestsOverlap) {
  if (!boundwise::http::available()) GTEST_SKIP() << "built without libcurl";
  with_server([](std::string base) -> Task<void> {
    auto t0 = std::chrono::steady_clock::now();
    std::vector<Task<boundwise::http::Response>> ts;
    for (int i = 0; i < 100; ++i) ts.push_back(boundwise::http::get(base + "/slow"));
    auto rs = co_await boundwise::gather(std::move(ts));
    for (auto& r : rs) EXPECT_EQ(r.body, "hello");
    EXPECT_LT(std::chrono::steady_clock::now() - t0, 5s);  // sequential would be 30 s
  });
}

TEST(AsyncHttp, ErrorsTimeoutsAndCancellation) {
  if (!boundwise::http::available()) GTEST_SKIP() << "built without libcurl";
  with_server([](std::string base) -> Task<void> {
    boundwise::http::Options quick;
    quick.timeout = 50ms;
    EXPECT_THROW((void)co_await boundwise::http::get(base + "/slow", quick), boundwise::http::HttpError);
    EXPECT_THROW((void)co_await boundwise::wait_for(boundwise::http::get(base + "/slow"), 30ms),
                 boundwise::TimeoutError);
    std::uint16_t dead_port;
    {
      auto l = TcpListener::bind("127.0.0.1", 0);
      dead_port = l.local_port();
    }
    EXPECT_THROW((void)co_await boundwise::http::get("http://127.0.0.1:" + std::to_string(dead_port) + "/"),
                 boundwise::http::HttpError);
    // Still usable after all that.
    EXPECT_EQ((co_await boundwise::http::get(base + "/")).status, 200);
  });
}

}  // namespace
