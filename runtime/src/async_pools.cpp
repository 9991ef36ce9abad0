// The default pools behind to_thread and run_in_process, created on first use.
#include <algorithm>

#include "boundwise/async.hpp"

namespace boundwise {

ThreadPool& default_thread_pool() {
  // Python's default executor size: blocking calls mostly wait, so more
  // threads than cores, but bounded.
  static ThreadPool pool(std::min<std::size_t>(32, default_workers() + 4));
  return pool;
}

ProcessPool& default_process_pool() {
  // Deliberately leaked: a static ProcessPool would be joined during static
  // destruction, after other statics its supervisor may touch are gone.
  // Workers die with the parent (PR_SET_PDEATHSIG), so nothing is lost.
  static ProcessPool* pool = new ProcessPool();
  return *pool;
}

}  // namespace boundwise
