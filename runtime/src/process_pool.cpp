// ProcessPool's parent side: spawning workers, a poll-driven supervisor thread, crash recovery and shutdown.
#include "boundwise/process_pool.hpp"

#include "boundwise/thread_pool.hpp"  // default_workers(): one cgroup-aware core count for both pools

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <deque>
#include <fstream>
#include <mutex>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

extern char** environ;

namespace boundwise {

RemoteError::RemoteError(std::string type_name, std::string remote_what)
    : std::runtime_error(type_name + ": " + remote_what),
      type_name_(std::move(type_name)),
      remote_what_(std::move(remote_what)) {}

namespace {
std::string crash_message(pid_t pid, int signal, int exit_status, const std::string& detail) {
  std::string m = "boundwise: worker process " + std::to_string(pid);
  if (signal != 0) {
    const char* name = sigabbrev_np(signal);
    m += " was killed by signal " + std::to_string(signal) + (name ? std::string(" (SIG") + name + ")" : "");
  } else {
    m += " exited with status " + std::to_string(exit_status);
  }
  m += " while running this task";
  if (!detail.empty()) m += " (" + detail + ")";
  return m;
}
}  // namespace

WorkerCrashed::WorkerCrashed(pid_t pid, int signal, int exit_status, const std::string& detail)
    : std::runtime_error(crash_message(pid, signal, exit_status, detail)),
      pid_(pid),
      signal_(signal),
      exit_status_(exit_status) {}

namespace detail {

namespace {

constexpr std::size_t kPipelineDepth = 2;  // tasks queued in a worker's pipe: hides the round trip
constexpr int kMaxStartFailures = 3;       // consecutive workers that die before saying hello
// Large buffers are recycled rather than freed: on a VM, faulting in fresh
// pages for 100 MB costs more than copying it.
constexpr std::size_t kKeepBuffer = std::size_t{256} << 20;
constexpr std::size_t kMaxSpares = 2;
constexpr std::size_t kSpliceThreshold = std::size_t{1} << 20;

struct Task {
  std::uint64_t id = 0;
  ByteBuffer frame;  // header + payload, kept until the result arrives so an unstarted task can be resent
  std::unique_ptr<ResultSink> sink;
  bool started = false;  // sink->start() already succeeded
};

struct Worker {
  pid_t pid = -1;
  int task_fd = -1;    // parent writes tasks
  int result_fd = -1;  // parent reads results
  bool hello = false;
  bool retiring = false;  // max_tasks_per_child reached or shutting down: task pipe closed when drained
  std::size_t assigned = 0;  // tasks ever given to this worker
  std::deque<std::unique_ptr<Task>> inflight;  // sent or being sent, in order; front is running
  std::size_t unsent = 0;     // index in inflight of the first task not fully written
  std::size_t send_offset = 0;  // bytes of inflight[unsent] already written

  // receive state
  ByteBuffer staging;
  std::size_t staged = 0;
  ByteBuffer body;
  FrameHeader body_header{};
  std::size_t body_got = 0;
  bool in_body = false;
};

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

std::string program_name() {
  std::ifstream cmdline("/proc/self/cmdline");
  std::string argv0;
  std::getline(cmdline, argv0, '\0');
  return argv0.empty() ? std::string("boundwise-worker") : argv0;
}

int dup_above(int fd, int min) {
  const int d = ::fcntl(fd, F_DUPFD_CLOEXEC, min);
  if (d < 0) throw std::system_error(errno, std::generic_category(), "boundwise: fcntl(F_DUPFD_CLOEXEC)");
  ::close(fd);
  return d;
}

}  // namespace

class ProcessPoolCore {
 public:
  ProcessPoolCore(std::size_t workers, std::size_t max_tasks_per_child)
      : size_(workers == 0 ? default_workers() : workers), max_tasks_(max_tasks_per_child) {
    wake_fd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (wake_fd_ < 0) throw std::system_error(errno, std::generic_category(), "boundwise: eventfd");
    argv0_ = program_name();
    supervisor_ = std::thread([this] { supervise(); });
    supervisor_id_ = supervisor_.get_id();
  }

