// The io_uring backend of the Loop: readiness through multishot IORING_OP_POLL_ADD, submissions batched into the wait.
//
// The ring replaces epoll_wait/epoll_ctl: arming and disarming a socket are
// SQEs that ride along with the next wait (one io_uring_enter for all of a
// round's registrations), the wait carries its timeout (IORING_ENTER_EXT_ARG),
// and a multishot poll posts one CQE per wake-up, so, as with EPOLLET, each
// socket is armed once for its whole life. The recv/send themselves stay
// user-space syscalls run by the IoOps, exactly as on epoll: both backends
// share every line above the poller, and so every test.
#include <cerrno>
#include <cstdint>
#include <system_error>
#include <utility>
#include <vector>

#include "poller.hpp"

#if BOUNDWISE_HAVE_URING
#include <liburing.h>
#include <poll.h>
#endif

namespace boundwise::detail {

#if BOUNDWISE_HAVE_URING

namespace {

static_assert(POLLIN == kEvIn && POLLOUT == kEvOut && POLLERR == kEvErr && POLLHUP == kEvHup &&
              POLLRDHUP == kEvRdHup);

constexpr std::uint64_t kWakeTag = ~std::uint64_t{0};
constexpr std::uint64_t kIgnoreTag = ~std::uint64_t{0} - 1;  // poll-remove requests
constexpr std::uint32_t kNoSlot = static_cast<std::uint32_t>(-1);
constexpr unsigned kSqEntries = 512;
// Every ready socket posts a CQE per wake-up; with 10,000 busy connections a
// round reaps thousands. A multishot poll whose CQE finds the CQ ring full is
// ended by the kernel (and re-armed here, an fget and a poll set-up each):
// with 8,192 entries that happened more often than messages were echoed at
// 10,000 connections; with 32,768 (512 KiB of ring per Loop) not once.
constexpr unsigned kCqEntries = 32768;

// A poll request the kernel may still post CQEs for. The CQE's user_data is
// the slot index, never an IoHandle pointer: a socket closed while its CQEs
// sit unreaped in the ring leaves a slot with h == nullptr, and the slot is
// reused only after the request's last CQE (the one without F_MORE).
struct Slot {
  IoHandle* h = nullptr;
  bool in_kernel = false;  // the request's final CQE has not been reaped yet
  bool multishot = false;  // an owned socket; false: a level-triggered watch
};

// liburing maps and unmaps ring memory with raw system calls ThreadSanitizer
// does not see, so a ring mapped at the address of one another thread just
// freed looks like a data race on its first writes. Order them explicitly.
#if defined(__SANITIZE_THREAD__)
extern "C" void __tsan_acquire(void* addr);
extern "C" void __tsan_release(void* addr);
inline char tsan_ring_token;
inline void tsan_ring_memory_acquired() { __tsan_acquire(&tsan_ring_token); }
inline void tsan_ring_memory_released() { __tsan_release(&tsan_ring_token); }
#else
inline void tsan_ring_memory_acquired() {}
inline void tsan_ring_memory_released() {}
#endif

class UringPoller final : public Poller {
 public:
  explicit UringPoller(int wake_fd) : wake_fd_(wake_fd) {
    io_uring_params p{};
    // COOP_TASKRUN: completions are run when we enter the ring, not by
    // interrupting the loop thread mid-syscall (5.19+; retried without).
    p.flags = IORING_SETUP_CQSIZE | IORING_SETUP_COOP_TASKRUN;
    p.cq_entries = kCqEntries;
    int rc = ::io_uring_queue_init_params(kSqEntries, &ring_, &p);
    if (rc == -EINVAL) {
      p = io_uring_params{};
      p.flags = IORING_SETUP_CQSIZE;
      p.cq_entries = kCqEntries;
      rc = ::io_uring_queue_init_params(kSqEntries, &ring_, &p);
    }
    if (rc < 0) throw std::system_error(-rc, std::generic_category(), "io_uring_queue_init");
    tsan_ring_memory_acquired();
    // Multishot poll came with 5.13 (the release that added RSRC_TAGS);
    // EXT_ARG (5.11) lets the wait carry its timeout without an extra SQE.
    if (!(p.features & IORING_FEAT_EXT_ARG) || !(p.features & IORING_FEAT_RSRC_TAGS) ||
        !(p.features & IORING_FEAT_NODROP)) {
      ::io_uring_queue_exit(&ring_);
      throw std::system_error(ENOTSUP, std::generic_category(), "io_uring: kernel older than 5.13");
    }
    // Not io_uring_register_ring_fd nor SINGLE_ISSUER/DEFER_TASKRUN: both
    // tie the ring to the creating thread, and a Loop may be made on one
    // thread and run on another. (DEFER_TASKRUN measured no faster anyway.)
    arm_wake();
    rc = ::io_uring_submit(&ring_);
    if (rc < 0) {
      ::io_uring_queue_exit(&ring_);
      throw std::system_error(-rc, std::generic_category(), "io_uring_submit");
    }
  }
  ~UringPoller() override {
    tsan_ring_memory_released();  // before the unmap that lets the address be reused
    ::io_uring_queue_exit(&ring_);
  }
  const char* name() const noexcept override { return "io_uring"; }

