// Linux futex calls behind detail::futex_wait / futex_wake (kept out of the headers).
#include "boundwise/detail/wait_support.hpp"

#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <climits>
#include <ctime>

namespace boundwise::detail {

static_assert(sizeof(std::atomic<std::uint32_t>) == sizeof(std::uint32_t),
              "futex needs a plain 32-bit word");

namespace {
std::uint32_t* word_address(const std::atomic<std::uint32_t>& word) noexcept {
  // The kernel only reads the word (compare) and uses its address as a key.
  return reinterpret_cast<std::uint32_t*>(const_cast<std::atomic<std::uint32_t>*>(&word));
}
}  // namespace

void futex_wait(const std::atomic<std::uint32_t>& word, std::uint32_t expected,
                const std::chrono::nanoseconds* timeout) noexcept {
  timespec ts{};
  timespec* tsp = nullptr;
  if (timeout != nullptr) {
    const auto ns = timeout->count() < 0 ? 0 : timeout->count();
    ts.tv_sec = static_cast<time_t>(ns / 1'000'000'000);
    ts.tv_nsec = static_cast<long>(ns % 1'000'000'000);
    tsp = &ts;
  }
  // EINTR, EAGAIN (value changed) and ETIMEDOUT all just return: callers loop.
  syscall(SYS_futex, word_address(word), FUTEX_WAIT_PRIVATE, expected, tsp, nullptr, 0);
}

void futex_wake(const std::atomic<std::uint32_t>& word, int count) noexcept {
  syscall(SYS_futex, word_address(word), FUTEX_WAKE_PRIVATE, count, nullptr, nullptr, 0);
}

}  // namespace boundwise::detail
