// RUN: %check_boundwise %s boundwise-blocking-call-in-async %t -- -I%S/Inputs
#include "boundwise_async_standin.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <future>
#include <iostream>
#include <sstream>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace std::chrono_literals;
extern "C" int curl_easy_perform(void *handle);

// Program functions: the call graph classifies them.
std::string download(void *curl) {
  curl_easy_perform(curl);
  return "page";
}
std::string fetch_page(void *curl) { return download(curl); }

std::string read_file(const std::string &path) {
  std::ifstream in(path);
  std::string all, line;
  while (std::getline(in, line))
    all += line;
  return all;
}

long crunch(int n) {
  long sum = 0;
  for (int i = 0; i < 2000; ++i)
    for (int j = 0; j < 2000; ++j)
      sum += (i * j) ^ n;
  return sum;
}

int add(int a, int b) { return a + b; }

// --- positive: blocking calls inside boundwise::Task coroutines.
boundwise::Task<void> poll_status() {
  std::this_thread::sleep_for(100ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call 'std::this_thread::sleep_for' [sleep] in coroutine 'poll_status' stalls every task on the event loop; use co_await boundwise::sleep_for(...), which suspends only this task [boundwise-blocking-call-in-async]
  // CHECK-FIXES: co_await boundwise::sleep_for(100ms);
  co_return;
}

boundwise::Task<int> nap() {
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call 'sleep' [sleep] in coroutine 'nap'
  co_return 0;
}

boundwise::Task<long> receive(int fd) {
  char buf[512];
  long n = recv(fd, buf, sizeof buf, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: blocking call 'recv' [network] in coroutine 'receive' stalls every task on the event loop; use an async equivalent, or move it off the loop with co_await boundwise::to_thread(recv, fd, buf, sizeof buf, 0)
  co_return n;
}

boundwise::Task<std::string> load(std::string path) {
  std::ifstream in(path);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: blocking call 'std::basic_ifstream::basic_ifstream' [disk] in coroutine 'load'
  std::string line;
  std::getline(in, line);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call 'std::getline' [disk] in coroutine 'load'
  co_return line;
}

boundwise::Task<int> wait_result(std::future<int> f) {
  int v = f.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: blocking call 'std::future::get' [wait] in coroutine 'wait_result' stalls every task on the event loop; co_await the task or future instead of blocking on it
  co_return v;
}

boundwise::Task<std::string> handle_request(void *curl) {
  std::string page = fetch_page(curl);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'fetch_page' blocks (fetch_page -> download -> curl_easy_perform [network]) in coroutine 'handle_request' stalls every task on the event loop; use an async equivalent, or move it off the loop with co_await boundwise::to_thread(fetch_page, curl) [boundwise-blocking-call-in-async]
  co_return page;
}

boundwise::Task<std::string> config_of(std::string path) {
  co_return read_file(path);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'read_file' blocks (read_file -> {{.*}}[disk]) in coroutine 'config_of' {{.*}} co_await boundwise::to_thread(read_file, path)
}

boundwise::Task<long> score(int n) {
  long s = crunch(n);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: CPU-bound call 'crunch' (~{{[0-9]+}} us: crunch -> loop nest of depth 2 {{.*}}) in coroutine 'score' stalls every task on the event loop; move it off the loop with co_await boundwise::to_thread(crunch, n) (or boundwise::run_in_process for long or MT-unsafe work)
  co_return s;
}

struct Session {
  int fd = -1;
  boundwise::Task<long> pump() {
    char buf[64];
    long n = read(fd, buf, sizeof buf);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: blocking call 'read' [disk] in coroutine 'Session::pump'
    co_return n;
  }
};

auto make_ticker() {
  return []() -> boundwise::Task<void> {
    std::this_thread::sleep_for(std::chrono::seconds(1));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking call 'std::this_thread::sleep_for' [sleep] in coroutine 'make_ticker::(lambda at {{.*}})'
    // CHECK-FIXES: co_await boundwise::sleep_for(std::chrono::seconds(1));
    co_return;
  };
}

boundwise::Task<void> drain(std::vector<std::future<int>> &fs) {
  for (auto &f : fs)
    f.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: blocking call 'std::future::wait' [wait]
  co_return;
}

// --- negative: the async equivalents and work moved off the loop.
boundwise::Task<void> polite_poll() {
  co_await boundwise::sleep_for(100ms);
  co_return;
}

boundwise::Task<std::string> offloaded(void *curl, std::string path) {
  std::string page = co_await boundwise::to_thread(fetch_page, curl);
  std::string text = co_await boundwise::to_thread([&] { return read_file(path); });
  long s = co_await boundwise::run_in_process(crunch, 3);
  (void)s;
  co_return page + text;
}

boundwise::Task<std::string> awaits_other_tasks(void *curl) {
  co_await poll_status();           // a task: checked in its own body
  co_return co_await handle_request(curl);
}

boundwise::Task<int> cheap_work(std::vector<int> v) {
  std::sort(v.begin(), v.end());    // ~60 us, under the threshold
  std::cout << "sorted " << v.size() << "\n"; // console logging is not reported
  std::ostringstream out;
  out << v.size();                  // in-memory stream
  co_return add(v.front(), 1);
}

boundwise::Task<void> stores_a_lambda() {
  // Defined here, run elsewhere: not a call on the loop.
  auto later = [] { std::this_thread::sleep_for(1s); };
  std::thread t(later);
  t.detach();
  co_return;
}

boundwise::Task<void> reviewed() {
  std::this_thread::sleep_for(1ms); // NOLINT(boundwise-blocking-call-in-async)
  co_return;
}

// Ordinary functions may block: they do not run on the loop.
void worker_thread(void *curl) {
  std::this_thread::sleep_for(10ms);
  (void)fetch_page(curl);
  (void)crunch(1);
}

// A coroutine type that is not an event-loop task (a generator).
template <class T> struct Generator {
  struct promise_type {
    Generator get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(T) { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};
Generator<std::string> lines(std::string path) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line))
    co_yield line;
}

int main() {
  boundwise::run(poll_status());
  worker_thread(nullptr);
}