  ~ProcessPoolCore() {
    shutdown(true, false);
    close_fd(wake_fd_);
  }

  std::size_t size() const noexcept { return size_; }

  std::uint64_t enqueue(ByteBuffer frame, std::unique_ptr<ResultSink> sink) {
    auto task = std::make_unique<Task>();
    task->frame = std::move(frame);
    task->sink = std::move(sink);
    std::uint64_t id;
    {
      std::lock_guard guard(mutex_);
      if (shutting_down_) throw std::runtime_error("boundwise::ProcessPool: submit after shutdown");
      id = task->id = ++next_id_;
      const FrameHeader h{FrameKind::task, 0, task->id, task->frame.size() - sizeof(FrameHeader)};
      std::memcpy(task->frame.data(), &h, sizeof h);
      incoming_.push_back(std::move(task));
    }
    wake();
    return id;
  }

  void shutdown(bool wait, bool cancel_pending) {
    {
      std::lock_guard guard(mutex_);
      shutting_down_ = true;
      if (cancel_pending) cancel_pending_ = true;
    }
    wake();
    // A completion callback (run on the supervisor thread) may shut the pool
    // down; it must not wait for the thread it runs on.
    if (wait && std::this_thread::get_id() != supervisor_id_) {
      std::lock_guard guard(join_mutex_);
      if (supervisor_.joinable()) supervisor_.join();
    }
  }

  // A buffer for encoding the next task: a recycled one when available.
  ByteBuffer acquire_buffer() {
    {
      std::lock_guard guard(mutex_);
      if (!spares_.empty()) {
        ByteBuffer b = std::move(spares_.back());
        spares_.pop_back();
        b.clear();
        return b;
      }
    }
    return ByteBuffer(256);
  }

  std::vector<pid_t> worker_pids() const {
    std::lock_guard guard(mutex_);
    return pids_;
  }

 private:
  void wake() {
    const std::uint64_t one = 1;
    [[maybe_unused]] const ssize_t n = ::write(wake_fd_, &one, sizeof one);
  }

  // ---- supervisor thread ----

  void supervise() {
    // Writing to a dead worker's pipe must give EPIPE, not kill the program.
    sigset_t pipe_set;
    sigemptyset(&pipe_set);
    sigaddset(&pipe_set, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_set, nullptr);

    std::vector<pollfd> fds;
    for (;;) {
      bool shutting_down;
      bool cancel;
      {
        std::lock_guard guard(mutex_);
        for (auto& t : incoming_) pending_.push_back(std::move(t));
        incoming_.clear();
        shutting_down = shutting_down_;
        cancel = cancel_pending_;
      }
      if (cancel) {
        for (auto& t : pending_) t->started ? t->sink->fail(std::make_exception_ptr(CancelledError())) : t->sink->cancel();
        pending_.clear();
      }
      if (broken_) fail_pending();

      // Keep `size_` live workers while there is (or may be) work.
      if (!broken_ && !(shutting_down && pending_.empty())) {
        std::size_t live = 0;
        for (auto& w : workers_) live += w.retiring ? 0 : 1;
        while (live < size_ && !broken_) {
          if (spawn()) ++live;
        }
      }
      dispatch();
      retire_drained(shutting_down && pending_.empty());
      publish_pids();

      if (shutting_down && pending_.empty() && workers_.empty()) break;

      fds.clear();
      fds.push_back({wake_fd_, POLLIN, 0});
      for (auto& w : workers_) {
        fds.push_back({w.result_fd, POLLIN, 0});
        const bool has_output = w.task_fd >= 0 && w.unsent < w.inflight.size();
        fds.push_back({has_output ? w.task_fd : -1, POLLOUT, 0});
      }
      const int r = ::poll(fds.data(), fds.size(), -1);
      if (r < 0 && errno != EINTR) std::abort();  // poll only fails on programming errors
      if (fds[0].revents & POLLIN) {
        std::uint64_t count;
        [[maybe_unused]] const ssize_t n = ::read(wake_fd_, &count, sizeof count);
      }
      // Workers may be removed while handling events: walk by index from the back.
      for (std::size_t i = workers_.size(); i-- > 0;) {
        const pollfd& in = fds[1 + 2 * i];
        const pollfd& out = fds[2 + 2 * i];
        bool dead = false;
        if (out.revents & (POLLOUT | POLLERR | POLLHUP)) dead = !send_some(workers_[i]);
        if (!dead && (in.revents & (POLLIN | POLLHUP | POLLERR))) dead = !receive_some(workers_[i]);
        if (dead) bury(i);
      }
    }
    // Clear a SIGPIPE left pending on this thread so the program never sees it.
    timespec zero{0, 0};
    while (sigtimedwait(&pipe_set, nullptr, &zero) > 0) {
    }
    publish_pids();
  }

