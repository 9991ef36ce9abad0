// Helpers for the thread-runtime tests: sanitizer-aware loop scaling and thread counting.
#pragma once

#include <cstddef>
#include <filesystem>

namespace boundwise::test {

#if defined(__SANITIZE_THREAD__)
inline constexpr std::size_t kScale = 4;  // TSan is slower; keep the binary well under a minute
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
inline constexpr std::size_t kScale = 4;
#else
inline constexpr std::size_t kScale = 1;
#endif
#else
inline constexpr std::size_t kScale = 1;
#endif

// Scales a loop count down under TSan, never below 1.
constexpr std::size_t scaled(std::size_t n) { return n / kScale > 0 ? n / kScale : 1; }

// Threads in this process right now (entries of /proc/self/task).
inline std::size_t thread_count() {
  std::size_t n = 0;
  for ([[maybe_unused]] auto& e : std::filesystem::directory_iterator("/proc/self/task")) ++n;
  return n;
}

}  // namespace boundwise::test
