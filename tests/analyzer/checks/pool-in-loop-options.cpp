// RUN: %check_boundwise --config="{CheckOptions: {boundwise-pool-in-loop.PoolTypes: 'mylib::WorkerPool;boost::asio::io_context'}}" %s boundwise-pool-in-loop %t
// PoolTypes replaces the list of pool and event-loop classes.
#include <vector>

namespace mylib {
class WorkerPool {
public:
  explicit WorkerPool(int n);
  void run(int job);
};
class Buffer {
public:
  Buffer();
};
} // namespace mylib

void batches(const std::vector<int> &jobs) {
  for (int job : jobs) {
    // --- positive: a configured pool type.
    mylib::WorkerPool pool(4);
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'mylib::WorkerPool' is constructed on every iteration of a loop
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop is here
    pool.run(job);
    // --- negative: any other class.
    mylib::Buffer scratch;
  }
}
