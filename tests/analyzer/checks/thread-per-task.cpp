// RUN: %check_boundwise %s boundwise-thread-per-task %t
#include <algorithm>
#include <cstddef>
#include <future>
#include <pthread.h>
#include <string>
#include <thread>
#include <vector>
// CHECK-FIXES: #include <boundwise/thread_pool.hpp>

namespace boundwise {
std::size_t default_workers();
}

struct Image {
  int pixels = 0;
};
void resize(const Image &img);
void work(int item);
int compute(int item);
void *run(void *arg);
int accept_connection();
void serve(int fd);
std::vector<Image> load_images();

// --- positive: the classic shape, rewritten whole.
void resize_all(const std::vector<Image> &images) {
  std::vector<std::thread> threads;
  for (const Image &img : images)
    threads.emplace_back(resize, img);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: a std::thread is started for every element of a loop over data: the number of threads grows with the input; run the work on a boundwise::ThreadPool (pool.map(f, items) or pool.submit) instead [boundwise-thread-per-task]
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop runs once per element of 'images'
  for (auto &t : threads)
    t.join();
}
// CHECK-FIXES: {{^}}  boundwise::ThreadPool pool;{{$}}
// CHECK-FIXES-NEXT: {{^}}  pool.map(resize, images);{{$}}

// --- positive: push_back of a temporary; the vector is used afterwards, so
// only a note shows the rewrite.
std::size_t start_all(const std::vector<int> &items, std::vector<std::thread> &out) {
  std::vector<std::thread> threads;
  for (int item : items)
    threads.push_back(std::thread(work, item));
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: a std::thread is started for every element
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop runs once per element of 'items'
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: rewrite as 'boundwise::ThreadPool pool; pool.map(work, items);' and drop the threads and their joins
  std::size_t n = threads.size();
  for (auto &t : threads)
    out.push_back(std::move(t));
  return n;
}

// --- positive: an index loop bounded by the data's size.
void index_loop(const std::vector<int> &items) {
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < items.size(); ++i)
    threads.emplace_back([&items, i] { work(items[i]); });
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: a std::thread is started
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop's trip count is not a small constant (MaxThreads is 64) nor derived from the core count
  for (auto &t : threads)
    t.join();
}

// --- positive: std::async with launch::async, futures collected.
int async_all(const std::vector<int> &items) {
  std::vector<std::future<int>> futures;
  for (int item : items)
    futures.push_back(std::async(std::launch::async, compute, item));
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: a std::async(std::launch::async) thread is started
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop runs once per element of 'items'
  int sum = 0;
  for (auto &f : futures)
    sum += f.get();
  return sum;
}

// --- positive: pthread_create per request, a count from the caller.
void pthreads(int requests) {
  std::vector<pthread_t> tids(requests);
  for (int i = 0; i < requests; ++i)
    pthread_create(&tids[i], nullptr, run, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: a thread (pthread_create) is started
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop's trip count
  for (int i = 0; i < requests; ++i)
    pthread_join(tids[i], nullptr);
}

// --- positive: a detached thread per connection.
void accept_loop() {
  while (true) {
    int fd = accept_connection();
    std::thread(serve, fd).detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: a std::thread is started
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop's trip count
  }
}

// --- positive: jthreads kept in a vector, over a container returned by a call.
void jthreads() {
  std::vector<std::jthread> workers;
  for (const Image &img : load_images())
    workers.emplace_back(resize, img);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: a std::jthread is started
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop runs once per element of 'load_images()'
}

// --- positive: std::for_each calls the lambda once per element.
void for_each_threads(const std::vector<int> &items) {
  std::vector<std::thread> threads;
  std::for_each(items.begin(), items.end(), [&](int item) { threads.emplace_back(work, item); });
  // CHECK-MESSAGES: :[[@LINE-1]]:61: warning: a std::thread is started
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: the algorithm calls the lambda once per element
  for (auto &t : threads)
    t.join();
}

// --- negative: a fixed, small worker count.
void fixed_workers() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back(work, i);
  constexpr int kWorkers = 8;
  for (int i = 0; i < kWorkers; ++i)
    threads.push_back(std::thread(work, i));
  int n = 16;
  for (int i = 0; i < n; ++i)
    threads.emplace_back(work, i);
  for (auto &t : threads)
    t.join();
}

