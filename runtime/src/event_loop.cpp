// Loop: ready queue, timers, cross-thread inbox, and the choice of poller (io_uring or epoll) behind the async executor.
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>
#include <system_error>

#include "boundwise/async.hpp"
#include "poller.hpp"

namespace boundwise {

namespace {
thread_local Loop* tl_current = nullptr;

// BOUNDWISE_ASYNC_BACKEND=epoll|io_uring|auto decides what `automatic` means.
LoopBackend backend_from_env() {
  const char* v = std::getenv("BOUNDWISE_ASYNC_BACKEND");
  if (v == nullptr || *v == '\0' || std::strcmp(v, "auto") == 0) return LoopBackend::automatic;
  if (std::strcmp(v, "epoll") == 0) return LoopBackend::epoll;
  if (std::strcmp(v, "io_uring") == 0 || std::strcmp(v, "uring") == 0) return LoopBackend::io_uring;
  throw std::invalid_argument(std::string("boundwise: BOUNDWISE_ASYNC_BACKEND='") + v +
                              "' (expected epoll, io_uring or auto)");
}

std::unique_ptr<detail::Poller> make_poller(LoopBackend backend, int wake_fd) {
  if (backend == LoopBackend::automatic) backend = backend_from_env();
  switch (backend) {
    case LoopBackend::epoll:
      return detail::make_epoll_poller(wake_fd);
    case LoopBackend::io_uring:
      return detail::make_uring_poller(wake_fd);  // asked for by name: failing is an error
    case LoopBackend::automatic:
      break;
  }
  // Old kernel (ENOSYS), seccomp or kernel.io_uring_disabled (EPERM), locked
  // memory limits (ENOMEM), or a build without liburing: epoll serves.
  try {
    return detail::make_uring_poller(wake_fd);
  } catch (const std::system_error&) {
    return detail::make_epoll_poller(wake_fd);
  }
}
}  // namespace

namespace detail {

void post_remote(const std::shared_ptr<LoopRemote>& remote, std::function<void()> fn) {
  std::lock_guard lock(remote->mutex);
  if (!remote->alive) return;  // the loop is gone; nobody would run it
  remote->inbox.push_back(std::move(fn));
  // The write happens under the lock so the loop cannot close the fd under us.
  if (!remote->wake_pending.exchange(true, std::memory_order_acq_rel)) {
    std::uint64_t one = 1;
    [[maybe_unused]] ssize_t r = ::write(remote->wake_fd, &one, sizeof one);
  }
}

bool is_cancelled_error(const std::exception_ptr& e) noexcept {
  if (!e) return false;
  try {
    std::rethrow_exception(e);
  } catch (const CancelledError&) {
    return true;
  } catch (...) {
    return false;
  }
}

}  // namespace detail

Loop::Loop() : Loop(LoopBackend::automatic) {}

Loop::Loop(LoopBackend backend) : remote_(std::make_shared<detail::LoopRemote>()) {
  remote_->wake_fd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (remote_->wake_fd < 0) throw std::system_error(errno, std::generic_category(), "eventfd");
  try {
    poller_ = make_poller(backend, remote_->wake_fd);
  } catch (...) {
    ::close(remote_->wake_fd);
    throw;
  }
  ready_.reserve(256);
  running_.reserve(256);
}

Loop::~Loop() {
  {
    std::lock_guard lock(remote_->mutex);
    remote_->alive = false;
    remote_->inbox.clear();
    ::close(remote_->wake_fd);
    remote_->wake_fd = -1;
  }
  poller_.reset();
}

Loop* Loop::current() noexcept { return tl_current; }

const char* Loop::backend() const noexcept { return poller_->name(); }

bool Loop::backend_available(LoopBackend backend) noexcept {
  if (backend != LoopBackend::io_uring) return true;
  // Probed once per process: a ring of its own, closed at once.
  static const bool ok = [] {
    int fd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (fd < 0) return false;
    bool made = false;
    try {
      made = detail::make_uring_poller(fd) != nullptr;
    } catch (...) {
    }
    ::close(fd);
    return made;
  }();
  return ok;
}

void Loop::report_unhandled(std::exception_ptr e) noexcept {
  if (handler_) {
    try {
      handler_(e);
      return;
    } catch (...) {  // a throwing handler must not take the loop down either
    }
  }
  try {
    std::rethrow_exception(e);
  } catch (const std::exception& ex) {
    std::fprintf(stderr, "boundwise: unhandled exception in a detached task: %s\n", ex.what());
  } catch (...) {
    std::fprintf(stderr, "boundwise: unhandled non-standard exception in a detached task\n");
  }
}

void Loop::register_io(detail::IoHandle* h) {
  poller_->add(h);
  h->loop = this;
  h->registered = true;
}

void Loop::deregister_io(detail::IoHandle* h) noexcept {
  if (!h->registered) return;
  poller_->remove(h);
  h->registered = false;
  for (detail::IoOp** slot : {&h->reader, &h->writer}) {
    if (*slot != nullptr) {
      (*slot)->error = ECANCELED;
      complete_io(*slot);
    }
  }
}

void Loop::watch_fd(detail::IoHandle* h, bool in, bool out) {
  if (!in && !out) {
    if (h->registered) poller_->remove(h);
    h->registered = false;
    return;
  }
  poller_->watch(h, (in ? detail::kEvIn : 0u) | (out ? detail::kEvOut : 0u), h->registered);
  h->registered = true;
  h->loop = this;
}

void Loop::complete_io(detail::IoOp*& slot) noexcept {
  detail::IoOp* op = slot;
  slot = nullptr;
  op->pending = false;
  op->node->clear_hook();
  schedule(op->waiter);
}

void Loop::link_live(detail::AsyncNode* n) noexcept {
  n->prev_live_ = nullptr;
  n->next_live_ = live_head_;
  if (live_head_ != nullptr) live_head_->prev_live_ = n;
  live_head_ = n;
  n->live_linked_ = true;
}

void Loop::unlink_live(detail::AsyncNode* n) noexcept {
  if (!n->live_linked_) return;
  (n->prev_live_ ? n->prev_live_->next_live_ : live_head_) = n->next_live_;
  if (n->next_live_ != nullptr) n->next_live_->prev_live_ = n->prev_live_;
  n->live_linked_ = false;
}

void Loop::drain_inbox() {
  {
    std::lock_guard lock(remote_->mutex);
    remote_->wake_pending.store(false, std::memory_order_release);
    std::uint64_t v;
    [[maybe_unused]] ssize_t r = ::read(remote_->wake_fd, &v, sizeof v);
    inbox_batch_.swap(remote_->inbox);
  }
  for (auto& fn : inbox_batch_) {
    try {
      fn();
    } catch (...) {
      report_unhandled(std::current_exception());
    }
  }
  inbox_batch_.clear();
}

void Loop::run_timers() {
  if (timers_.empty()) return;
  const auto now = detail::Clock::now();
  while (!timers_.empty() && timers_.top()->when <= now) {
    detail::TimerNode* t = timers_.top();
    timers_.erase(t);
    t->fire(t);
  }
}

void Loop::poll(bool block) {
  int timeout = 0;
  if (block) {
    if (timers_.empty()) {
      timeout = -1;
    } else {
      auto wait = timers_.top()->when - detail::Clock::now();
      if (wait > std::chrono::nanoseconds::zero()) {
        // Round up: waking a hair early would spin until the deadline.
        auto ms = std::chrono::ceil<std::chrono::milliseconds>(wait).count();
        timeout = static_cast<int>(std::min<long long>(ms, 1 << 30));
      }
    }
  }
  if (poller_->wait(this, timeout)) drain_inbox();
  // Index loop: a deferred callback may defer more.
  for (std::size_t i = 0; i < deferred_.size(); ++i) deferred_[i].first(deferred_[i].second);
  deferred_.clear();
}

void Loop::run_until(const bool& done) {
  struct Scope {
    Loop* self;
    Loop* outer;
    explicit Scope(Loop* s) : self(s), outer(tl_current) {
      tl_current = s;
      s->running_now_ = true;
    }
    ~Scope() {
      tl_current = outer;
      self->running_now_ = false;
    }
  } scope(this);
  while (!done) {
    if (!ready_.empty()) {
      // Run only what was ready when this round began, so I/O and timers
      // get a turn even while tasks keep rescheduling each other.
      running_.swap(ready_);
      for (auto h : running_) h.resume();
      running_.clear();
      if (done) break;
    }
    poll(ready_.empty());
    run_timers();
  }
}

void Loop::cancel_leftovers() {
  // asyncio.run's teardown: cancel what is still running and let it unwind
  // (its finally blocks and destructors run), including tasks spawned while
  // unwinding. Each task is cancelled once, so its cleanup may still await.
  Loop* outer = tl_current;
  tl_current = this;
  while (live_head_ != nullptr) {
    for (detail::AsyncNode* n = live_head_; n != nullptr; n = n->next_live_) {
      if (!n->teardown_cancelled_) {
        n->teardown_cancelled_ = true;
        n->cancel();
      }
    }
    if (!ready_.empty()) {
      running_.swap(ready_);
      for (auto h : running_) h.resume();
      running_.clear();
      if (live_head_ == nullptr) break;
    }
    poll(ready_.empty());
    run_timers();
  }
  tl_current = outer;
}

}  // namespace boundwise
