// Magazine allocator for pool tasks (after Bonwick & Adams, "Magazines and Vmem", USENIX 2001).
//
// Why: with a Future per task, a burst of a million submits means a million
// live 64-byte blocks; profiling thread_pool_bench showed a third of all CPU
// time in glibc malloc/free (consolidation of fastbins, chunk unlinking).
// Each thread keeps two magazines (arrays of free blocks) per size class, so
// the common case is a pop or push on thread-local memory. Full and empty
// magazines move through a mutex-protected depot, once per 64 blocks, which
// lets blocks freed on one thread be reused by another. The depot keeps at
// most kDepotBytes per size class; beyond that blocks go back to malloc.
#include "boundwise/detail/task_alloc.hpp"

#include <array>
#include <cstdint>
#include <mutex>
#include <new>
#include <vector>

#if defined(__SANITIZE_ADDRESS__)
#define BOUNDWISE_NO_TASK_CACHE 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define BOUNDWISE_NO_TASK_CACHE 1
#endif
#endif

namespace boundwise::detail {

#if defined(BOUNDWISE_NO_TASK_CACHE)
// Under ASan recycled blocks would hide use-after-free: use malloc directly.
void* allocate_task(std::size_t size) { return ::operator new(size); }
void deallocate_task(void* block, std::size_t) noexcept { ::operator delete(block); }
#else

namespace {

constexpr std::size_t kClasses = 3;  // 64, 128, 256 bytes
constexpr std::size_t kMagazineSize = 64;
constexpr std::size_t kDepotBytes = std::size_t{64} << 20;

constexpr std::size_t class_of(std::size_t size) { return size <= 64 ? 0 : size <= 128 ? 1 : 2; }
constexpr std::size_t class_bytes(std::size_t c) { return std::size_t{64} << c; }

struct Magazine {
  std::size_t count = 0;
  std::array<void*, kMagazineSize> blocks;
  bool full() const { return count == kMagazineSize; }
  bool empty() const { return count == 0; }
};

void free_magazine(Magazine* m, std::size_t c) {
  for (std::size_t i = 0; i < m->count; ++i) ::operator delete(m->blocks[i], class_bytes(c));
  delete m;
}

class Depot {
 public:
  // A full magazine from the depot, or nullptr.
  Magazine* take_full(std::size_t c) {
    std::lock_guard lock(mutex_);
    auto& v = full_[c];
    if (v.empty()) return nullptr;
    Magazine* m = v.back();
    v.pop_back();
    return m;
  }
  Magazine* take_empty() {
    {
      std::lock_guard lock(mutex_);
      if (!empty_.empty()) {
        Magazine* m = empty_.back();
        empty_.pop_back();
        return m;
      }
    }
    return new Magazine();
  }
  void give(Magazine* m, std::size_t c) {
    if (m == nullptr) return;
    {
      std::lock_guard lock(mutex_);
      if (m->empty()) {
        empty_.push_back(m);
        return;
      }
      if ((full_[c].size() + 1) * kMagazineSize * class_bytes(c) <= kDepotBytes) {
        full_[c].push_back(m);
        return;
      }
    }
    free_magazine(m, c);
  }

 private:
  std::mutex mutex_;
  std::array<std::vector<Magazine*>, kClasses> full_;
  std::vector<Magazine*> empty_;
};

// Never destroyed: thread caches of threads that outlive static destruction
// (detached threads, late thread_local destructors) may still return blocks.
Depot& depot() {
  static Depot* d = new Depot();
  return *d;
}

struct ThreadCache {
  std::array<Magazine*, kClasses> loaded{};
  std::array<Magazine*, kClasses> previous{};
  ~ThreadCache() {
    for (std::size_t c = 0; c < kClasses; ++c) {
      depot().give(loaded[c], c);
      depot().give(previous[c], c);
    }
  }
};

thread_local ThreadCache tls_cache;

}  // namespace

void* allocate_task(std::size_t size) {
  if (size > kMaxCachedTask) return ::operator new(size);
  const std::size_t c = class_of(size);
  ThreadCache& tc = tls_cache;
  Magazine*& loaded = tc.loaded[c];
  if (loaded != nullptr && !loaded->empty()) return loaded->blocks[--loaded->count];
  Magazine*& previous = tc.previous[c];
  if (previous != nullptr && !previous->empty()) {
    std::swap(loaded, previous);
    return loaded->blocks[--loaded->count];
  }
  if (Magazine* m = depot().take_full(c)) {
    depot().give(previous, c);  // an empty one (or nullptr)
    previous = loaded;
    loaded = m;
    return loaded->blocks[--loaded->count];
  }
  return ::operator new(class_bytes(c));
}

void deallocate_task(void* block, std::size_t size) noexcept {
  if (size > kMaxCachedTask) {
    ::operator delete(block, size);
    return;
  }
  const std::size_t c = class_of(size);
  ThreadCache& tc = tls_cache;
  Magazine*& loaded = tc.loaded[c];
  if (loaded != nullptr && !loaded->full()) {
    loaded->blocks[loaded->count++] = block;
    return;
  }
  Magazine*& previous = tc.previous[c];
  if (previous != nullptr && !previous->full()) {
    std::swap(loaded, previous);
    loaded->blocks[loaded->count++] = block;
    return;
  }
  try {
    Magazine* fresh = depot().take_empty();
    depot().give(previous, c);  // a full one (or nullptr)
    previous = loaded;
    loaded = fresh;
    loaded->blocks[loaded->count++] = block;
  } catch (...) {  // no memory for a magazine: just free the block
    ::operator delete(block, class_bytes(c));
  }
}

#endif

}  // namespace boundwise::detail
