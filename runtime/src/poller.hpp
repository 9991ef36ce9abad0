// The Loop's readiness source behind one interface: epoll (poller_epoll.cpp) or io_uring (poller_uring.cpp).
// Private to the runtime's sources; not installed.
#pragma once

#include <cstdint>
#include <memory>

#include "boundwise/async.hpp"

namespace boundwise::detail {

// Event bits as epoll and poll(2) both spell them (EPOLLIN == POLLIN, ...),
// so a watch callback reads the same mask whichever backend produced it.
inline constexpr std::uint32_t kEvIn = 0x001;
inline constexpr std::uint32_t kEvOut = 0x004;
inline constexpr std::uint32_t kEvErr = 0x008;
inline constexpr std::uint32_t kEvHup = 0x010;
inline constexpr std::uint32_t kEvRdHup = 0x2000;

class Poller {
 public:
  virtual ~Poller() = default;
  virtual const char* name() const noexcept = 0;
  // A socket the loop owns: watched once for read and write readiness,
  // edge-style (a notification per wake-up, readiness remembered in IoHandle).
  virtual void add(IoHandle* h) = 0;
  // Stops notifications for h; after this returns the poller never touches h.
  virtual void remove(IoHandle* h) noexcept = 0;
  // Level-triggered interest in a foreign fd (h->watch set), replacing any
  // earlier interest; `events` is kEvIn/kEvOut.
  virtual void watch(IoHandle* h, std::uint32_t events, bool added) = 0;
  // Waits up to timeout_ms (-1: no limit, 0: just look) and dispatches what
  // is ready. Returns true if the loop's eventfd fired (the inbox has work).
  virtual bool wait(Loop* loop, int timeout_ms) = 0;
};

// One readiness notification for a socket the loop owns. Only flags and
// non-blocking syscalls here, never a coroutine resume: nothing can close a
// socket (and free its IoHandle) while a poller walks its batch.
inline void dispatch_ready(Loop* loop, IoHandle* h, std::uint32_t ev) noexcept {
  if (ev & (kEvIn | kEvRdHup | kEvHup | kEvErr)) {
    h->readable = true;
    if (ev & (kEvRdHup | kEvHup | kEvErr)) h->hup = true;
    if (h->reader != nullptr && h->reader->attempt(h->reader)) loop->complete_io(h->reader);
  }
  if (ev & (kEvOut | kEvHup | kEvErr)) {
    h->writable = true;
    if (h->writer != nullptr && h->writer->attempt(h->writer)) loop->complete_io(h->writer);
  }
}

std::unique_ptr<Poller> make_epoll_poller(int wake_fd);
// Throws std::system_error with the errno io_uring_queue_init gave (ENOSYS on
// kernels without io_uring, EPERM under seccomp or io_uring_disabled), or
// ENOTSUP when the kernel lacks what the backend needs (multishot poll,
// wait timeouts) or the runtime was built without liburing.
std::unique_ptr<Poller> make_uring_poller(int wake_fd);

}  // namespace boundwise::detail
