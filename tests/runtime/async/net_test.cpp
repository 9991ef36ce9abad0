// TCP on the async loop: echo, half-close, peer reset, refused/timeouts, cancellation at each socket await, fd hygiene, 10,000 connections.
#include <dirent.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <string>
#include <system_error>
#include <vector>

#include "boundwise/net.hpp"

extern char** environ;

namespace {

using namespace std::chrono_literals;
using boundwise::CancelledError;
using boundwise::Task;
using boundwise::TimeoutError;
using boundwise::net::TcpListener;
using boundwise::net::TcpStream;

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

std::size_t open_fds() {
  std::size_t n = 0;
  if (DIR* d = ::opendir("/proc/self/fd")) {
    while (::readdir(d) != nullptr) ++n;
    ::closedir(d);
  }
  return n;
}

struct Sentinel {
  bool* flag;
  ~Sentinel() { *flag = true; }
};

// Echoes every byte until the peer half-closes, then closes.
Task<void> echo_connection(TcpStream s) {
  char buf[4096];
  for (;;) {
    std::size_t n = co_await s.read_some(buf, sizeof buf);
    if (n == 0) break;
    co_await s.write_all(buf, n);
  }
}

// Accepts `count` connections and echoes on each, concurrently.
Task<void> echo_server(TcpListener& l, int count) {
  std::vector<boundwise::TaskHandle<void>> hs;
  for (int i = 0; i < count; ++i) hs.push_back(boundwise::spawn(echo_connection(co_await l.accept())));
  for (auto& h : hs) co_await h;
}

TEST(AsyncTcp, EchoRoundTripsManyClients) {
  std::size_t before = open_fds();
  boundwise::run([]() -> Task<void> {
    auto l = TcpListener::bind("127.0.0.1", 0);
    const auto port = l.local_port();
    auto client = [port](int id) -> Task<int> {
      TcpStream s = co_await TcpStream::connect("127.0.0.1", port, 5s);
      std::string total;
      for (int r = 0; r < 20; ++r) {
        std::string msg = "hello " + std::to_string(id) + "/" + std::to_string(r);
        co_await s.write_all(msg);
        std::string back(msg.size(), '\0');
        co_await s.read_exact(back.data(), back.size());
        EXPECT_EQ(back, msg);
      }
      s.shutdown_write();
      char c;
      EXPECT_EQ(co_await s.read_some(&c, 1), 0u);  // the server closed after our EOF
      co_return id;
    };
    std::vector<Task<int>> cs;
    for (int i = 0; i < 50; ++i) cs.push_back(client(i));
    auto [ids, _] = co_await boundwise::gather(boundwise::gather(std::move(cs)), echo_server(l, 50));
    EXPECT_EQ(ids.size(), 50u);
    EXPECT_GT(l.local_port(), 0);
  }());
  EXPECT_EQ(open_fds(), before);
}

TEST(AsyncTcp, LargeWritesAndReadsComplete) {
  boundwise::run([]() -> Task<void> {
    auto l = TcpListener::bind("::1", 0);
    const auto port = l.local_port();
    constexpr std::size_t kSize = 8 << 20;  // far beyond the socket buffers: partial writes
    auto sender = [port]() -> Task<void> {
      TcpStream s = co_await TcpStream::connect("::1", port, 5s);
      std::string data(kSize, '\0');
      for (std::size_t i = 0; i < kSize; ++i) data[i] = static_cast<char>(i * 7);
      co_await s.write_all(data);
      s.shutdown_write();
    };
    auto receiver = [&l]() -> Task<std::size_t> {
      TcpStream s = co_await l.accept();
      EXPECT_EQ(s.peer_endpoint().to_string().rfind("[::1]:", 0), 0u);
      std::string got(kSize, '\0');
      co_await s.read_exact(got.data(), got.size());
      for (std::size_t i = 0; i < kSize; i += 4093) EXPECT_EQ(got[i], static_cast<char>(i * 7));
      char c;
      EXPECT_EQ(co_await s.read_some(&c, 1), 0u);
      co_return got.size();
    };
    auto [a, n] = co_await boundwise::gather(sender(), receiver());
    (void)a;
    EXPECT_EQ(n, kSize);
  }());
}

TEST(AsyncTcp, HalfCloseLetsThePeerStillAnswer) {
  boundwise::run([]() -> Task<void> {
    auto l = TcpListener::bind("127.0.0.1", 0);
    auto server = [&l]() -> Task<void> {
      TcpStream s = co_await l.accept();
      std::string req;
      char buf[64];
      for (std::size_t n; (n = co_await s.read_some(buf, sizeof buf)) > 0;) req.append(buf, n);
      co_await s.write_all("got " + std::to_string(req.size()));  // after the client's FIN
    };
    auto client = [port = l.local_port()]() -> Task<std::string> {
      TcpStream s = co_await TcpStream::connect("127.0.0.1", port);
      co_await s.write_all(std::string_view("abcdef"));
      s.shutdown_write();
      char buf[16];
      std::size_t n = co_await s.read_some(buf, sizeof buf);
      std::string reply(buf, n);
      // read_exact past the end: EndOfStream with the count it did read.
      try {
        co_await s.read_exact(buf, 4);
        ADD_FAILURE() << "expected EndOfStream";
      } catch (const boundwise::net::EndOfStream& e) {
        EXPECT_EQ(e.bytes_read(), 0u);
      }
      co_return reply;
    };
    auto [_, reply] = co_await boundwise::gather(server(), client());
    EXPECT_EQ(reply, "got 6");
  }());
}

TEST(AsyncTcp, PeerResetSurfacesAsSystemError) {
  boundwise::run([]() -> Task<void> {
    auto l = TcpListener::bind("127.0.0.1", 0);
    auto server = [&l]() -> Task<void> {
      TcpStream s = co_await l.accept();
      char buf[8];
      co_await s.read_exact(buf, 4);
      linger lg{1, 0};  // close with RST instead of FIN
      ::setsockopt(s.native_handle(), SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
      s.close();
    };
    auto client = [port = l.local_port()]() -> Task<int> {
      TcpStream s = co_await TcpStream::connect("127.0.0.1", port);
      co_await s.write_all(std::string_view("ping"));
      char buf[8];
      try {
        // Reads see the reset; once the socket is dead, writes fail with EPIPE.
        for (int i = 0; i < 100; ++i) {
          std::size_t n = co_await s.read_some(buf, sizeof buf);
          if (n == 0) co_await s.write_all(std::string_view("x"));
        }
      } catch (const std::system_error& e) {
        co_return e.code().value();
      }
      co_return 0;
    };
    auto [_, err] = co_await boundwise::gather(server(), client());
    EXPECT_TRUE(err == ECONNRESET || err == EPIPE) << err;
  }());
}

TEST(AsyncTcp, ConnectRefusedAndUnresolvable) {
  boundwise::run([]() -> Task<void> {
    std::uint16_t port;
    {
      auto l = TcpListener::bind("127.0.0.1", 0);
      port = l.local_port();
    }  // closed: nobody listens there now
    try {
      (void)co_await TcpStream::connect("127.0.0.1", port, 2s);
      ADD_FAILURE() << "connected to a closed port";
    } catch (const std::system_error& e) {
      EXPECT_EQ(e.code().value(), ECONNREFUSED);
    }
    // Names go through to_thread(getaddrinfo); "localhost" is in /etc/hosts.
    auto eps = co_await boundwise::net::resolve("localhost", 80);
    EXPECT_FALSE(eps.empty());
    EXPECT_EQ(eps.front().port(), 80);
    EXPECT_THROW((void)co_await boundwise::net::resolve("no-such-host.invalid", 80), std::runtime_error);
  }());
}

TEST(AsyncTcp, ConnectTimesOutAgainstAFullBacklog) {
  boundwise::run([]() -> Task<void> {
    // A listener that never accepts, with its queue filled: further SYNs
    // are dropped, so connect hangs until our timeout.
    auto l = TcpListener::bind("127.0.0.1", 0, 0);
    std::vector<TcpStream> filler;
    bool timed_out = false;
    for (int i = 0; i < 16 && !timed_out; ++i) {
      try {
        filler.push_back(co_await TcpStream::connect("127.0.0.1", l.local_port(), 100ms));
      } catch (const TimeoutError&) {
        timed_out = true;
      }
    }
    EXPECT_TRUE(timed_out);
  }());
}

TEST(AsyncTcp, ReadTimeoutLeavesTheStreamUsable) {
  boundwise::run([]() -> Task<void> {
    auto l = TcpListener::bind("127.0.0.1", 0);
    TcpStream c = co_await TcpStream::connect("127.0.0.1", l.local_port());
    TcpStream s = co_await l.accept();
    char buf[8];
    EXPECT_THROW((void)co_await boundwise::wait_for(
                     [](TcpStream& st, char* b) -> Task<std::size_t> { co_return co_await st.read_some(b, 8); }(s, buf),
                     20ms),
                 TimeoutError);
    co_await c.write_all(std::string_view("late"));
    std::size_t n = co_await s.read_some(buf, sizeof buf);
    EXPECT_EQ(std::string(buf, n), "late");
  }());
}

// Cancels `op` once it is parked on a socket and checks CancelledError + RAII.
template <class Op>
void expect_socket_cancellable(Op op) {
  bool unwound = false, raised = false;
  boundwise::run([&]() -> Task<void> {
    auto l = TcpListener::bind("127.0.0.1", 0);
    TcpStream c = co_await TcpStream::connect("127.0.0.1", l.local_port());
    TcpStream s = co_await l.accept();
    auto wrapper = [&]() -> Task<void> {
      Sentinel g{&unwound};
      try {
        co_await op(l, c, s);
      } catch (const CancelledError&) {
        raised = true;
        throw;
      }
    };
    auto h = boundwise::spawn(wrapper());
    co_await boundwise::sleep_for(10ms);
    EXPECT_FALSE(h.done());
    h.cancel();
    EXPECT_THROW(co_await h, CancelledError);
    // The streams still work after a cancelled op (this direction is never
    // the one left full by the cancelled write).
    co_await s.write_all(std::string_view("z"));
    char b;
    EXPECT_EQ(co_await c.read_some(&b, 1), 1u);
  }());
  EXPECT_TRUE(raised);
  EXPECT_TRUE(unwound);
}

TEST(AsyncTcp, CancellationAtEverySocketAwait) {
  std::size_t before = open_fds();
  expect_socket_cancellable([](TcpListener& l, TcpStream&, TcpStream&) -> Task<void> {
    (void)co_await l.accept();
  });
  expect_socket_cancellable([](TcpListener&, TcpStream&, TcpStream& s) -> Task<void> {
    char b[4];
    (void)co_await s.read_some(b, 4);
  });
  expect_socket_cancellable([](TcpListener&, TcpStream& c, TcpStream& s) -> Task<void> {
    co_await c.write_all(std::string_view("ab"));
    char b[4];
    co_await s.read_exact(b, 4);  // has 2 of 4
  });
  expect_socket_cancellable([](TcpListener&, TcpStream& c, TcpStream&) -> Task<void> {
    std::string big(64 << 20, 'x');  // nobody reads: blocks once the buffers fill
    co_await c.write_all(big);
  });
  expect_socket_cancellable([](TcpListener&, TcpStream&, TcpStream&) -> Task<void> {
    auto l0 = TcpListener::bind("127.0.0.1", 0, 0);
    std::vector<TcpStream> filler;
    for (int i = 0; i < 16; ++i) filler.push_back(co_await TcpStream::connect("127.0.0.1", l0.local_port()));
  });
  EXPECT_EQ(open_fds(), before);
}

TEST(AsyncTcp, CloseFailsAnOperationInFlight) {
  boundwise::run([]() -> Task<void> {
    auto l = TcpListener::bind("127.0.0.1", 0);
    TcpStream c = co_await TcpStream::connect("127.0.0.1", l.local_port());
    TcpStream s = co_await l.accept();
    auto reader = [&s]() -> Task<int> {
      char b[4];
      try {
        (void)co_await s.read_some(b, 4);
      } catch (const std::system_error& e) {
        co_return e.code().value();
      }
      co_return 0;
    };
    auto h = boundwise::spawn(reader());
    co_await boundwise::sleep_for(2ms);
    s.close();
    EXPECT_EQ(co_await h, ECANCELED);
    char b;
    EXPECT_THROW((void)co_await s.read_some(&b, 1), std::system_error);  // EBADF
  }());
}

// ---- 10,000 connections ----
// The clients live here, the server in a child process (this same binary
// running only EchoChild), so each side needs ~N fds, not 2N.

TEST(AsyncTcpHelper, EchoChild) {
  const char* n = std::getenv("BOUNDWISE_ECHO_CHILD");
  if (n == nullptr) GTEST_SKIP() << "only runs as the child of ManyConnections";
  rlimit rl{};
  ::getrlimit(RLIMIT_NOFILE, &rl);
  rl.rlim_cur = rl.rlim_max;
  ::setrlimit(RLIMIT_NOFILE, &rl);
  const int count = std::atoi(n);
  boundwise::run([count]() -> Task<void> {
    auto l = TcpListener::bind("127.0.0.1", 0, 4096);
    std::string port = std::to_string(l.local_port()) + "\n";
    [[maybe_unused]] auto w = ::write(3, port.data(), port.size());  // the parent's pipe
    ::close(3);
    co_await boundwise::wait_for(echo_server(l, count), 50s);  // never outlives the test
  }());
  std::_Exit(0);  // skip gtest's output: the parent reads our stdout
}

TEST(AsyncTcp, ManyConnections) {
  const int kConns = kSanitized ? 2000 : 10000;
  rlimit rl{};
  ASSERT_EQ(::getrlimit(RLIMIT_NOFILE, &rl), 0);
  if (rl.rlim_max < static_cast<rlim_t>(kConns + 200)) GTEST_SKIP() << "fd hard limit too low";
  rlimit raised = rl;
  raised.rlim_cur = rl.rlim_max;
  ASSERT_EQ(::setrlimit(RLIMIT_NOFILE, &raised), 0);

  int out[2];
  ASSERT_EQ(::pipe(out), 0);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  if (out[0] != 3) posix_spawn_file_actions_addclose(&fa, out[0]);  // before the dup2: out[0] may be 3
  posix_spawn_file_actions_adddup2(&fa, out[1], 3);
  posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);  // gtest's chatter
  std::string env_n = "BOUNDWISE_ECHO_CHILD=" + std::to_string(kConns);
  std::vector<char*> env;
  for (char** e = environ; *e != nullptr; ++e) env.push_back(*e);
  env.push_back(env_n.data());
  env.push_back(nullptr);
  char arg0[] = "runtime_async_tests";
  char arg1[] = "--gtest_filter=AsyncTcpHelper.EchoChild";
  char* argv[] = {arg0, arg1, nullptr};
  pid_t pid = -1;
  ASSERT_EQ(::posix_spawn(&pid, "/proc/self/exe", &fa, nullptr, argv, env.data()), 0);
  posix_spawn_file_actions_destroy(&fa);
  ::close(out[1]);
  std::string line;
  char ch;
  while (::read(out[0], &ch, 1) == 1 && ch != '\n') line += ch;
  ::close(out[0]);
  ASSERT_FALSE(line.empty()) << "child gave no port";
  const auto port = static_cast<std::uint16_t>(std::stoi(line));

  std::size_t before = open_fds();
  int echoed = boundwise::run([&]() -> Task<int> {
    std::vector<TcpStream> streams;
    streams.reserve(kConns);
    boundwise::Semaphore connecting(512);  // stay under the listen backlog
    auto open_one = [&]() -> Task<TcpStream> {
      auto g = co_await connecting.lock();
      co_return co_await TcpStream::connect("127.0.0.1", port, 20s);
    };
    std::vector<Task<TcpStream>> opens;
    for (int i = 0; i < kConns; ++i) opens.push_back(open_one());
    streams = co_await boundwise::gather(std::move(opens));
    // All kConns are open at once here.
    EXPECT_GE(open_fds(), before + kConns);
    auto ping = [](TcpStream& s, int i) -> Task<int> {
      std::string msg = std::to_string(i);
      msg.resize(8, '.');
      co_await s.write_all(msg);
      char back[8];
      co_await s.read_exact(back, 8);
      co_return std::string(back, 8) == msg ? 1 : 0;
    };
    std::vector<Task<int>> pings;
    for (int i = 0; i < kConns; ++i) pings.push_back(ping(streams[i], i));
    auto oks = co_await boundwise::wait_for(boundwise::gather(std::move(pings)), 40s);
    int ok = 0;
    for (int v : oks) ok += v;
    streams.clear();  // EOF to the child's echo loops
    co_return ok;
  }());
  EXPECT_EQ(echoed, kConns);
  EXPECT_EQ(open_fds(), before);
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  ::setrlimit(RLIMIT_NOFILE, &rl);
}

}  // namespace
