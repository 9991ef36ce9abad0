// CHECK: boundwise-oversized-pool
// Work whose class cannot be known (declared elsewhere, called through a
// pointer) is not judged; visible CPU work is.
#include <boundwise/thread_pool.hpp>

#include <vector>

int external_job(int id);  // defined in another library, not visible here
using Job = int (*)(int);

int local_job(int id) {
  int acc = id;
  for (int i = 0; i < 1000000; ++i) acc = acc * 1103515245 + 12345;
  return acc;
}

int run_external(int id) {
  boundwise::ThreadPool pool{300};
  return pool.submit(external_job, id).get();
}

int run_through_pointer(Job job, int id) {
  boundwise::ThreadPool pool{300};
  return pool.submit(job, id).get();
}

int run_nothing() {
  boundwise::ThreadPool pool{500};
  pool.shutdown();
  return static_cast<int>(pool.size());
}

int run_local(int id) {
  boundwise::ThreadPool pool{300};  // WARN
  return pool.submit(local_job, id).get();
}

int main() { return run_external(1) + run_through_pointer(local_job, 2) + run_nothing() + run_local(3); }