  bool spawn() {
    int to_child[2];
    int from_child[2];
    if (::pipe2(to_child, O_CLOEXEC) != 0) return spawn_failed(errno);
    if (::pipe2(from_child, O_CLOEXEC) != 0) {
      const int e = errno;
      ::close(to_child[0]);
      ::close(to_child[1]);
      return spawn_failed(e);
    }
    // Bigger pipes mean fewer wakeups per megabyte; failure just keeps 64 KiB.
    ::fcntl(to_child[1], F_SETPIPE_SZ, 1 << 20);
    ::fcntl(from_child[1], F_SETPIPE_SZ, 1 << 20);
    // The child ends must not be 3 or 4 themselves, or dup2 onto them would
    // keep O_CLOEXEC and exec would close them.
    const int child_in = dup_above(to_child[0], 5);
    const int child_out = dup_above(from_child[1], 5);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, child_in, 3);
    posix_spawn_file_actions_adddup2(&actions, child_out, 4);
    posix_spawn_file_actions_addclosefrom_np(&actions, 5);  // no other fd of the parent leaks in
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t empty;
    sigemptyset(&empty);
    sigset_t defaults;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGPIPE);
    posix_spawnattr_setsigmask(&attr, &empty);  // this thread blocks SIGPIPE; the worker must not
    posix_spawnattr_setsigdefault(&attr, &defaults);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

    const std::string spec = std::string(kWorkerEnvVar) + "=3:4:" + std::to_string(::getpid());
    std::vector<char*> envp;
    const std::size_t prefix = std::strlen(kWorkerEnvVar) + 1;
    for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
      if (std::strncmp(*e, spec.c_str(), prefix) != 0) envp.push_back(*e);
    }
    envp.push_back(const_cast<char*>(spec.c_str()));
    envp.push_back(nullptr);
    char* argv[] = {const_cast<char*>(argv0_.c_str()), nullptr};

    pid_t pid = -1;
    const int rc = ::posix_spawn(&pid, "/proc/self/exe", &actions, &attr, argv, envp.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    ::close(child_in);
    ::close(child_out);
    if (rc != 0) {
      ::close(to_child[1]);
      ::close(from_child[0]);
      return spawn_failed(rc);
    }
    ::fcntl(to_child[1], F_SETFL, O_NONBLOCK);
    ::fcntl(from_child[0], F_SETFL, O_NONBLOCK);
    Worker w;
    w.pid = pid;
    w.task_fd = to_child[1];
    w.result_fd = from_child[0];
    workers_.push_back(std::move(w));
    return true;
  }

  bool spawn_failed(int error) {
    broken_reason_ = std::string("could not start a worker process: ") + std::strerror(error);
    broken_ = true;
    return false;
  }

