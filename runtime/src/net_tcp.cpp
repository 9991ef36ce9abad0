// TcpStream, TcpListener and resolve(): the syscalls behind <boundwise/net.hpp>.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>
#include <exception>

#include "boundwise/net.hpp"

namespace boundwise::net {

namespace {

[[noreturn]] void throw_errno(const char* what) {
  throw std::system_error(errno, std::generic_category(), what);
}

std::vector<Endpoint> to_endpoints(addrinfo* res) {
  std::vector<Endpoint> out;
  for (addrinfo* p = res; p != nullptr; p = p->ai_next) {
    if (p->ai_family != AF_INET && p->ai_family != AF_INET6) continue;
    Endpoint e;
    std::memcpy(&e.addr, p->ai_addr, p->ai_addrlen);
    e.len = p->ai_addrlen;
    out.push_back(e);
  }
  return out;
}

// getaddrinfo with the given flags; EAI_NONAME comes back as an empty vector
// when `numeric_only` (the caller then falls back to a real lookup).
std::vector<Endpoint> lookup(const std::string& host, std::uint16_t port, int flags, bool numeric_only) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = flags | AI_NUMERICSERV;
  addrinfo* res = nullptr;
  const std::string service = std::to_string(port);
  int rc = ::getaddrinfo(host.empty() ? nullptr : host.c_str(), service.c_str(), &hints, &res);
  if (rc != 0) {
    if (numeric_only && rc == EAI_NONAME) return {};
    throw std::runtime_error("boundwise: cannot resolve '" + host + "': " + ::gai_strerror(rc));
  }
  std::vector<Endpoint> out = to_endpoints(res);
  ::freeaddrinfo(res);
  return out;
}

void make_nonblocking(int fd) {
  int fl = ::fcntl(fd, F_GETFL);
  if (fl < 0 || ::fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0) throw_errno("fcntl(O_NONBLOCK)");
}

std::unique_ptr<boundwise::detail::IoHandle> adopt(int fd) {
  Loop* loop = Loop::current();
  if (loop == nullptr) {
    ::close(fd);
    throw std::logic_error("boundwise: sockets need a running loop on this thread");
  }
  auto h = std::make_unique<boundwise::detail::IoHandle>();
  h->fd = fd;
  try {
    loop->register_io(h.get());
  } catch (...) {
    ::close(fd);
    throw;
  }
  return h;
}

void close_handle(std::unique_ptr<boundwise::detail::IoHandle>& io) noexcept {
  if (!io || io->fd < 0) return;
  if (io->registered) io->loop->deregister_io(io.get());
  ::close(io->fd);
  io->fd = -1;
}

Endpoint sock_name(int fd, bool peer) {
  Endpoint e;
  e.len = sizeof e.addr;
  int rc = peer ? ::getpeername(fd, reinterpret_cast<sockaddr*>(&e.addr), &e.len)
                : ::getsockname(fd, reinterpret_cast<sockaddr*>(&e.addr), &e.len);
  if (rc != 0) throw_errno(peer ? "getpeername" : "getsockname");
  return e;
}

}  // namespace

std::string Endpoint::to_string() const {
  char buf[INET6_ADDRSTRLEN] = {};
  if (addr.ss_family == AF_INET6) {
    ::inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(&addr)->sin6_addr, buf, sizeof buf);
    // Appended piece by piece: GCC 12 at -O3 reports a false -Wrestrict on "[" + std::string(...).
    std::string out = "[";
    out.append(buf).append("]:").append(std::to_string(port()));
    return out;
  }
  ::inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(&addr)->sin_addr, buf, sizeof buf);
  std::string out(buf);
  out.append(":").append(std::to_string(port()));
  return out;
}

std::uint16_t Endpoint::port() const noexcept {
  if (addr.ss_family == AF_INET6) return ntohs(reinterpret_cast<const sockaddr_in6*>(&addr)->sin6_port);
  return ntohs(reinterpret_cast<const sockaddr_in*>(&addr)->sin_port);
}

Task<std::vector<Endpoint>> resolve(std::string host, std::uint16_t port) {
  std::vector<Endpoint> eps = lookup(host, port, AI_NUMERICHOST, true);
  if (eps.empty()) {
    // A name: getaddrinfo may block on DNS for seconds, so it runs on a thread.
    eps = co_await to_thread([](std::string h, std::uint16_t p) { return lookup(h, p, AI_ADDRCONFIG, false); },
                             std::move(host), port);
  }
  co_return eps;
}

// ---- syscalls run by the poller (or inline when the socket looks ready) ----

namespace detail {

bool ReadSome::run(IoOp* op) noexcept {
  auto* r = static_cast<ReadSome*>(op);
  for (;;) {
    ssize_t n = ::recv(r->io->fd, r->buf, r->len, 0);
    if (n >= 0) {
      r->got = static_cast<std::size_t>(n);
      // A short read drained the socket; data arriving later raises a fresh
      // edge. So skip the recv that would only say EAGAIN (Tokio does the
      // same): one syscall less per message on request/response traffic.
      // Not after a FIN was reported: no edge would follow it.
      if (n > 0 && static_cast<std::size_t>(n) < r->len && !r->io->hup) r->io->readable = false;
      return true;
    }
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) {
      r->io->readable = false;
      return false;
    }
    r->error = errno;
    return true;
  }
}

