// RUN: %check_boundwise %s boundwise-unsynchronized-shared-state %t
#include <atomic>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

int hits;
long total;
std::mutex total_mu;
int quiet_counter;
int results[8];
int done_flags[8];
std::atomic<int> ready_count;
int published;
struct Stats {
  long requests;
  long errors;
};
Stats stats;
std::mutex stats_mu;

// --- positive: a counter bumped by every instance of one thread.
void count_hit() { hits++; }
// CHECK-MESSAGES: :[[@LINE-1]]:20: warning: data race on 'hits': this write can run at the same time as a write by another thread started at the same place (unsynchronized-shared-state.cpp:66), with no lock held [boundwise-unsynchronized-shared-state]
// CHECK-MESSAGES: :[[@LINE-2]]:20: note: conflicting write of 'hits' in 'count_hit'
// CHECK-MESSAGES: :66:5: note: 'count_hit' runs on a thread started here (std::thread, several at once)
// CHECK-MESSAGES: :[[@LINE-4]]:20: note: 'hits' is only loaded, stored and updated: as std::atomic<int> every access is atomic (sequentially consistent; memory_order_relaxed is enough for a counter nothing else depends on)
// CHECK-FIXES: {{^}}std::atomic<int> hits;

// --- positive: one access skips the mutex every other access holds.
void add(long x) {
  std::lock_guard<std::mutex> lock(total_mu);
  total += x;
}
void add_fast(long x) { total += x; }
// CHECK-MESSAGES: :[[@LINE-1]]:25: warning: data race on 'total': this write can run at the same time as a write by another thread started at the same place (unsynchronized-shared-state.cpp:66), with no lock in common (held: none here, 'total_mu' there) [boundwise-unsynchronized-shared-state]
// CHECK-MESSAGES: :[[@LINE-4]]:3: note: conflicting write of 'total' in 'add'
// CHECK-MESSAGES: :66:5: note: 'add_fast' runs on a thread started here (std::thread, several at once)
// CHECK-MESSAGES: :[[@LINE-4]]:25: note: every other access to 'total' holds 'total_mu': take it here too
// CHECK-FIXES: {{^}}void add_fast(long x) { { std::lock_guard<std::mutex> boundwise_guard(total_mu); total += x; } }

// --- negative: fields under one mutex, read by one thread at a time.
void record(bool failed) {
  std::lock_guard<std::mutex> lock(stats_mu);
  ++stats.requests;
  if (failed)
    ++stats.errors;
}

// --- negative: suppressed with NOLINT.
void bump_quietly() { quiet_counter++; } // NOLINT(boundwise-unsynchronized-shared-state)

// --- negative: per-thread slots, read after the join.
void fill(int slot) { results[slot] = slot * slot; }

// --- negative: published before an atomic store, read after the atomic load.
void publish() {
  published = 42;
  ready_count.fetch_add(1);
}

int main() {
  std::vector<std::thread> workers;
  for (int i = 0; i < 4; ++i)
    workers.emplace_back([] {
      count_hit();
      add(1);
      add_fast(2);
      bump_quietly();
      record(false);
    });
  for (auto &w : workers)
    w.join();

  std::vector<std::thread> fillers;
  for (int i = 0; i < 8; ++i)
    fillers.emplace_back(fill, i);
  for (auto &f : fillers)
    f.join();

  // --- positive: the spawning thread reads before it joins.
  std::thread marker([] { done_flags[0] = 1; });
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: data race on 'done_flags[0]': this write can run at the same time as a read by the thread that started it, in 'main' before it joins, with no lock held [boundwise-unsynchronized-shared-state]
  // CHECK-MESSAGES: :[[@LINE+3]]:14: note: conflicting read of 'done_flags[0]' in 'main'
  // CHECK-MESSAGES: :[[@LINE-3]]:15: note: the lambda runs on a thread started here (std::thread)
  // Reads after the spawn and before the join race with the thread.
  int seen = done_flags[0];
  marker.join();
  int after = done_flags[0]; // joined: ordered

  // --- negative: std::async's future is waited on before the read.
  auto pending = std::async(std::launch::async, publish);
  pending.get();
  int value = published;

  std::thread spinner(publish);
  while (ready_count.load() < 2) {
  }
  int also = published; // after the atomic hand-off
  spinner.join();
  return hits + static_cast<int>(total) + quiet_counter + results[3] + seen + after + value + also;
}
