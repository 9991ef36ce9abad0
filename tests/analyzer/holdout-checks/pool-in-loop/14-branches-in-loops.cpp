// CHECK: boundwise-pool-in-loop
// A pool built in a branch inside a loop is still built per iteration that
// takes the branch. A pool built under a condition before the loop is not.
#include <boundwise/thread_pool.hpp>

#include <vector>

enum class Kind { small, big, huge };

struct Job {
  Kind kind;
  std::vector<int> data;
};

int twice(int x) { return 2 * x; }

long dispatch(const std::vector<Job> &jobs) {
  long acc = 0;
  for (const Job &j : jobs) {
    if (j.kind == Kind::big) {
      boundwise::ThreadPool pool{8};  // WARN
      for (int v : pool.map(twice, j.data)) acc += v;
    } else {
      for (int v : j.data) acc += twice(v);
    }
  }
  return acc;
}

long dispatch_switch(const std::vector<Job> &jobs) {
  long acc = 0;
  for (const Job &j : jobs) {
    switch (j.kind) {
      case Kind::huge: {
        boundwise::ThreadPool pool{16};  // WARN
        for (int v : pool.map(twice, j.data)) acc += v;
        break;
      }
      default:
        for (int v : j.data) acc += twice(v);
    }
  }
  return acc;
}

long dispatch_hoisted(const std::vector<Job> &jobs, bool parallel) {
  long acc = 0;
  if (parallel) {
    boundwise::ThreadPool pool{8};
    for (const Job &j : jobs)
      for (int v : pool.map(twice, j.data)) acc += v;
  } else {
    for (const Job &j : jobs)
      for (int v : j.data) acc += twice(v);
  }
  return acc;
}

int main() {
  std::vector<Job> jobs{{Kind::big, {1, 2}}, {Kind::small, {3}}, {Kind::huge, {4}}};
  return static_cast<int>(dispatch(jobs) + dispatch_switch(jobs) + dispatch_hoisted(jobs, true));
}
