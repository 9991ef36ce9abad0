// RUN: %check_boundwise %s boundwise-pool-in-loop %t -- -std=c++20 -I%S/../../../runtime/include
#include <boundwise/process_pool.hpp>
#include <boundwise/thread_pool.hpp>

#include <memory>
#include <string>
#include <vector>

namespace boost::asio {
class io_context {
public:
  io_context();
  void run();
};
class thread_pool {
public:
  explicit thread_pool(unsigned n);
  void join();
};
} // namespace boost::asio
namespace tbb {
class task_arena {
public:
  explicit task_arena(int n);
};
class task_group {
public:
  task_group();
  void wait();
};
} // namespace tbb

int square(int x) { return x * x; }
int length(const std::string &s) { return static_cast<int>(s.size()); }

// --- positive: a pool per batch.
void per_batch(const std::vector<std::vector<int>> &batches) {
  for (const auto &batch : batches) {
    boundwise::ThreadPool pool{8};
    // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'boundwise::ThreadPool' is constructed on every iteration of a loop: its workers are started and joined each time; construct it once before the loop and reuse it [boundwise-pool-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop is here; hoist the pool above it
    pool.map([](int x) { return square(x); }, batch);
  }
}

// --- positive: a process pool in an index loop, an event loop in a while loop.
void per_round(int rounds, const std::vector<std::string> &names, bool &running) {
  for (int r = 0; r < rounds; ++r) {
    boundwise::ProcessPool procs;
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: 'boundwise::ProcessPool' is constructed on every iteration
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop is here
    procs.map(length, names);
  }
  while (running) {
    boost::asio::io_context io;
    // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: 'boost::asio::io_context' is constructed on every iteration
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop is here
    io.run();
  }
}

// --- positive: heap-allocated pools and arenas.
void heap_pools(const std::vector<int> &jobs) {
  for (int job : jobs) {
    auto pool = std::make_unique<boundwise::ThreadPool>(4);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'boundwise::ThreadPool' is constructed on every iteration
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop is here
    pool->submit(square, job).get();
    tbb::task_arena arena(4);
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'tbb::task_arena' is constructed on every iteration
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: the loop is here
    auto *asio = new boost::asio::thread_pool(4);
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'boost::asio::thread_pool' is constructed on every iteration
    // CHECK-MESSAGES: :[[@LINE-10]]:3: note: the loop is here
    asio->join();
    delete asio;
  }
}

// --- positive: built in a function that a loop calls.
std::vector<int> squares_of(const std::vector<int> &chunk) {
  boundwise::ThreadPool pool;
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'boundwise::ThreadPool' is constructed on every call of 'squares_of', which runs in a loop (pool-in-loop.cpp:{{[0-9]+}} in 'process_all'): its workers are started and joined each time; create the pool once outside the loop and pass it in [boundwise-pool-in-loop]
  return pool.map(square, chunk);
}

void process_all(const std::vector<std::vector<int>> &chunks) {
  for (const auto &chunk : chunks)
    squares_of(chunk);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: called in a loop here
}

// --- negative: the pool is built once, before the loop.
void hoisted(const std::vector<std::vector<int>> &batches) {
  boundwise::ThreadPool pool{8};
  for (const auto &batch : batches)
    pool.map(square, batch);
  boost::asio::io_context io;
  for (int i = 0; i < 10; ++i)
    io.run();
}

// --- negative: built in a function called once.
std::vector<int> squares_once(const std::vector<int> &items) {
  boundwise::ThreadPool pool;
  return pool.map(square, items);
}

int main_like(const std::vector<int> &items) {
  auto result = squares_once(items);
  return static_cast<int>(result.size());
}

// --- negative: a static pool is built once; a loop that runs once; task_group is not a pool.
void not_repeated(const std::vector<int> &jobs) {
  for (int job : jobs) {
    static boundwise::ThreadPool shared{4};
    shared.submit(square, job).get();
    tbb::task_group group;
    group.wait();
  }
  do {
    boundwise::ThreadPool once{2};
    once.submit(square, 1).get();
  } while (false);
  for (int i = 0; i < 1; ++i) {
    boundwise::ThreadPool single{2};
    single.submit(square, i).get();
  }
}

// --- negative: a lambda defined in a loop builds its pool where it is called.
void deferred_builder(const std::vector<int> &jobs, std::vector<void (*)()> &later) {
  for (int job : jobs) {
    (void)job;
    later.push_back([] {
      boundwise::ThreadPool pool{2};
      pool.submit(square, 3).get();
    });
  }
}

// --- negative: NOLINT silences a finding the author has checked.
void suppressed(const std::vector<std::vector<int>> &batches) {
  for (const auto &batch : batches) {
    boundwise::ThreadPool pool{2}; // NOLINT(boundwise-pool-in-loop)
    pool.map(square, batch);
  }
}
