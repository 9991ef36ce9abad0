// RUN: %check_boundwise --config="{CheckOptions: {boundwise-nonserializable-process-argument.SuggestNamedFunctions: 'true'}}" %s boundwise-nonserializable-process-argument %t -- -I%S/Inputs
// SuggestNamedFunctions: every capture-less lambda written in place as a
// process task gets a warning whose fix-it moves it into a named static
// function; no warning where the function would not mean what the lambda
// meant.
#include "boundwise_process_standin.h"

#include <string>
#include <vector>

namespace util {
inline int twice(int x) { return 2 * x; }
struct Limits {
  static int cap(int x) { return x > 100 ? 100 : x; }
};
} // namespace util
// CHECK-FIXES: static auto launch_task(int x) { return util::twice(x); }
// CHECK-FIXES: static auto launch_task_2(const std::string &s) {
// CHECK-FIXES-NEXT: {{^}}  int n = static_cast<int>(s.size());
// CHECK-FIXES-NEXT: {{^}}  return util::Limits::cap(n);
// CHECK-FIXES-NEXT: {{^}}}
// CHECK-FIXES: static auto launch_task_3(int x) noexcept -> long { return x; }
// CHECK-FIXES: static auto launch_task_4() { return std::vector<int>{1, 2}; }
// CHECK-FIXES: {{^}}/// Starts the work; the comment stays with the function.
// CHECK-FIXES-NEXT: {{^}}void launch(boundwise::ProcessPool &pool, std::vector<std::string> names, int n) {
/// Starts the work; the comment stays with the function.
void launch(boundwise::ProcessPool &pool, std::vector<std::string> names, int n) {
  pool.submit([](int x) { return util::twice(x); }, n);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: capture-less lambda passed to 'boundwise::ProcessPool::submit' can be the named function 'launch_task': a worker finds it either way, but a name shows in findings, stack traces and profiles, and the task can be tested on its own [boundwise-nonserializable-process-argument]
  // CHECK-FIXES: pool.submit(launch_task, n);
  pool.map(+[](const std::string &s) {
    int n = static_cast<int>(s.size());
    return util::Limits::cap(n);
  }, names);
  // CHECK-MESSAGES: :[[@LINE-4]]:12: warning: capture-less lambda passed to 'boundwise::ProcessPool::map' can be the named function 'launch_task_2'
  // CHECK-FIXES: pool.map(launch_task_2, names);
  pool.submit([](int x) noexcept -> long { return x; }, n);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: capture-less lambda passed to 'boundwise::ProcessPool::submit' can be the named function 'launch_task_3'
  // CHECK-FIXES: pool.submit(launch_task_3, n);
  boundwise::run_in_process([] { return std::vector<int>{1, 2}; });
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: capture-less lambda passed to 'boundwise::run_in_process' can be the named function 'launch_task_4'
  // CHECK-FIXES: boundwise::run_in_process(launch_task_4);
}

// A name already spelled in the file is not reused.
int collide_task = 0;
// CHECK-FIXES: static auto collide_task_2(int x) { return x + 1; }
void collide(boundwise::ProcessPool &pool) {
  pool.submit([](int x) { return x + 1; }, collide_task);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: capture-less lambda passed to 'boundwise::ProcessPool::submit' can be the named function 'collide_task_2'
  // CHECK-FIXES: pool.submit(collide_task_2, collide_task);
}

// In a member function defined in its class, the function goes before the
// class; outside the class, before the definition.
// CHECK-FIXES: static auto go_task(int x) { return x * 3; }
// CHECK-FIXES: static auto named_task(std::string s) { s += "!"; return s; }
// CHECK-FIXES: struct Batch {
struct Batch {
  void go(boundwise::ProcessPool &pool) {
    pool.submit([](int x) { return x * 3; }, 1);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: capture-less lambda passed to 'boundwise::ProcessPool::submit' can be the named function 'go_task'
    // CHECK-FIXES: pool.submit(go_task, 1);
  }
  void named(boundwise::ProcessPool &pool) {
    pool.submit([](std::string s) { s += "!"; return s; }, std::string("a"));
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: capture-less lambda passed to 'boundwise::ProcessPool::submit' can be the named function 'named_task'
    // CHECK-FIXES: pool.submit(named_task, std::string("a"));
  }
  static int scale_of(int x) { return x; }
  void scaled(boundwise::ProcessPool &pool) {
    pool.submit([](int x) { return scale_of(x); }, 1); // a member found by class-scope lookup
  }
  void stop(boundwise::ProcessPool &pool);

private:
  static int secret(int x) { return x; }
};
// CHECK-FIXES: static auto stop_task(int x) { return util::twice(x); }
// CHECK-FIXES: void Batch::stop(boundwise::ProcessPool &pool) {
void Batch::stop(boundwise::ProcessPool &pool) {
  pool.submit([](int x) { return util::twice(x); }, 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: capture-less lambda passed to 'boundwise::ProcessPool::submit' can be the named function 'stop_task'
  // CHECK-FIXES: pool.submit(stop_task, 2);
  pool.submit([](int x) { return Batch::secret(x); }, 2); // private: a free function cannot call it
}

#define DOUBLE_TASK [](int x) { return 2 * x; }

template <class T> void in_template(boundwise::ProcessPool &pool, T v) {
  pool.submit([](int x) { return x; }, 1);
}

// Where the named function would not mean what the lambda meant: no warning.
void refused(boundwise::ProcessPool &pool, int n) {
  constexpr int k = 3;
  pool.submit([](int x) { return x + k; }, n);        // a constant of this function
  static int calls = 0;
  pool.submit([](int x) { return x + calls; }, n);    // a static local
  struct Local {
    int v;
  };
  pool.submit([](int x) { return Local{x}.v; }, n);   // a local type
  using Count = long;
  pool.submit([](Count x) { return x; }, Count{1});    // a local alias
  enum Shade { Dark, Light };
  pool.submit([](int x) { return x == Dark; }, n);    // a local enumerator
  pool.submit([](auto x) { return x; }, n);           // generic
  pool.submit(DOUBLE_TASK, n);                        // written by a macro
  pool.submit([](int x) { return __func__[0] + x; }, n); // __func__ names the lambda
  pool.submit([](int x) constexpr { return x; }, n);  // constexpr is not carried over
  auto square = [](int x) { return x * x; };
  pool.submit(square, n);                             // not written in place
  struct Worker {
    void go(boundwise::ProcessPool &p) { p.submit([](int x) { return x; }, 1); } // a local class
  };
  auto outer = [](boundwise::ProcessPool &p) { return p.submit([](int x) { return x; }, 1); };
  outer(pool);                                        // inside another lambda
  in_template(pool, 1);                               // inside a template
  pool.submit(util::twice, n);                        // already a named function
}

void with_using(boundwise::ProcessPool &pool, int n) {
  using namespace util;
  pool.submit([](int x) { return twice(x); }, n);     // found through a local using-directive
}

// `extern "C"` without braces: the function goes before it.
// CHECK-FIXES: static auto c_entry_task() { return 3; }
// CHECK-FIXES: extern "C" void c_entry(boundwise::ProcessPool *pool) {
extern "C" void c_entry(boundwise::ProcessPool *pool) {
  pool->submit([] { return 3; });
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: capture-less lambda passed to 'boundwise::ProcessPool::submit' can be the named function 'c_entry_task'
  // CHECK-FIXES: pool->submit(c_entry_task);
}
extern "C" {
void c_block(boundwise::ProcessPool *pool) {
  pool->submit([] { return 4; }); // inside a braced linkage block: refused
}
}
