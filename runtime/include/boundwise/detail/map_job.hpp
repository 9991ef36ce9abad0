// The chunked loop behind ThreadPool::map: workers claim chunks, results land in input order.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <iterator>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <type_traits>
#include <variant>
#include <vector>

namespace boundwise::detail {

// Results are written in place by index, so order needs no sorting. Results
// that are cheap to default-construct go straight into the returned vector;
// others (and bool, whose vector packs bits and so cannot be written from
// several threads) go through optional slots first.
template <class R>
inline constexpr bool kMapDirect =
    std::is_default_constructible_v<R> && std::is_nothrow_move_assignable_v<R> &&
    !std::is_same_v<R, bool>;

// Chunks are claimed with one fetch_add each (dynamic self-scheduling), so a
// slow chunk does not hold up a worker with a fixed share. After an item
// throws, chunks that start past it are skipped: only the lowest-index
// exception is reported, and nothing later can beat it.
template <class R, class F, class It>
class MapJob {
 public:
  MapJob(F& f, It first, std::size_t n, std::size_t chunk)
      : f_(f), first_(first), n_(n), chunk_(chunk), chunks_((n + chunk - 1) / chunk) {
    if constexpr (std::is_void_v<R>) {
    } else if constexpr (kMapDirect<R>) {
      out_.resize(n);
    } else {
      slots_ = std::make_unique<std::optional<R>[]>(n);
    }
  }

  std::size_t chunks() const noexcept { return chunks_; }

  // Claims and runs chunks until none are left. Never throws.
  void work() noexcept {
    for (;;) {
      const std::size_t c = next_.fetch_add(1, std::memory_order_relaxed);
      if (c >= chunks_) return;
      const std::size_t begin = c * chunk_;
      const std::size_t end = std::min(n_, begin + chunk_);
      if (begin > first_error_.load(std::memory_order_relaxed)) continue;
      std::size_t i = begin;
      try {
        for (; i < end; ++i) run_one(i);
      } catch (...) {
        record(i, std::current_exception());
      }
    }
  }

  // After every work() call returned: the results, or the first exception.
  auto take() {
    if (error_) std::rethrow_exception(error_);
    if constexpr (std::is_void_v<R>) {
      return;
    } else if constexpr (kMapDirect<R>) {
      return std::move(out_);
    } else {
      std::vector<R> out;
      out.reserve(n_);
      for (std::size_t i = 0; i < n_; ++i) out.push_back(std::move(*slots_[i]));
      return out;
    }
  }

 private:
  void run_one(std::size_t i) {
    auto&& item = first_[static_cast<typename std::iterator_traits<It>::difference_type>(i)];
    if constexpr (std::is_void_v<R>) {
      std::invoke(f_, item);
    } else if constexpr (kMapDirect<R>) {
      out_[i] = std::invoke(f_, item);
    } else {
      slots_[i].emplace(std::invoke(f_, item));
    }
  }

  void record(std::size_t i, std::exception_ptr e) {
    std::lock_guard guard(error_mutex_);
    if (i < first_error_.load(std::memory_order_relaxed)) {
      first_error_.store(i, std::memory_order_relaxed);
      error_ = std::move(e);
    }
  }

  F& f_;
  It first_;
  const std::size_t n_, chunk_, chunks_;
  alignas(64) std::atomic<std::size_t> next_{0};
  alignas(64) std::atomic<std::size_t> first_error_{std::numeric_limits<std::size_t>::max()};
  std::mutex error_mutex_;
  std::exception_ptr error_;
  std::conditional_t<kMapDirect<R>, std::vector<R>, std::monostate> out_;
  std::unique_ptr<std::optional<std::conditional_t<std::is_void_v<R>, std::monostate, R>>[]> slots_;
};

}  // namespace boundwise::detail