// --- negative: as many workers as cores.
void per_core(const std::vector<int> &items) {
  std::vector<std::thread> threads;
  for (unsigned i = 0; i < std::thread::hardware_concurrency(); ++i)
    threads.emplace_back(work, static_cast<int>(i));
  const unsigned cores = std::thread::hardware_concurrency();
  for (unsigned i = 0; i < cores * 2; ++i)
    threads.emplace_back(work, static_cast<int>(i));
  for (std::size_t i = 0; i < boundwise::default_workers(); ++i)
    threads.emplace_back(work, static_cast<int>(i));
  for (std::size_t i = 0; i < std::min<std::size_t>(items.size(), 8); ++i)
    threads.emplace_back(work, items[i]);
  std::size_t w = std::min<std::size_t>(items.size(), std::thread::hardware_concurrency());
  for (std::size_t i = w; i > 0; --i)
    threads.emplace_back(work, items[i - 1]);
  for (auto &t : threads)
    t.join();
}

// --- negative: a loop over a fixed set of tasks.
void fixed_tasks() {
  std::vector<std::thread> threads;
  for (auto task : {1, 2, 3})
    threads.emplace_back(work, task);
  int shards[4] = {0, 1, 2, 3};
  for (int shard : shards)
    threads.emplace_back(work, shard);
  for (auto &t : threads)
    t.join();
}

// --- negative: one thread at a time (joined, or waited for, in the same iteration).
int one_at_a_time(const std::vector<int> &items) {
  int sum = 0;
  for (int item : items) {
    std::thread t(work, item);
    t.join();
  }
  for (int item : items) {
    std::jthread t(work, item);
  }
  for (int item : items) {
    auto f = std::async(std::launch::async, compute, item);
    sum += f.get();
  }
  for (int item : items)
    sum += std::async(std::launch::async, compute, item).get();
  for (int item : items) {
    pthread_t tid;
    pthread_create(&tid, nullptr, run, nullptr);
    pthread_join(tid, nullptr);
    (void)item;
  }
  return sum;
}

// --- negative: a bounded batch of threads per iteration, joined before the next.
void batches(const std::vector<std::vector<int>> &groups) {
  for (const auto &group : groups) {
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; ++i)
      threads.emplace_back(work, group[i]);
    for (auto &t : threads)
      t.join();
  }
}

// --- negative: deferred or default-policy std::async.
int deferred(const std::vector<int> &items) {
  std::vector<std::future<int>> futures;
  for (int item : items)
    futures.push_back(std::async(std::launch::deferred, compute, item));
  int sum = 0;
  for (auto &f : futures)
    sum += f.get();
  return sum;
}

// --- negative: a single thread outside any loop; a lambda defined in a loop but not run per element.
void single(const std::vector<int> &items) {
  std::thread t([&items] {
    for (int item : items)
      work(item);
  });
  t.join();
}

// --- negative: NOLINT silences a finding the author has checked.
void suppressed(const std::vector<int> &items) {
  std::vector<std::thread> threads;
  for (int item : items)
    threads.emplace_back(work, item); // NOLINT(boundwise-thread-per-task)
  for (auto &t : threads)
    t.join();
}

// --- positive: the classic shape with a lambda, reserve and braces.
void lambda_shape(const std::vector<int> &jobs) {
  std::vector<std::thread> threads;
  threads.reserve(jobs.size());
  for (int job : jobs) {
    threads.emplace_back([](int j) { work(j * 2); }, job);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: a std::thread is started
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop runs once per element of 'jobs'
  }
  for (std::thread &t : threads) {
    t.join();
  }
}
// CHECK-FIXES: {{^}}  boundwise::ThreadPool pool;{{$}}
// CHECK-FIXES-NEXT: {{^}}  pool.map([](int j) { work(j * 2); }, jobs);{{$}}
