// Small-object allocation for pool tasks: per-thread magazines of recycled blocks over a shared depot.
#pragma once

#include <cstddef>
#include <new>

namespace boundwise::detail {

// Blocks up to kMaxCachedTask bytes come from per-thread caches; larger ones
// go straight to ::operator new. Freed blocks may be reused by any thread
// (through the depot), which matters because tasks are usually allocated by
// the submitter and freed by whoever drops the last Future.
inline constexpr std::size_t kMaxCachedTask = 256;

void* allocate_task(std::size_t size);
void deallocate_task(void* block, std::size_t size) noexcept;

// Mixin giving a class the cached allocation. The deleting destructor of the
// most-derived class calls its sized operator delete, so `delete base` with a
// virtual destructor returns the block to the right size class.
struct CachedAllocation {
  static void* operator new(std::size_t size) { return allocate_task(size); }
  static void operator delete(void* block, std::size_t size) noexcept { deallocate_task(block, size); }
  // Over-aligned callables (alignas > 16) bypass the cache: its blocks are
  // only malloc-aligned.
  static void* operator new(std::size_t size, std::align_val_t align) { return ::operator new(size, align); }
  static void operator delete(void* block, std::size_t size, std::align_val_t align) noexcept {
    ::operator delete(block, size, align);
  }
};

}  // namespace boundwise::detail
