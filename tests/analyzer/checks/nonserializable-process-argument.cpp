// RUN: %check_boundwise %s boundwise-nonserializable-process-argument %t -- -I%S/Inputs
#include "boundwise_process_standin.h"

#include <array>
#include <chrono>
#include <cstdio>
#include <fcntl.h>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <tuple>
#include <unistd.h>
#include <variant>
#include <vector>

int count_words(const std::string &text) { return static_cast<int>(text.size()); }
int scale(int x) { return 2 * x; }
int fill(std::vector<int> &out) { out.push_back(1); return 0; }
int via_pointer(int *p) { return *p; }
int read_fd(int fd) { char c; return static_cast<int>(read(fd, &c, 1)); }
int read_file(FILE *f) { return fgetc(f); }
int by_stream(const std::ifstream &in) { return in.good(); }
int by_mutex(const std::mutex &m) { return 0; }
int shared(std::shared_ptr<std::vector<int>> v) { return static_cast<int>(v->size()); }
int by_span(std::string_view s) { return static_cast<int>(s.size()); }

struct Handle {
  Handle(int fd) : fd_(fd) {}
  int fd_;
};
int with_handle(Handle h) { return h.fd_; }

struct Job {
  std::string name;
  std::vector<double> weights;
  std::map<std::string, int> counts;
  std::optional<std::tuple<int, std::string>> extra;
};
struct BadJob {
  std::string name;
  std::unique_ptr<int> payload;
};
int run_job(const Job &job) { return static_cast<int>(job.name.size()); }
int run_bad(const BadJob &job) { return 0; }

struct Point {
  double x, y;
  template <class Archive> void serialize(Archive &ar) { ar(x, y); }
  Point(double a, double b) : x(a), y(b) {}
  Point() = default;
};
double norm(Point p) { return p.x * p.x + p.y * p.y; }

int processed = 0;
std::vector<int> results;
int record(int x) {
  results.push_back(x);
  return x;
}
int tally(int x) {
  ++processed;
  return x;
}
int cached(int x) {
  static std::map<int, int> memo;
  memo[x] = x * x;
  return memo[x];
}
int deep(int x) { return record(x) + 1; }

struct Model {
  int predict(int x) const { return x; }
};

struct Scaler {
  int factor;
  int operator()(int x) const { return x * factor; }
};