bool ReadExact::run(IoOp* op) noexcept {
  auto* r = static_cast<ReadExact*>(op);
  while (r->got < r->len) {
    ssize_t n = ::recv(r->io->fd, r->buf + r->got, r->len - r->got, 0);
    if (n > 0) {
      r->got += static_cast<std::size_t>(n);
      continue;
    }
    if (n == 0) {
      r->eof = true;
      return true;
    }
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) {
      r->io->readable = false;
      return false;
    }
    r->error = errno;
    return true;
  }
  return true;
}

bool WriteAll::run(IoOp* op) noexcept {
  auto* w = static_cast<WriteAll*>(op);
  while (w->sent < w->len) {
    ssize_t n = ::send(w->io->fd, w->buf + w->sent, w->len - w->sent, MSG_NOSIGNAL);
    if (n >= 0) {
      w->sent += static_cast<std::size_t>(n);
      continue;
    }
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) {
      w->io->writable = false;
      return false;
    }
    w->error = errno;
    return true;
  }
  return true;
}

bool Accept::run(IoOp* op) noexcept {
  auto* a = static_cast<Accept*>(op);
  for (;;) {
    int fd = ::accept4(a->io->fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd >= 0) {
      a->fd = fd;
      return true;
    }
    // The peer gave up before we accepted: not the listener's problem.
    if (errno == EINTR || errno == ECONNABORTED) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) {
      a->io->readable = false;
      return false;
    }
    a->error = errno;
    return true;
  }
}

bool ConnectWait::run(IoOp* op) noexcept {
  auto* c = static_cast<ConnectWait*>(op);
  int err = 0;
  socklen_t len = sizeof err;
  if (::getsockopt(c->io->fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0) err = errno;
  if (err == EINPROGRESS || err == EALREADY) return false;
  c->error = err;
  return true;
}

}  // namespace detail

// ---- TcpStream ----

TcpStream::TcpStream(int fd) {
  make_nonblocking(fd);
  io_ = adopt(fd);
}

void TcpStream::close() noexcept { close_handle(io_); }

void TcpStream::shutdown_write() {
  if (!is_open()) throw std::system_error(EBADF, std::generic_category(), "shutdown");
  if (::shutdown(io_->fd, SHUT_WR) != 0) throw_errno("shutdown");
}

Endpoint TcpStream::local_endpoint() const { return sock_name(native_handle(), false); }
Endpoint TcpStream::peer_endpoint() const { return sock_name(native_handle(), true); }

void TcpStream::set_nodelay(bool on) {
  int v = on ? 1 : 0;
  if (::setsockopt(native_handle(), IPPROTO_TCP, TCP_NODELAY, &v, sizeof v) != 0) throw_errno("TCP_NODELAY");
}

Task<TcpStream> TcpStream::connect(Endpoint ep) {
  int fd = ::socket(ep.addr.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) throw_errno("socket");
  TcpStream s;
  s.io_ = adopt(fd);
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&ep.addr), ep.len) != 0) {
    if (errno != EINPROGRESS) throw_errno("connect");
    co_await detail::ConnectWait(s.io());
  }
  s.set_nodelay(true);
  co_return s;
}

namespace {
Task<TcpStream> connect_any(std::string host, std::uint16_t port) {
  std::vector<Endpoint> eps = co_await resolve(host, port);
  std::exception_ptr last;
  for (const Endpoint& ep : eps) {
    try {
      co_return co_await TcpStream::connect(ep);
    } catch (const std::system_error&) {
      last = std::current_exception();  // try the next address (Happy Eyeballs, minus the racing)
    }
  }
  if (last) std::rethrow_exception(last);
  throw std::runtime_error("boundwise: '" + host + "' resolved to no address");
}
}  // namespace

Task<TcpStream> TcpStream::connect(std::string host, std::uint16_t port, std::chrono::milliseconds timeout) {
  return wait_for(connect_any(std::move(host), port), timeout);
}

// ---- TcpListener ----

TcpListener TcpListener::bind(const std::string& host, std::uint16_t port, int backlog) {
  std::vector<Endpoint> eps = lookup(host, port, AI_PASSIVE, false);
  if (eps.empty()) throw std::runtime_error("boundwise: '" + host + "' resolved to no address");
  const Endpoint& ep = eps.front();
  int fd = ::socket(ep.addr.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) throw_errno("socket");
  int one = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if (::bind(fd, reinterpret_cast<const sockaddr*>(&ep.addr), ep.len) != 0 || ::listen(fd, backlog) != 0) {
    int e = errno;
    ::close(fd);
    throw std::system_error(e, std::generic_category(), "bind/listen " + ep.to_string());
  }
  TcpListener l;
  l.io_ = adopt(fd);
  return l;
}

Task<TcpStream> TcpListener::accept() {
  int fd = co_await accept_fd();
  TcpStream s(fd);
  s.set_nodelay(true);
  co_return s;
}

std::uint16_t TcpListener::local_port() const { return sock_name(io_ ? io_->fd : -1, false).port(); }

void TcpListener::close() noexcept { close_handle(io_); }

}  // namespace boundwise::net
