// The epoll backend of the Loop: one edge-triggered registration per socket, level-triggered watches for foreign fds.
#include <sys/epoll.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

#include "poller.hpp"

namespace boundwise::detail {

namespace {

static_assert(EPOLLIN == kEvIn && EPOLLOUT == kEvOut && EPOLLERR == kEvErr && EPOLLHUP == kEvHup &&
              EPOLLRDHUP == kEvRdHup);

char wake_tag;  // epoll data for the eventfd (never an IoHandle)

// Edge-triggered epoll: each socket is added once with read and write
// interest, and readiness is remembered in IoHandle until a syscall says
// EAGAIN. That keeps epoll_ctl off the per-operation path.
class EpollPoller final : public Poller {
 public:
  explicit EpollPoller(int wake_fd) {
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
  ~EpollPoller() override { ::close(epfd_); }
  const char* name() const noexcept override { return "epoll"; }

  void add(IoHandle* h) override {
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET;
    ev.data.ptr = h;
    if (::epoll_ctl(epfd_, EPOLL_CTL_ADD, h->fd, &ev) != 0)
      throw std::system_error(errno, std::generic_category(), "epoll_ctl(ADD)");
  }
  void remove(IoHandle* h) noexcept override { ::epoll_ctl(epfd_, EPOLL_CTL_DEL, h->fd, nullptr); }
  void watch(IoHandle* h, std::uint32_t events, bool added) override {
    epoll_event ev{};
    ev.events = events;
    ev.data.ptr = h;
    if (::epoll_ctl(epfd_, added ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, h->fd, &ev) != 0)
      throw std::system_error(errno, std::generic_category(), "epoll_ctl(watch)");
  }

  bool wait(Loop* loop, int timeout_ms) override {
    int n = ::epoll_wait(epfd_, events_, kBatch, timeout_ms);
    if (n < 0) {
      if (errno == EINTR) return false;
      throw std::system_error(errno, std::generic_category(), "epoll_wait");
    }
    bool woke = false;
    for (int i = 0; i < n; ++i) {
      void* p = events_[i].data.ptr;
      if (p == &wake_tag) {
        woke = true;
        continue;
      }
      auto* h = static_cast<IoHandle*>(p);
      if (h->watch != nullptr) {
        h->watch(h, events_[i].events);
        continue;
      }
      dispatch_ready(loop, h, events_[i].events);
    }
    return woke;
  }

 private:
  static constexpr int kBatch = 512;
  int epfd_ = -1;
  epoll_event events_[kBatch];
};

}  // namespace

std::unique_ptr<Poller> make_epoll_poller(int wake_fd) { return std::make_unique<EpollPoller>(wake_fd); }

}  // namespace boundwise::detail