void positives(boundwise::ProcessPool &pool, std::vector<std::string> texts, int n) {
  // Callables that carry this process's state.
  int base = 10;
  pool.submit([base](int x) { return x + base; }, n);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: capturing lambda passed to 'boundwise::ProcessPool::submit' cannot run in a worker process: its captures (base) live in this process's memory; write a capture-less lambda or a named function and pass the values as arguments [boundwise-nonserializable-process-argument]
  // CHECK-FIXES: pool.submit([](int base, int x) { return x + base; }, base, n);
  std::string prefix = "p";
  pool.submit([=] { return count_words(prefix); });
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: capturing lambda passed to 'boundwise::ProcessPool::submit' {{.*}} its captures (prefix)
  // CHECK-FIXES: pool.submit([](std::string prefix) { return count_words(prefix); }, prefix);
  int total = 0;
  pool.submit([&total](int x) { total += x; return 0; }, n);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: capturing lambda passed to 'boundwise::ProcessPool::submit' {{.*}} its captures (total)
  // CHECK-MESSAGES: :[[@LINE-2]]:15: note: no automatic fix: a capture is by reference
  pool.map([n](const std::string &s) { return count_words(s) + n; }, texts);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: capturing lambda passed to 'boundwise::ProcessPool::map'
  // CHECK-MESSAGES: :[[@LINE-2]]:12: note: no automatic fix: map() passes exactly one item
  std::function<int(int)> f = scale;
  pool.submit(f, n);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: std::function passed to 'boundwise::ProcessPool::submit' cannot run in a worker process
  pool.submit(&Model::predict, Model{}, n);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: member function pointer passed to 'boundwise::ProcessPool::submit'
  pool.submit(Scaler{3}, n);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: function object of type 'Scaler' passed to 'boundwise::ProcessPool::submit'

  // Pointers and references: the worker mutates a copy.
  std::vector<int> out;
  pool.submit(fill, std::ref(out));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: task 'fill' takes 'out' by non-const reference: the worker process changes its own copy and the write is lost
  int value = 3;
  pool.submit(via_pointer, &value);
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: argument 1 of 'boundwise::ProcessPool::submit' is a raw pointer: the address means nothing in the worker process

  // Handles that only mean something in this process.
  int fd = open("/tmp/data", O_RDONLY);
  pool.submit(read_fd, fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: argument 1 of 'boundwise::ProcessPool::submit' is a file descriptor from 'open'
  int sock;
  sock = socket(AF_INET, SOCK_STREAM, 0);
  boundwise::run_in_process(read_fd, sock);
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: argument 1 of 'boundwise::run_in_process' is a file descriptor from 'socket'
  FILE *file = fopen("/tmp/data", "r");
  pool.submit(read_file, file);
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: argument 1 of 'boundwise::ProcessPool::submit' is a FILE* handle
  std::ifstream in("/tmp/data");
  pool.submit(by_stream, std::ref(in));
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: argument 1 of 'boundwise::ProcessPool::submit' is a reference (std::ref)
  std::mutex m;
  pool.submit(by_mutex, std::cref(m));
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: argument 1 of 'boundwise::ProcessPool::submit' is a reference (std::ref)
  auto data = std::make_shared<std::vector<int>>();
  pool.submit(shared, data);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: argument 1 of 'boundwise::ProcessPool::submit' is a smart pointer
  pool.submit(by_span, std::string_view("abc"));
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: argument 1 of 'boundwise::ProcessPool::submit' is a view that does not own its bytes

  // Types the codec cannot serialize.
  pool.submit(with_handle, Handle(fd));
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: argument 1 of 'boundwise::ProcessPool::submit' is a class with constructors or private state and no serialize()
  pool.submit(run_bad, BadJob{});
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: argument 1 of 'boundwise::ProcessPool::submit' has field 'payload', which is a smart pointer
  std::vector<std::thread *> threads;
  pool.map(+[](std::thread *t) { return t != nullptr; }, threads);
  // CHECK-MESSAGES: :[[@LINE-1]]:58: warning: the items passed to 'boundwise::ProcessPool::map' are sent to worker processes, but each 'std::thread *' is a raw pointer

  // Tasks that write globals or statics: the parent never sees the update.
  pool.submit(record, n);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: task 'record' writes global 'results', but it runs in a worker process: the update stays in the worker and the parent never sees it; return the value from the task and combine the results in the parent
  // CHECK-MESSAGES: :63:3: note: 'results' is written here
  pool.map(tally, std::vector<int>{1, 2, 3});
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: task 'tally' writes global 'processed'
  // CHECK-MESSAGES: :67:3: note: 'processed' is written here
  pool.submit(cached, n);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: task 'cached' writes static 'memo'
  // CHECK-MESSAGES: :72:3: note: 'memo' is written here
  boundwise::run_in_process(deep, n);
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: task 'deep' writes global 'results' (in 'record')
  // CHECK-MESSAGES: :63:3: note: 'results' is written here
  pool.submit(+[](int x) { processed = x; return x; }, n);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: task 'positives::(lambda at {{.*}})' writes global 'processed'
  // CHECK-MESSAGES: :[[@LINE-2]]:28: note: 'processed' is written here
  // CHECK-MESSAGES: :[[@LINE-3]]:15: note: the lambda can become the named function 'positives_task_6' (fix-it on this note)
  pool.submit([](int &x) { x = 1; return 0; }, n);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: task 'positives::(lambda at {{.*}})' takes 'x' by non-const reference
  // CHECK-MESSAGES: :[[@LINE-2]]:23: note: parameter declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:15: note: the lambda can become the named function 'positives_task_7' (fix-it on this note)
  // The note's fix-it is not applied by --fix (clang-tidy applies note fixes with --fix-notes):
  // CHECK-FIXES: pool.submit(+[](int x) { processed = x; return x; }, n);
  // CHECK-FIXES: pool.submit([](int &x) { x = 1; return 0; }, n);
  constexpr int limit = 4;
  pool.submit([](int x) { processed = x + limit; return x; }, n);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: task 'positives::(lambda at {{.*}})' writes global 'processed'
  // CHECK-MESSAGES: :[[@LINE-2]]:27: note: 'processed' is written here
  // CHECK-MESSAGES-NOT: :[[@LINE-3]]:15: note: the lambda can become

  // A capture-default that captures nothing: no conversion to a function pointer.
  pool.submit([=] { return scale(2); });
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: lambda with a capture-default passed to 'boundwise::ProcessPool::submit' cannot run in a worker process: although it captures nothing, '[=]' leaves it without a conversion to a function pointer, so the runtime has no function to name; write '[]' [boundwise-nonserializable-process-argument]
  // CHECK-FIXES: pool.submit([] { return scale(2); });
  pool.map([&](int x) { return scale(x); }, std::vector<int>{1, 2});
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: lambda with a capture-default passed to 'boundwise::ProcessPool::map' {{.*}} '[&]' leaves it
  // CHECK-FIXES: pool.map([](int x) { return scale(x); }, std::vector<int>{1, 2});
  auto nothing = [=] { return 1; };
  boundwise::run_in_process(nothing);
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: lambda with a capture-default passed to 'boundwise::run_in_process'
}

enum class Mode { Fast, Slow };
int by_mode(Mode m) { return static_cast<int>(m); }
int by_array(std::array<int, 3> a) { return a[0]; }
int by_pair(std::pair<std::string, int> p) { return p.second; }
int by_duration(std::chrono::milliseconds d) { return static_cast<int>(d.count()); }
int local_only(int x) {
  int acc = 0;
  for (int i = 0; i < x; ++i)
    acc += i;
  return acc;
}
thread_local int scratch = 0;
int uses_thread_local(int x) {
  scratch = x; // per-thread scratch space, never meant for the parent
  return scratch;
}
int mutate_copy(std::vector<int> v) {
  v.push_back(1); // its own copy, returned through the result
  return static_cast<int>(v.size());
}
int reads_global(int x) { return x + processed; }
namespace geo {
struct Box {
  Box() = default;
  double w = 0, h = 0;
  Box(double a, double b) : w(a), h(b) {}
};
template <class Archive> void serialize(Archive &ar, Box &b) { ar(b.w, b.h); }
} // namespace geo
double area(geo::Box b) { return b.w * b.h; }
namespace boundwise {
class ThreadPool {
public:
  template <class F, class... Args> auto submit(F &&f, Args &&...args) { return Future<int>{}; }
};
} // namespace boundwise

void more_negatives(boundwise::ProcessPool &pool, boundwise::ThreadPool &threads, int n) {
  pool.submit(by_mode, Mode::Fast);
  pool.submit(by_array, std::array<int, 3>{1, 2, 3});
  pool.submit(by_pair, std::make_pair(std::string("k"), 1));
  pool.submit(by_duration, std::chrono::milliseconds(5));
  pool.submit(local_only, n);
  pool.submit(uses_thread_local, n);
  pool.submit(mutate_copy, std::vector<int>{1});
  pool.submit(reads_global, n);
  pool.submit(area, geo::Box(1, 2));                     // free serialize()
  int total = 0;
  threads.submit([&total] { ++total; return 0; });       // a thread pool shares memory
}

void negatives(boundwise::ProcessPool &pool, std::vector<std::string> texts, int n,
               const std::string &path) {
  pool.submit(count_words, std::string("some text"));
  pool.submit(count_words, "a literal becomes the task's std::string");
  pool.map(count_words, texts);
  pool.map(scale, std::vector<int>{1, 2, 3});
  pool.submit(+[](int x) { return x * 2; }, n);          // capture-less lambda
  pool.submit([](const std::string &s) { return count_words(s); }, path);
  auto square = [](int x) { return x * x; };
  pool.submit(square, n);                                // capture-less, named
  int (*fp)(int) = scale;
  pool.submit(fp, n);                                    // a plain function pointer
  pool.submit(run_job, Job{"job", {1.0}, {{"a", 1}}, std::nullopt}); // an aggregate of serializable fields
  pool.submit(norm, Point(1, 2));                        // serialize() member
  int count = 4;                                         // a plain int, not a descriptor
  pool.submit(scale, count);
  boundwise::run_in_process(count_words, path);          // const& binds to the decoded copy
  pool.submit(count_words, path); // NOLINT(boundwise-nonserializable-process-argument)
  int fd = open(path.c_str(), O_RDONLY);
  (void)read(fd, nullptr, 0);                            // the descriptor stays in this process
  pool.submit(scale, n + 1);
  pool.map(+[](std::variant<int, std::string> v) { return static_cast<int>(v.index()); },
           std::vector<std::variant<int, std::string>>{});
  std::thread t([&] { results.push_back(n); });          // threads share memory: not this check
  t.join();
  pool.submit([base = 2](int x) { return x + base; }, n); // NOLINT(boundwise-nonserializable-process-argument)
}

int main() {
  boundwise::ProcessPool pool;
  positives(pool, {"a"}, 1);
  negatives(pool, {"a"}, 1, "/tmp/x");
}
