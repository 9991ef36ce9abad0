// TCP for the async executor: TcpListener and TcpStream on non-blocking sockets, resolve() through to_thread(getaddrinfo).
//
//   auto listener = boundwise::net::TcpListener::bind("127.0.0.1", 0);
//   boundwise::net::TcpStream s = co_await listener.accept();
//   std::size_t n = co_await s.read_some(buf, sizeof buf);   // 0 = peer closed
//   co_await s.write_all(buf, n);
//
// A stream belongs to the loop of the thread that made it. One read and one
// write may be in flight at a time (as with Asio); errors are
// std::system_error with the errno; cancellation raises CancelledError.
#pragma once

#include <sys/socket.h>

#include <cerrno>
#include <chrono>
#include <coroutine>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "boundwise/async.hpp"

namespace boundwise::net {

// read_exact hit end of stream first (Python: asyncio.IncompleteReadError).
class EndOfStream : public std::runtime_error {
 public:
  explicit EndOfStream(std::size_t got)
      : std::runtime_error("boundwise: connection closed before read_exact finished"), got_(got) {}
  std::size_t bytes_read() const noexcept { return got_; }

 private:
  std::size_t got_;
};

// A resolved address.
struct Endpoint {
  sockaddr_storage addr{};
  socklen_t len = 0;
  std::string to_string() const;  // "127.0.0.1:8080", "[::1]:8080"
  std::uint16_t port() const noexcept;
};

// Python: loop.getaddrinfo. Numeric hosts resolve inline; names go through
// to_thread(getaddrinfo) so DNS never blocks the loop.
Task<std::vector<Endpoint>> resolve(std::string host, std::uint16_t port);

namespace detail {

using boundwise::detail::AsyncNode;
using boundwise::detail::CancelHook;
using boundwise::detail::IoHandle;
using boundwise::detail::IoOp;

// Shared mechanics of one socket operation: try the syscall at once when the
// socket is believed ready, else park in the handle's read or write slot
// until the poller completes it; the cancel hook unparks it.
struct IoAwaiter : IoOp, CancelHook {
  IoHandle* io;
  bool write_side;
  bool aborted = false;

  IoAwaiter(IoHandle* h, bool w, bool (*fn)(IoOp*) noexcept) noexcept : io(h), write_side(w) {
    attempt = fn;
    abort = &on_abort;
  }
  IoAwaiter(const IoAwaiter&) = delete;
  ~IoAwaiter() {
    if (pending) slot() = nullptr;  // frame destroyed while parked
  }
  IoOp*& slot() const noexcept { return write_side ? io->writer : io->reader; }

  bool await_ready() const noexcept { return false; }
  template <class P>
  bool await_suspend(std::coroutine_handle<P> h) {
    node = h.promise().node;
    if (node->cancel_pending()) {
      aborted = true;
      return false;
    }
    if (io == nullptr || io->fd < 0 || !io->registered) {
      error = EBADF;
      return false;
    }
    if (slot() != nullptr) {
      error = EBUSY;  // a second concurrent read (or write) on one stream
      return false;
    }
    if ((write_side ? io->writable : io->readable) && attempt(this)) return false;
    waiter = h;
    pending = true;
    slot() = this;
    node->set_hook(this);
    return true;
  }
  static void on_abort(CancelHook* c) noexcept {
    auto* a = static_cast<IoAwaiter*>(c);
    a->slot() = nullptr;
    a->pending = false;
    a->aborted = true;
    a->node->loop()->schedule(a->waiter);
  }
  void check() {
    if (aborted) {
      node->consume_cancel();
      throw CancelledError("boundwise: the task was cancelled");
    }
    if (error != 0) throw std::system_error(error, std::generic_category(), "boundwise::net");
  }
};

struct ReadSome : IoAwaiter {
  char* buf;
  std::size_t len;
  std::size_t got = 0;
  ReadSome(IoHandle* h, void* b, std::size_t n) noexcept
      : IoAwaiter(h, false, &run), buf(static_cast<char*>(b)), len(n) {}
  static bool run(IoOp* op) noexcept;
  std::size_t await_resume() {
    check();
    return got;
  }
};

struct ReadExact : IoAwaiter {
  char* buf;
  std::size_t len;
  std::size_t got = 0;
  bool eof = false;
  ReadExact(IoHandle* h, void* b, std::size_t n) noexcept
      : IoAwaiter(h, false, &run), buf(static_cast<char*>(b)), len(n) {}
  static bool run(IoOp* op) noexcept;
  void await_resume() {
    check();
    if (eof) throw EndOfStream(got);
  }
};

struct WriteAll : IoAwaiter {
  const char* buf;
  std::size_t len;
  std::size_t sent = 0;
  WriteAll(IoHandle* h, const void* b, std::size_t n) noexcept
      : IoAwaiter(h, true, &run), buf(static_cast<const char*>(b)), len(n) {}
  static bool run(IoOp* op) noexcept;
  void await_resume() { check(); }
};

struct Accept : IoAwaiter {
  int fd = -1;
  explicit Accept(IoHandle* h) noexcept : IoAwaiter(h, false, &run) {}
  static bool run(IoOp* op) noexcept;
  int await_resume() {
    check();
    return fd;
  }
};

// Waits for a non-blocking connect() to finish; the result is SO_ERROR.
struct ConnectWait : IoAwaiter {
  explicit ConnectWait(IoHandle* h) noexcept : IoAwaiter(h, true, &run) { h->writable = false; }
  static bool run(IoOp* op) noexcept;
  void await_resume() { check(); }
};

}  // namespace detail

class TcpListener;

class TcpStream {
 public:
  TcpStream() = default;
  // Adopts a connected socket (made non-blocking here) on the current loop.
  explicit TcpStream(int fd);
  TcpStream(TcpStream&&) noexcept = default;
  TcpStream& operator=(TcpStream&& o) noexcept {
    if (this != &o) {
      close();
      io_ = std::move(o.io_);
    }
    return *this;
  }
  ~TcpStream() { close(); }

