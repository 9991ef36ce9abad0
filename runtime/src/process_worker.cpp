// The worker side of ProcessPool: entered from a static initializer when the program was re-executed as a worker.
//
// Why a static initializer: the pool re-executes the very binary that created
// it (/proc/self/exe), and that binary's main() belongs to the user (or to
// gtest_main). The hook below runs before main(), serves tasks until the
// parent closes the task pipe, and then _exit()s, so main() never runs in a
// worker. Statics of translation units linked before this library (the
// program's own) are already constructed at that point.
#include <cxxabi.h>
#include <fcntl.h>
#include <malloc.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <iostream>  // constructs the standard streams before the hook below runs tasks
#include <memory>
#include <string>
#include <typeinfo>

#include "boundwise/codec.hpp"
#include "boundwise/detail/process_protocol.hpp"

namespace boundwise::detail {
namespace {

[[noreturn]] void worker_exit(int status) {
  std::fflush(nullptr);  // keep what tasks printed
  ::_exit(status);       // no static destructors: the program's main never ran
}

bool read_full(int fd, void* dst, std::size_t n) {
  auto* p = static_cast<char*>(dst);
  while (n > 0) {
    const ssize_t got = ::read(fd, p, n);
    if (got > 0) {
      p += got;
      n -= static_cast<std::size_t>(got);
    } else if (got == 0) {
      return false;
    } else if (errno != EINTR) {
      return false;
    }
  }
  return true;
}

void write_full(int fd, const void* src, std::size_t n) {
  const auto* p = static_cast<const char*>(src);
  while (n > 0) {
    const ssize_t put = ::write(fd, p, n);
    if (put >= 0) {
      p += put;
      n -= static_cast<std::size_t>(put);
    } else if (errno != EINTR) {
      worker_exit(0);  // the parent is gone
    }
  }
}

// Sends a large reply without the kernel copying it: vmsplice() lends the
// pages to the pipe. The last pipe-capacity bytes are written with an
// ordinary copying write(): when that returns, the pipe has had room for all
// of them, so in FIFO order every lent page has been read and `out` may be
// reused or freed.
void send_reply(int fd, const ByteBuffer& out, std::size_t pipe_capacity) {
  constexpr std::size_t kSpliceThreshold = std::size_t{1} << 20;
  std::size_t spliced = 0;
  if (pipe_capacity != 0 && out.size() >= kSpliceThreshold && out.size() > 2 * pipe_capacity) {
    const std::size_t head = out.size() - pipe_capacity;
    while (spliced < head) {
      iovec iov{const_cast<char*>(out.data()) + spliced, head - spliced};
      const ssize_t put = ::vmsplice(fd, &iov, 1, 0);
      if (put > 0) {
        spliced += static_cast<std::size_t>(put);
      } else if (put < 0 && errno != EINTR) {
        if (errno == EPIPE) worker_exit(0);
        break;  // vmsplice unsupported here: fall back to write() for the rest
      }
    }
  }
  write_full(fd, out.data() + spliced, out.size() - spliced);
}

std::string demangle(const char* name) {
  int status = 0;
  std::unique_ptr<char, decltype(&std::free)> d(abi::__cxa_demangle(name, nullptr, nullptr, &status), &std::free);
  return status == 0 && d ? std::string(d.get()) : std::string(name);
}

void encode_current_exception(ByteBuffer& out) {
  const std::type_info* type = abi::__cxa_current_exception_type();
  std::string type_name = type ? demangle(type->name()) : std::string("unknown");
  std::string what;
  try {
    throw;
  } catch (const std::exception& e) {
    what = e.what();
  } catch (...) {
    what = "(not derived from std::exception)";
  }
  Writer w(out);
  w(type_name, what);
}

[[noreturn]] void serve(int task_fd, int result_fd) {
  FrameHeader hello{FrameKind::hello, 0, 0, 0};
  write_full(result_fd, &hello, sizeof hello);

  const int capacity = ::fcntl(result_fd, F_GETPIPE_SZ);
  const std::size_t pipe_capacity = capacity > 0 ? static_cast<std::size_t>(capacity) : 0;
  ByteBuffer in;
  ByteBuffer out;
  for (;;) {
    FrameHeader h;
    if (!read_full(task_fd, &h, sizeof h)) worker_exit(0);  // parent closed the pipe: retire
    in.resize_uninitialized(h.size);
    if (!read_full(task_fd, in.data(), h.size)) worker_exit(0);

    out.clear();
    out.resize_uninitialized(sizeof(FrameHeader));
    FrameKind kind = FrameKind::result;
    try {
      Reader r(in);
      FnRef trampoline_ref;
      FnRef fn_ref;
      r(trampoline_ref, fn_ref);
      const auto trampoline = reinterpret_cast<Trampoline>(resolve_function(trampoline_ref));
      const auto fn = reinterpret_cast<ErasedFn>(resolve_function(fn_ref));
      trampoline(fn, r, out);
    } catch (...) {
      kind = FrameKind::error;
      out.resize_uninitialized(sizeof(FrameHeader));
      try {
        encode_current_exception(out);
      } catch (...) {
        out.resize_uninitialized(sizeof(FrameHeader));
        Writer w(out);
        w(std::string("unknown"), std::string("(describing the exception failed)"));
      }
    }
    const FrameHeader reply{kind, 0, h.id, out.size() - sizeof(FrameHeader)};
    std::memcpy(out.data(), &reply, sizeof reply);
    send_reply(result_fd, out, pipe_capacity);

    // Keep the buffers (and their already-faulted pages) for the next task,
    // up to a bound: refilling fresh pages costs more than the copy itself.
    constexpr std::size_t kKeep = std::size_t{256} << 20;
    if (in.capacity() > kKeep) in = ByteBuffer();
    if (out.capacity() > kKeep) out = ByteBuffer();
  }
}

void enter_worker_mode_if_requested() {
  const char* spec = std::getenv(kWorkerEnvVar);
  if (spec == nullptr) return;
  int task_fd = -1;
  int result_fd = -1;
  long parent = 0;
  if (std::sscanf(spec, "%d:%d:%ld", &task_fd, &result_fd, &parent) != 3) return;
  ::unsetenv(kWorkerEnvVar);  // tasks that start their own pools must not inherit worker mode

  // Die with the parent's supervising thread; the getppid check closes the
  // race where the parent died before prctl.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != static_cast<pid_t>(parent)) worker_exit(0);
  ::fcntl(task_fd, F_SETFD, FD_CLOEXEC);
  ::fcntl(result_fd, F_SETFD, FD_CLOEXEC);
  // Large task arguments are decoded into fresh containers and freed after
  // the call. glibc serves blocks over 32 MiB with mmap and unmaps them on
  // free, so every 100 MB argument costs 25k zeroed pages again (measured:
  // ~30% of a worker's CPU on a 100 MB echo). In a worker, keep them on the
  // heap instead and keep up to 256 MiB of freed top-of-heap mapped for the
  // next task (the same bound as the worker's own I/O buffers). Parent
  // processes are the user's: their malloc is left alone.
  ::mallopt(M_MMAP_MAX, 0);
  ::mallopt(M_TRIM_THRESHOLD, 256 << 20);
  serve(task_fd, result_fd);
}

// Runs in every program linking the runtime; a no-op unless re-executed as a worker.
const bool worker_hook = (enter_worker_mode_if_requested(), true);

}  // namespace

void process_worker_anchor() noexcept { (void)worker_hook; }

}  // namespace boundwise::detail
