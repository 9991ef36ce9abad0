// Loop: ready queue, timers, cross-thread inbox and the epoll poller behind the async executor.
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <system_error>

#include "boundwise/async.hpp"

namespace boundwise {

namespace {
thread_local Loop* tl_current = nullptr;
char wake_tag;  // epoll data for the eventfd (never an IoHandle)
}  // namespace

namespace detail {

// Edge-triggered epoll: each socket is added once with read and write
// interest, and readiness is remembered in IoHandle until a syscall says
// EAGAIN. That keeps epoll_ctl off the per-operation path.
class Poller {
 public:
  explicit Poller(int wake_fd) {
    epfd_ = ::epoll_create1(EPOLL_CLOEXEC);
    if (epfd_ < 0) throw std::system_error(errno, std::generic_category(), "epoll_create1");
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.ptr = &wake_tag;
    if (::epoll_ctl(epfd_, EPOLL_CTL_ADD, wake_fd, &ev) != 0) {
      int e = errno;
      ::close(epfd_);
      throw std::system_error(e, std::generic_category(), "epoll_ctl(eventfd)");
    }
  }
  ~Poller() { ::close(epfd_); }
  void add(IoHandle* h) {
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET;
    ev.data.ptr = h;
    if (::epoll_ctl(epfd_, EPOLL_CTL_ADD, h->fd, &ev) != 0)
      throw std::system_error(errno, std::generic_category(), "epoll_ctl(ADD)");
  }
  void remove(IoHandle* h) noexcept { ::epoll_ctl(epfd_, EPOLL_CTL_DEL, h->fd, nullptr); }
  void watch(IoHandle* h, std::uint32_t events, bool added) {
    epoll_event ev{};
    ev.events = events;
    ev.data.ptr = h;
    if (::epoll_ctl(epfd_, added ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, h->fd, &ev) != 0)
      throw std::system_error(errno, std::generic_category(), "epoll_ctl(watch)");
  }

  // Returns true if the eventfd fired (the inbox has work).
  bool wait(Loop* loop, int timeout_ms) {
    int n = ::epoll_wait(epfd_, events_, kBatch, timeout_ms);
    if (n < 0) {
      if (errno == EINTR) return false;
      throw std::system_error(errno, std::generic_category(), "epoll_wait");
    }
    bool woke = false;
    // Only flags and non-blocking syscalls here, never a coroutine resume:
    // nothing can close a socket (and free its IoHandle) mid-batch.
    for (int i = 0; i < n; ++i) {
      void* p = events_[i].data.ptr;
      if (p == &wake_tag) {
        woke = true;
        continue;
      }
      auto* h = static_cast<IoHandle*>(p);
      const std::uint32_t ev = events_[i].events;
      if (h->watch != nullptr) {
        h->watch(h, ev);
        continue;
      }
      if (ev & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) {
        h->readable = true;
        if (ev & (EPOLLRDHUP | EPOLLHUP | EPOLLERR)) h->hup = true;
        if (h->reader != nullptr && h->reader->attempt(h->reader)) loop->complete_io(h->reader);
      }
      if (ev & (EPOLLOUT | EPOLLHUP | EPOLLERR)) {
        h->writable = true;
        if (h->writer != nullptr && h->writer->attempt(h->writer)) loop->complete_io(h->writer);
      }
    }
    return woke;
  }

 private:
  static constexpr int kBatch = 512;
  int epfd_ = -1;
  epoll_event events_[kBatch];
};

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

Loop::Loop() : remote_(std::make_shared<detail::LoopRemote>()) {
  remote_->wake_fd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (remote_->wake_fd < 0) throw std::system_error(errno, std::generic_category(), "eventfd");
  try {
    poller_ = std::make_unique<detail::Poller>(remote_->wake_fd);
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

const char* Loop::backend() const noexcept { return "epoll"; }

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
  poller_->watch(h, (in ? EPOLLIN : 0u) | (out ? EPOLLOUT : 0u), h->registered);
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