  // Python: asyncio.open_connection. Tries each resolved address in turn;
  // TimeoutError if the whole attempt takes longer than `timeout`.
  static Task<TcpStream> connect(std::string host, std::uint16_t port,
                                 std::chrono::milliseconds timeout = std::chrono::seconds(30));
  // One address, no timeout (wrap in wait_for for one).
  static Task<TcpStream> connect(Endpoint endpoint);

  // Awaitable -> std::size_t: at least one byte, or 0 at end of stream.
  detail::ReadSome read_some(void* buf, std::size_t n) noexcept { return {io(), buf, n}; }
  // Awaitable: fills all n bytes or throws EndOfStream.
  detail::ReadExact read_exact(void* buf, std::size_t n) noexcept { return {io(), buf, n}; }
  // Awaitable: sends all n bytes (SIGPIPE never raised: EPIPE is thrown).
  detail::WriteAll write_all(const void* buf, std::size_t n) noexcept { return {io(), buf, n}; }
  detail::WriteAll write_all(std::string_view s) noexcept { return {io(), s.data(), s.size()}; }

  // Half-close: the peer reads end of stream; this side can still read.
  void shutdown_write();
  // Fails any operation in flight with ECANCELED, then closes the fd.
  void close() noexcept;

  bool is_open() const noexcept { return io_ && io_->fd >= 0; }
  int native_handle() const noexcept { return io_ ? io_->fd : -1; }
  Endpoint local_endpoint() const;
  Endpoint peer_endpoint() const;
  void set_nodelay(bool on);

 private:
  detail::IoHandle* io() const noexcept { return io_.get(); }
  std::unique_ptr<detail::IoHandle> io_;
};

class TcpListener {
 public:
  TcpListener() = default;
  TcpListener(TcpListener&&) noexcept = default;
  TcpListener& operator=(TcpListener&& o) noexcept {
    if (this != &o) {
      close();
      io_ = std::move(o.io_);
    }
    return *this;
  }
  ~TcpListener() { close(); }

  // Binds and listens on the current loop (SO_REUSEADDR). Port 0 picks a
  // free port (see local_port()). `host` should be numeric: a name is
  // resolved synchronously here.
  static TcpListener bind(const std::string& host, std::uint16_t port, int backlog = 4096);

  // Awaitable -> TcpStream (TCP_NODELAY set: small request/response
  // traffic would otherwise wait on Nagle).
  Task<TcpStream> accept();
  // The raw form: awaitable -> a connected non-blocking fd the caller owns.
  detail::Accept accept_fd() noexcept { return detail::Accept(io_.get()); }

  std::uint16_t local_port() const;
  void close() noexcept;
  bool is_open() const noexcept { return io_ && io_->fd >= 0; }

 private:
  std::unique_ptr<detail::IoHandle> io_;
};

}  // namespace boundwise::net