  void add(IoHandle* h) override {
    io_uring_sqe* sqe = sqe_or_throw();
    std::uint32_t idx = alloc(h, true);
    ::io_uring_prep_poll_multishot(sqe, h->fd, POLLIN | POLLOUT | POLLRDHUP);
    ::io_uring_sqe_set_data64(sqe, idx);
  }

  void remove(IoHandle* h) noexcept override {
    // Submitted now, not with the next wait: the poll holds a reference to
    // the socket, and the caller's close() should send the FIN at once.
    if (disarm(h)) ::io_uring_submit(&ring_);
  }

  void watch(IoHandle* h, std::uint32_t events, bool added) override {
    if (added) disarm(h);
    io_uring_sqe* sqe = sqe_or_throw();
    std::uint32_t idx = alloc(h, false);
    watch_events_.resize(slots_.size());
    watch_events_[idx] = events;
    ::io_uring_prep_poll_add(sqe, h->fd, events);
    ::io_uring_sqe_set_data64(sqe, idx);
  }

  bool wait(Loop* loop, int timeout_ms) override {
    int rc;
    if (timeout_ms == 0) {
      rc = ::io_uring_submit_and_get_events(&ring_);
    } else if (timeout_ms < 0) {
      rc = ::io_uring_submit_and_wait(&ring_, 1);
    } else {
      __kernel_timespec ts{};
      ts.tv_sec = timeout_ms / 1000;
      ts.tv_nsec = static_cast<long long>(timeout_ms % 1000) * 1000000;
      io_uring_cqe* first = nullptr;
      rc = ::io_uring_submit_and_wait_timeout(&ring_, &first, 1, &ts, nullptr);
    }
    if (rc < 0 && rc != -ETIME && rc != -EINTR && rc != -EAGAIN && rc != -EBUSY)
      throw std::system_error(-rc, std::generic_category(), "io_uring_enter");

    bool woke = false;
    unsigned head;
    unsigned seen = 0;
    io_uring_cqe* cqe;
    io_uring_for_each_cqe(&ring_, head, cqe) {
      ++seen;
      const std::uint64_t ud = cqe->user_data;
      const int res = cqe->res;
      const bool more = (cqe->flags & IORING_CQE_F_MORE) != 0;
      if (ud == kIgnoreTag) continue;
      if (ud == kWakeTag) {
        woke = true;
        if (!more) arm_wake();
        continue;
      }
      const auto idx = static_cast<std::uint32_t>(ud);
      if (!more) slots_[idx].in_kernel = false;
      IoHandle* h = slots_[idx].h;
      if (h == nullptr) {  // closed while this CQE was on its way
        if (!slots_[idx].in_kernel) free_.push_back(idx);
        continue;
      }
      if (slots_[idx].multishot) {
        // A negative res (the request ended in error) says nothing about the
        // socket: let both sides retry, and the syscall tell.
        dispatch_ready(loop, h, res >= 0 ? static_cast<std::uint32_t>(res) : kEvIn | kEvOut);
        // Ended (CQ ring overflowed, or an error): arm again, same slot.
        if (!more) rearm(idx, POLLIN | POLLOUT | POLLRDHUP, true);
      } else {
        // One-shot poll = level-triggered: armed again right away, so a
        // still-ready fd reports again after the next wait, as epoll LT does.
        rearm(idx, watch_events_[idx], false);
        h->watch(h, res >= 0 ? static_cast<std::uint32_t>(res) : kEvErr);
      }
    }
    ::io_uring_cq_advance(&ring_, seen);
    return woke;
  }