  void fail_pending() {
    for (auto& t : pending_) {
      if (t->started || t->sink->start()) {
        t->sink->fail(std::make_exception_ptr(WorkerCrashed(-1, 0, 127, broken_reason_)));
      }
    }
    pending_.clear();
  }

  std::size_t capacity(const Worker& w) const {
    if (w.retiring || w.task_fd < 0) return 0;
    std::size_t room = kPipelineDepth > w.inflight.size() ? kPipelineDepth - w.inflight.size() : 0;
    if (max_tasks_ != 0) room = std::min(room, max_tasks_ - std::min(max_tasks_, w.assigned));
    return room;
  }

  // Idle workers first, then one queued task per busy worker.
  void dispatch() {
    for (std::size_t depth = 0; depth < kPipelineDepth && !pending_.empty(); ++depth) {
      for (auto& w : workers_) {
        if (pending_.empty()) break;
        if (w.inflight.size() != depth || capacity(w) == 0) continue;
        std::unique_ptr<Task> t = take_runnable();
        if (!t) break;
        w.inflight.push_back(std::move(t));
        ++w.assigned;
        if (!send_some(w)) {
          // A dead worker shows up as EOF on its result pipe; handle it there.
        }
      }
    }
  }

  std::unique_ptr<Task> take_runnable() {
    while (!pending_.empty()) {
      std::unique_ptr<Task> t = std::move(pending_.front());
      pending_.pop_front();
      if (t->started || t->sink->start()) {
        t->started = true;
        return t;
      }
      // Cancelled by its consumer before it ran: drop it.
    }
    return nullptr;
  }

  // Workers that reached max_tasks_per_child, or all idle ones at shutdown,
  // get their task pipe closed once drained: they exit on EOF.
  void retire_drained(bool all) {
    for (auto& w : workers_) {
      if (max_tasks_ != 0 && w.assigned >= max_tasks_) w.retiring = true;
      if (all) w.retiring = true;
      if (w.retiring && w.inflight.empty()) close_fd(w.task_fd);
    }
  }

  // False if the worker is gone.
  bool send_some(Worker& w) {
    while (w.task_fd >= 0 && w.unsent < w.inflight.size()) {
      const ByteBuffer& f = w.inflight[w.unsent]->frame;
      ssize_t n;
      if (f.size() >= kSpliceThreshold) {
        // Large frames are spliced: the pipe references our pages instead of
        // copying them. Safe because a task's frame is neither modified nor
        // recycled until its result arrives, i.e. after the worker read it all.
        iovec iov{const_cast<char*>(f.data()) + w.send_offset, f.size() - w.send_offset};
        n = ::vmsplice(w.task_fd, &iov, 1, SPLICE_F_NONBLOCK);
      } else {
        n = ::write(w.task_fd, f.data() + w.send_offset, f.size() - w.send_offset);
      }
      if (n < 0) {
        if (errno == EAGAIN || errno == EINTR) return true;
        return false;
      }
      w.send_offset += static_cast<std::size_t>(n);
      if (w.send_offset == f.size()) {
        ++w.unsent;
        w.send_offset = 0;
      }
    }
    return true;
  }

