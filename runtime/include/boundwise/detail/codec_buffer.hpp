// Byte storage for the codec: a growable buffer that never zero-fills and a bounds-checked cursor.
#pragma once

#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>
#include <stdexcept>
#include <string>
#include <utility>

namespace boundwise {
namespace detail {

// Prepares a large heap block that is about to be filled: asks for
// transparent huge pages and maps it in one go. Filling 100 MB of fresh
// 4 KiB pages costs ~25k page faults, which on a VM costs more than copying
// the bytes. Advisory only: harmless where unsupported.
inline void advise_huge_pages(const void* p, std::size_t n) noexcept {
  constexpr std::size_t kThreshold = std::size_t{4} << 20;
  constexpr std::uintptr_t kPage = 4096;
  if (p == nullptr || n < kThreshold) return;
  const auto lo = (reinterpret_cast<std::uintptr_t>(p) + kPage - 1) & ~(kPage - 1);
  const auto hi = (reinterpret_cast<std::uintptr_t>(p) + n) & ~(kPage - 1);
  if (hi <= lo) return;
  ::madvise(reinterpret_cast<void*>(lo), hi - lo, MADV_HUGEPAGE);
#ifdef MADV_POPULATE_WRITE
  // One syscall maps the whole range instead of one trap per page (Linux 5.14+; ignored before).
  ::madvise(reinterpret_cast<void*>(lo), hi - lo, MADV_POPULATE_WRITE);
#endif
}

}  // namespace detail

// Thrown when bytes do not decode as the requested type (truncated or corrupt
// input). Encoding never throws it.
class DecodeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// An owning, movable byte buffer. Unlike std::vector<char> it grows without
// value-initializing the new bytes, which matters when a 100 MB payload is
// about to be overwritten by memcpy or read(2) anyway.
class ByteBuffer {
 public:
  ByteBuffer() = default;
  explicit ByteBuffer(std::size_t capacity) { reserve(capacity); }
  ByteBuffer(const ByteBuffer&) = delete;
  ByteBuffer& operator=(const ByteBuffer&) = delete;
  ByteBuffer(ByteBuffer&& o) noexcept
      : data_(std::exchange(o.data_, nullptr)),
        size_(std::exchange(o.size_, 0)),
        capacity_(std::exchange(o.capacity_, 0)) {}
  ByteBuffer& operator=(ByteBuffer&& o) noexcept {
    if (this != &o) {
      std::free(data_);
      data_ = std::exchange(o.data_, nullptr);
      size_ = std::exchange(o.size_, 0);
      capacity_ = std::exchange(o.capacity_, 0);
    }
    return *this;
  }
  ~ByteBuffer() { std::free(data_); }

  char* data() noexcept { return data_; }
  const char* data() const noexcept { return data_; }
  std::size_t size() const noexcept { return size_; }
  std::size_t capacity() const noexcept { return capacity_; }
  bool empty() const noexcept { return size_ == 0; }
  void clear() noexcept { size_ = 0; }

  void reserve(std::size_t n) {
    if (n <= capacity_) return;
    void* p = std::realloc(data_, n);
    if (p == nullptr) throw std::bad_alloc();
    data_ = static_cast<char*>(p);
    capacity_ = n;
    detail::advise_huge_pages(data_ + size_, capacity_ - size_);
  }

  // Grows to n bytes; new bytes are left uninitialized for the caller to fill.
  void resize_uninitialized(std::size_t n) {
    if (n > capacity_) grow_to(n);
    size_ = n;
  }

  // Appends n uninitialized bytes and returns where they start.
  char* extend(std::size_t n) {
    if (capacity_ - size_ < n) grow_to(size_ + n);
    char* p = data_ + size_;
    size_ += n;
    return p;
  }

  void append(const void* src, std::size_t n) {
    if (n == 0) return;
    std::memcpy(extend(n), src, n);
  }

 private:
  void grow_to(std::size_t n) {
    std::size_t c = capacity_ < 64 ? 64 : capacity_ * 2;
    reserve(c < n ? n : c);
  }

  char* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

namespace detail {

// A read cursor over bytes someone else owns.
class ByteCursor {
 public:
  ByteCursor(const char* data, std::size_t size) noexcept : cur_(data), end_(data + size) {}

  std::size_t remaining() const noexcept { return static_cast<std::size_t>(end_ - cur_); }

  const char* take(std::size_t n) {
    if (remaining() < n) {
      throw DecodeError("boundwise codec: input truncated (wanted " + std::to_string(n) + " bytes, " +
                        std::to_string(remaining()) + " left)");
    }
    const char* p = cur_;
    cur_ += n;
    return p;
  }

  void copy_to(void* dst, std::size_t n) {
    if (n == 0) return;
    std::memcpy(dst, take(n), n);
  }

  // Validates a decoded element count before anything is allocated for it:
  // each element needs at least min_bytes, so a corrupt count cannot make us
  // allocate terabytes.
  std::size_t checked_count(std::uint64_t count, std::size_t min_bytes) const {
    if (min_bytes != 0 && count > remaining() / min_bytes) {
      throw DecodeError("boundwise codec: element count " + std::to_string(count) + " exceeds the remaining input");
    }
    return static_cast<std::size_t>(count);
  }

 private:
  const char* cur_;
  const char* end_;
};

}  // namespace detail
}  // namespace boundwise
