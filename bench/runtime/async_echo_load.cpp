// Echo load generator shared by every server in async_bench.py: N connections, one 32-byte message in flight each, raw epoll.
//   async_echo_load PORT CONNECTIONS SECONDS  ->  "rps=... p50_us=... p99_us=... errors=..."
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
constexpr int kMsg = 32;

struct Conn {
  int fd = -1;
  bool connected = false;
  int got = 0;
  Clock::time_point sent_at;
};

bool send_msg(Conn& c) {
  char msg[kMsg];
  std::memset(msg, 'x', sizeof msg);
  c.sent_at = Clock::now();
  c.got = 0;
  // 32 bytes into an empty socket buffer: a short write does not happen here.
  return ::send(c.fd, msg, sizeof msg, MSG_NOSIGNAL) == kMsg;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: %s PORT CONNECTIONS SECONDS\n", argv[0]);
    return 2;
  }
  const int port = std::atoi(argv[1]);
  const int n = std::atoi(argv[2]);
  const double seconds = std::atof(argv[3]);
  rlimit rl{};
  ::getrlimit(RLIMIT_NOFILE, &rl);
  rl.rlim_cur = rl.rlim_max;
  ::setrlimit(RLIMIT_NOFILE, &rl);

  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int ep = ::epoll_create1(0);
  std::vector<Conn> conns(n);
  std::vector<epoll_event> evs(1024);
  long errors = 0;

  // Connect in waves below the server's backlog, so no SYN is dropped and retried.
  int next = 0, pending = 0, up = 0;
  while (up < n) {
    while (next < n && pending < 256) {
      Conn& c = conns[next];
      c.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
      if (c.fd < 0) {
        std::perror("socket");
        return 1;
      }
      int one = 1;
      ::setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      if (::connect(c.fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 && errno != EINPROGRESS) {
        std::perror("connect");
        return 1;
      }
      epoll_event ev{};
      ev.events = EPOLLOUT;
      ev.data.u32 = static_cast<std::uint32_t>(next);
      ::epoll_ctl(ep, EPOLL_CTL_ADD, c.fd, &ev);
      ++next;
      ++pending;
    }
    int k = ::epoll_wait(ep, evs.data(), static_cast<int>(evs.size()), 5000);
    if (k <= 0) {
      std::fprintf(stderr, "connect stalled at %d/%d\n", up, n);
      return 1;
    }
    for (int i = 0; i < k; ++i) {
      Conn& c = conns[evs[i].data.u32];
      int err = 0;
      socklen_t len = sizeof err;
      ::getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &err, &len);
      if (err != 0) {
        std::fprintf(stderr, "connect: %s\n", std::strerror(err));
        return 1;
      }
      epoll_event ev{};
      ev.events = EPOLLIN;
      ev.data.u32 = evs[i].data.u32;
      ::epoll_ctl(ep, EPOLL_CTL_MOD, c.fd, &ev);
      c.connected = true;
      --pending;
      ++up;
    }
  }

  std::vector<std::uint32_t> lat_us;
  lat_us.reserve(1 << 22);
  const auto start = Clock::now();
  const auto warm = start + std::chrono::milliseconds(500);  // connections settle first
  const auto end = warm + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  long done = 0;
  for (auto& c : conns)
    if (!send_msg(c)) ++errors;
  char buf[4096];
  for (;;) {
    auto now = Clock::now();
    if (now >= end) break;
    int k = ::epoll_wait(ep, evs.data(), static_cast<int>(evs.size()), 100);
    for (int i = 0; i < k; ++i) {
      Conn& c = conns[evs[i].data.u32];
      ssize_t r = ::recv(c.fd, buf, sizeof buf, 0);
      if (r <= 0) {
        if (r < 0 && errno == EAGAIN) continue;
        ++errors;
        ::epoll_ctl(ep, EPOLL_CTL_DEL, c.fd, nullptr);
        continue;
      }
      c.got += static_cast<int>(r);
      if (c.got < kMsg) continue;
      auto t = Clock::now();
      if (c.sent_at >= warm) {
        ++done;
        lat_us.push_back(static_cast<std::uint32_t>(
            std::chrono::duration_cast<std::chrono::microseconds>(t - c.sent_at).count()));
      }
      if (!send_msg(c)) ++errors;
    }
  }
  double secs = std::chrono::duration<double>(Clock::now() - warm).count();
  std::sort(lat_us.begin(), lat_us.end());
  auto pct = [&](double p) -> unsigned {
    return lat_us.empty() ? 0u : lat_us[std::min(lat_us.size() - 1, static_cast<std::size_t>(p * lat_us.size()))];
  };
  std::printf("rps=%.0f p50_us=%u p99_us=%u errors=%ld\n", done / secs, pct(0.50), pct(0.99), errors);
  for (auto& c : conns) ::close(c.fd);
  return 0;
}