  // False on EOF or error (the worker exited or died).
  bool receive_some(Worker& w) {
    constexpr std::size_t kStaging = 64 * 1024;
    for (;;) {
      if (w.in_body) {
        const std::size_t want = w.body.size() - w.body_got;
        const ssize_t n = ::read(w.result_fd, w.body.data() + w.body_got, want);
        if (n == 0) return false;
        if (n < 0) return errno == EAGAIN || errno == EINTR;
        w.body_got += static_cast<std::size_t>(n);
        if (w.body_got == w.body.size()) {
          w.in_body = false;
          handle_frame(w, w.body_header, w.body.data(), w.body.size());
          if (w.body.capacity() > kKeepBuffer) w.body = ByteBuffer();  // else reuse its warm pages
        }
        continue;
      }
      if (w.staging.size() != kStaging) w.staging.resize_uninitialized(kStaging);
      const ssize_t n = ::read(w.result_fd, w.staging.data() + w.staged, kStaging - w.staged);
      if (n == 0) return false;
      if (n < 0) return errno == EAGAIN || errno == EINTR;
      w.staged += static_cast<std::size_t>(n);
      std::size_t pos = 0;
      while (w.staged - pos >= sizeof(FrameHeader)) {
        FrameHeader h;
        std::memcpy(&h, w.staging.data() + pos, sizeof h);
        const std::size_t avail = w.staged - pos - sizeof h;
        if (h.size <= avail) {
          handle_frame(w, h, w.staging.data() + pos + sizeof h, h.size);
          pos += sizeof h + h.size;
        } else if (h.size > kStaging - sizeof h) {
          // Large frame: read the rest straight into its own buffer (one copy less).
          w.body_header = h;
          w.body.resize_uninitialized(h.size);
          std::memcpy(w.body.data(), w.staging.data() + pos + sizeof h, avail);
          w.body_got = avail;
          w.in_body = true;
          pos = w.staged;
          break;
        } else {
          break;  // wait for the rest of a small frame
        }
      }
      if (pos != 0) {
        std::memmove(w.staging.data(), w.staging.data() + pos, w.staged - pos);
        w.staged -= pos;
      }
    }
  }

  void handle_frame(Worker& w, const FrameHeader& h, const char* data, std::size_t size) {
    if (h.kind == FrameKind::hello) {
      w.hello = true;
      start_failures_ = 0;
      return;
    }
    if (w.inflight.empty() || w.inflight.front()->id != h.id) return;  // protocol violation: ignore
    std::unique_ptr<Task> t = std::move(w.inflight.front());
    w.inflight.pop_front();
    if (w.unsent > 0) --w.unsent;
    recycle(std::move(t->frame));
    if (h.kind == FrameKind::result) {
      t->sink->complete(data, size);
    } else {
      std::string type_name = "unknown";
      std::string what;
      try {
        Reader r(data, size);
        r(type_name, what);
      } catch (const DecodeError&) {
        what = "(undecodable error report)";
      }
      t->sink->fail(std::make_exception_ptr(RemoteError(std::move(type_name), std::move(what))));
    }
  }

  // The worker at index i closed its result pipe: reap it, fail the task it
  // was running, requeue the ones it had not started.
  void bury(std::size_t i) {
    Worker w = std::move(workers_[i]);
    workers_.erase(workers_.begin() + static_cast<std::ptrdiff_t>(i));
    // Only the front task can have started: the worker runs tasks in order
    // and had not answered it. It had not started if part of it was never
    // written, or if the worker did not read all of it (a worker only runs a
    // task after reading the whole frame). The pipe still holds what it did
    // not read. A worker killed while blocked in read() can still consume the
    // 24-byte header on its way out, so "read nothing" would be too strict.
    bool front_started = !w.inflight.empty() && w.unsent > 0;
    if (front_started && w.task_fd >= 0) {
      int unread = 0;
      std::size_t written = w.send_offset;
      for (std::size_t k = 0; k < w.unsent; ++k) written += w.inflight[k]->frame.size();
      if (::ioctl(w.task_fd, FIONREAD, &unread) == 0) {
        const std::size_t consumed = written - std::min(written, static_cast<std::size_t>(unread));
        front_started = consumed >= w.inflight.front()->frame.size();
      }
    }
    close_fd(w.task_fd);
    close_fd(w.result_fd);
    int status = 0;
    const bool reaped = reap(w.pid, status);
    const int sig = reaped && WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    const int code = reaped && WIFEXITED(status) ? WEXITSTATUS(status) : -1;

    if (!w.hello && sig == 0 && code != 0) {
      if (++start_failures_ >= kMaxStartFailures) {
        broken_ = true;
        broken_reason_ = "workers exit with status " + std::to_string(code) + " before starting";
      }
    }
    if (!w.inflight.empty()) {
      std::unique_ptr<Task> front = std::move(w.inflight.front());
      w.inflight.pop_front();
      for (auto it = w.inflight.rbegin(); it != w.inflight.rend(); ++it) pending_.push_front(std::move(*it));
      if (front_started) {
        front->sink->fail(std::make_exception_ptr(WorkerCrashed(w.pid, sig, code)));
      } else {
        pending_.push_front(std::move(front));
      }
    }
  }