 private:
  std::uint32_t alloc(IoHandle* h, bool multishot) {
    std::uint32_t idx;
    if (!free_.empty()) {
      idx = free_.back();
      free_.pop_back();
    } else {
      idx = static_cast<std::uint32_t>(slots_.size());
      slots_.emplace_back();
    }
    slots_[idx] = Slot{h, true, multishot};
    h->poll_slot = idx;
    return idx;
  }

  // Detaches h from its request and queues the request's removal; the slot
  // is freed by the request's last CQE. True if a removal was queued.
  bool disarm(IoHandle* h) noexcept {
    std::uint32_t idx = std::exchange(h->poll_slot, kNoSlot);
    if (idx == kNoSlot) return false;
    slots_[idx].h = nullptr;
    if (!slots_[idx].in_kernel) {
      free_.push_back(idx);
      return false;
    }
    io_uring_sqe* sqe = next_sqe();
    if (sqe == nullptr) return false;
    ::io_uring_prep_poll_remove(sqe, idx);
    ::io_uring_sqe_set_data64(sqe, kIgnoreTag);
    return true;
  }

  void rearm(std::uint32_t idx, std::uint32_t events, bool multishot) noexcept {
    io_uring_sqe* sqe = next_sqe();
    if (sqe == nullptr) return;  // cannot happen after a successful submit
    slots_[idx].in_kernel = true;
    if (multishot)
      ::io_uring_prep_poll_multishot(sqe, slots_[idx].h->fd, events);
    else
      ::io_uring_prep_poll_add(sqe, slots_[idx].h->fd, events);
    ::io_uring_sqe_set_data64(sqe, idx);
  }

  void arm_wake() noexcept {
    if (io_uring_sqe* sqe = next_sqe()) {
      ::io_uring_prep_poll_multishot(sqe, wake_fd_, POLLIN);
      ::io_uring_sqe_set_data64(sqe, kWakeTag);
    }
  }

  // A free SQE, submitting what is queued if the ring is full.
  io_uring_sqe* next_sqe() noexcept {
    io_uring_sqe* sqe = ::io_uring_get_sqe(&ring_);
    if (sqe == nullptr) {
      ::io_uring_submit(&ring_);
      sqe = ::io_uring_get_sqe(&ring_);
    }
    return sqe;
  }
  io_uring_sqe* sqe_or_throw() {
    io_uring_sqe* sqe = next_sqe();
    if (sqe == nullptr) throw std::system_error(EBUSY, std::generic_category(), "io_uring: submission queue full");
    return sqe;
  }

  io_uring ring_{};
  int wake_fd_;
  std::vector<Slot> slots_;
  std::vector<std::uint32_t> free_;
  std::vector<std::uint32_t> watch_events_;
};

}  // namespace

std::unique_ptr<Poller> make_uring_poller(int wake_fd) { return std::make_unique<UringPoller>(wake_fd); }

#else

std::unique_ptr<Poller> make_uring_poller(int) {
  throw std::system_error(ENOTSUP, std::generic_category(), "boundwise was built without liburing");
}

#endif

}  // namespace boundwise::detail
