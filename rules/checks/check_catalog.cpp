// The metadata of every boundwise check (see check_catalog.h).
#include "check_catalog.h"

namespace boundwise {

static const CheckInfo Catalog[] = {
    {"boundwise-blocking-call-in-async",
     "Blocking or long CPU-bound call inside a coroutine that runs on an event loop",
     "An event loop runs all its tasks on one thread and switches between them only at "
     "co_await. A call that blocks (sleep_for, read, recv, curl_easy_perform, file streams, "
     "future::get, or a program function the call graph classifies as I/O) or computes for "
     "longer than CpuCostThresholdMicros holds that thread, so every other task stalls until "
     "it returns. Use the async equivalent (co_await boundwise::sleep_for) or move the call "
     "off the loop with co_await boundwise::to_thread(f, args...).",
     true},
    {"boundwise-lock-held-across-io",
     "Mutex held across blocking I/O",
     "A thread that holds a mutex while it waits on the network, the disk, a child process or "
     "a sleep makes every other thread that needs the mutex wait as long. The check follows "
     "lock_guard, unique_lock, scoped_lock and shared_lock scopes, lock()/unlock() pairs and "
     "pthread_mutex_lock/unlock in source order, and reports knowledge-base I/O calls and "
     "program functions the call graph classifies as I/O (with their evidence chain) made "
     "while the lock is held. Narrow the critical section: copy what the I/O needs under the "
     "lock, release it, then do the I/O.",
     false},
    {"boundwise-nonserializable-process-argument",
     "Argument or task that cannot, or should not, cross a process boundary",
     "ProcessPool tasks run in another process: arguments are encoded and decoded into fresh "
     "copies and the task's code is found by name. Capturing lambdas, std::function, function "
     "objects and member pointers cannot be sent; pointers, std::ref and non-const reference "
     "parameters make the worker mutate a copy whose writes are lost; file descriptors, FILE*, "
     "streams, mutexes, threads and smart pointers only mean something in the parent; types "
     "the codec cannot serialize do not compile; and a task that writes globals or statics "
     "updates the worker's copy, never the parent's. Pass plain functions and serializable "
     "values, and return results instead.",
     true},
    {"boundwise-mt-unsafe-call-in-thread",
     "MT-unsafe library call in code that runs on several threads at once",
     "Functions such as strtok, localtime, rand and strerror keep hidden static state. Called "
     "from code that several threads run at the same time, they return each other's results or "
     "corrupt memory. The check follows the call graph from every concurrency entry point "
     "(std::thread, std::async, pthread_create, pools, parallel algorithms, OpenMP) and stays "
     "silent for code that only ever runs on one thread. Use the reentrant variant it names.",
     true},
    {"boundwise-oversized-pool",
     "A pool or OpenMP team larger than the work submitted to it can use",
     "ThreadPool/ProcessPool sizes, omp_set_num_threads(n) and num_threads(n), given as a "
     "constant or the core count times a factor, are judged by the class of the functions "
     "submitted to that pool: CPU-bound work beyond ThreadFactor (threads) or ProcessFactor "
     "(processes) times the cores only adds context switches and memory; I/O-bound thread pools "
     "beyond IoThreadCap should wait asynchronously instead. The fix-it sizes CPU-bound pools "
     "with boundwise::default_workers().",
     true},
    {"boundwise-pool-in-loop",
     "A pool or event loop constructed inside a loop, or in a function a loop calls",
     "Constructing boundwise::ThreadPool, boundwise::ProcessPool, boost::asio::thread_pool, "
     "boost::asio::io_context, tbb::task_arena (and other PoolTypes) starts its workers, and "
     "destroying it joins them. Inside a loop, or in a function the call graph shows is called "
     "from a loop, that start-up cost is paid every iteration. Construct the pool once before "
     "the loop and reuse it, passing it to the functions that need it.",
     false},
    {"boundwise-thread-per-task",
     "A thread started for every element of a loop over data: unbounded threads",
     "std::thread, std::jthread, pthread_create or std::async(std::launch::async, ...) called "
     "once per element of a container (or per iteration of a loop whose bound is not a small "
     "constant) starts as many threads as there are items. Each costs a stack and a kernel "
     "thread; thousands of them thrash the scheduler or fail to start. A fixed worker count "
     "(a constant up to MaxThreads, or one derived from hardware_concurrency() or "
     "boundwise::default_workers()) and threads joined in the same iteration are fine. Use "
     "boundwise::ThreadPool::map (or submit); the classic fill-then-join shape is rewritten.",
     true},
    {"boundwise-unsynchronized-shared-state",
     "Data race: two accesses to one location that can run at the same time, one a write, "
     "with no lock in common",
     "Threads, pool tasks, parallel algorithms and OpenMP regions share globals, statics, "
     "members and whatever is handed to them by pointer or reference. The check follows every "
     "start to its join through calls in all translation units, keeps the locks held at each "
     "access (mutexes, guards, pthread and OpenMP locks, critical, annotated wrappers), and "
     "orders accesses by spawn, join, future::get, barriers, condition-variable and semaphore "
     "hand-off and atomics; OpenMP private, reduction, single and per-iteration indexing are "
     "understood. What remains is a race: the result depends on timing and the behaviour is "
     "undefined. Make the variable atomic, or take the same mutex at every access.",
     true},
};

llvm::ArrayRef<CheckInfo> check_catalog() { return Catalog; }

const CheckInfo *find_check(llvm::StringRef Name) {
  for (const CheckInfo &Info : Catalog)
    if (Info.Name == Name)
      return &Info;
  return nullptr;
}

} // namespace boundwise