  // The pipe closed, so the process is exiting; give it a moment, then make sure.
  static bool reap(pid_t pid, int& status) {
    for (int i = 0; i < 200; ++i) {
      const pid_t r = ::waitpid(pid, &status, WNOHANG);
      if (r == pid) return true;
      if (r < 0 && errno != EINTR) return false;  // someone else reaped it (SIGCHLD ignored?)
      std::this_thread::sleep_for(std::chrono::milliseconds(i < 20 ? 1 : 10));
    }
    ::kill(pid, SIGKILL);
    while (::waitpid(pid, &status, 0) < 0) {
      if (errno != EINTR) return false;
    }
    return true;
  }

  void recycle(ByteBuffer b) {
    if (b.capacity() > kKeepBuffer || b.capacity() < 4096) return;  // small ones: malloc is cheap enough
    std::lock_guard guard(mutex_);
    if (spares_.size() < kMaxSpares) {
      spares_.push_back(std::move(b));
    } else {
      // Keep the largest ones: they are the expensive ones to fault in again.
      auto smallest = std::min_element(spares_.begin(), spares_.end(),
                                       [](const ByteBuffer& a, const ByteBuffer& c) { return a.capacity() < c.capacity(); });
      if (smallest->capacity() < b.capacity()) *smallest = std::move(b);
    }
  }

  void publish_pids() {
    std::vector<pid_t> pids;
    for (auto& w : workers_) pids.push_back(w.pid);
    if (pids == published_) return;
    published_ = pids;
    std::lock_guard guard(mutex_);
    pids_ = std::move(pids);
  }

  const std::size_t size_;
  const std::size_t max_tasks_;
  std::string argv0_;
  int wake_fd_ = -1;

  mutable std::mutex mutex_;  // guards the fields below up to the supervisor-only ones
  std::deque<std::unique_ptr<Task>> incoming_;
  bool shutting_down_ = false;
  bool cancel_pending_ = false;
  std::uint64_t next_id_ = 0;
  std::vector<pid_t> pids_;
  std::vector<ByteBuffer> spares_;

  // Supervisor thread only.
  std::deque<std::unique_ptr<Task>> pending_;
  std::vector<Worker> workers_;
  std::vector<pid_t> published_;
  bool broken_ = false;
  std::string broken_reason_;
  int start_failures_ = 0;

  std::mutex join_mutex_;
  std::thread supervisor_;
  std::thread::id supervisor_id_;
};

}  // namespace detail

ProcessPool::ProcessPool(std::size_t workers, std::size_t max_tasks_per_child)
    : core_(std::make_unique<detail::ProcessPoolCore>(workers, max_tasks_per_child)) {
  detail::process_worker_anchor();
}

ProcessPool::~ProcessPool() = default;

ByteBuffer ProcessPool::acquire_buffer() { return core_->acquire_buffer(); }

std::uint64_t ProcessPool::enqueue(ByteBuffer frame, std::unique_ptr<detail::ResultSink> sink) {
  return core_->enqueue(std::move(frame), std::move(sink));
}

void ProcessPool::shutdown(bool wait, bool cancel_pending) { core_->shutdown(wait, cancel_pending); }

std::size_t ProcessPool::size() const noexcept { return core_->size(); }

std::vector<pid_t> ProcessPool::worker_pids() const { return core_->worker_pids(); }

}  // namespace boundwise
