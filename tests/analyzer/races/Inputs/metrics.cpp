// Helper TU for crossfile/atomic_helper.cpp: the shared counters are atomics.
#include "metrics.hpp"
#include <atomic>

static std::atomic<long> requests{0};
static std::atomic<long> bytes{0};

void count_request(long n) {
  requests.fetch_add(1, std::memory_order_relaxed);
  bytes += n;
}

long total_requests() { return requests.load(); }
long total_bytes() { return bytes.load(); }
