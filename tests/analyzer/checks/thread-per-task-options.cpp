// RUN: %check_boundwise --config="{CheckOptions: {boundwise-thread-per-task.MaxThreads: '8'}}" %s boundwise-thread-per-task %t
// MaxThreads lowers the constant bound a fixed worker set may have.
#include <thread>
#include <vector>

void work(int item);

void workers() {
  std::vector<std::thread> threads;
  // --- positive: 16 is a fixed count, but above MaxThreads.
  for (int i = 0; i < 16; ++i)
    threads.emplace_back(work, i);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: a std::thread is started for every element of a loop over data
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop's trip count is not a small constant (MaxThreads is 8) nor derived from the core count
  // --- negative: 8 is still fine.
  for (int i = 0; i < 8; ++i)
    threads.emplace_back(work, i);
  for (auto &t : threads)
    t.join();
}
