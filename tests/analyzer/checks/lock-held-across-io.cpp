// RUN: %check_boundwise %s boundwise-lock-held-across-io %t
#include <condition_variable>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <mutex>
#include <pthread.h>
#include <queue>
#include <shared_mutex>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

extern "C" int curl_easy_perform(void *handle);

std::mutex mu;
std::shared_mutex table_mu;
pthread_mutex_t pmu = PTHREAD_MUTEX_INITIALIZER;
std::condition_variable cv;
std::queue<std::string> pending;
std::vector<std::string> cache;

// Program functions: the call graph classifies them.
void post(void *curl) { curl_easy_perform(curl); }
void flush_to_server(void *curl) { post(curl); }
void save(const std::string &path, const std::string &text) {
  std::ofstream out(path);
  out << text;
}
int add(int a, int b) { return a + b; }

// --- positive: blocking I/O while a mutex is held.
void send_under_guard(int fd, const std::string &msg) {
  std::lock_guard<std::mutex> lock(mu);
  cache.push_back(msg);
  send(fd, msg.data(), msg.size(), 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking I/O call 'send' [network] while 'mu' is locked: every other thread that needs 'mu' waits for it; narrow the critical section: copy what the I/O needs while the lock is held, release it (end the scope or call unlock()), then do the I/O [boundwise-lock-held-across-io]
  // CHECK-MESSAGES: :[[@LINE-4]]:31: note: 'mu' is locked here
}

void flush_locked(void *curl) {
  std::unique_lock lk(mu);
  flush_to_server(curl);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'flush_to_server' does blocking I/O [network] while 'mu' is locked
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: 'flush_to_server' blocks: flush_to_server -> post -> curl_easy_perform [network]
  // CHECK-MESSAGES: :[[@LINE-4]]:20: note: 'mu' is locked here
}

void manual_lock(int fd, char *buf) {
  mu.lock();
  long n = recv(fd, buf, 64, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: blocking I/O call 'recv' [network] while 'mu' is locked
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'mu' is locked here
  mu.unlock();
  (void)n;
}

void posix_lock(const char *path) {
  pthread_mutex_lock(&pmu);
  FILE *f = fopen(path, "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: blocking I/O call 'fopen' [disk] while 'pmu' is locked
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'pmu' is locked here
  pthread_mutex_unlock(&pmu);
  if (f)
    fclose(f);
}

void reader_lock(const std::string &path) {
  std::shared_lock lk(table_mu);
  save(path, cache.front());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'save' does blocking I/O [disk] while 'table_mu' is locked
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: 'save' blocks: save -> std::basic_ofstream::basic_ofstream [disk]
  // CHECK-MESSAGES: :[[@LINE-4]]:20: note: 'table_mu' is locked here
}

void sleeps_locked() {
  std::scoped_lock lk(mu, table_mu);
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking I/O call 'std::this_thread::sleep_for' [sleep] while 'mu, ...' is locked
  // CHECK-MESSAGES: :[[@LINE-3]]:20: note: 'mu, ...' is locked here
}

void relocked(int fd, std::string msg) {
  std::unique_lock<std::mutex> lk(mu);
  lk.unlock();
  msg += "!";
  lk.lock();
  write(fd, msg.data(), msg.size());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking I/O call 'write' [disk] while 'mu' is locked
  // CHECK-MESSAGES: :[[@LINE-6]]:32: note: 'mu' is locked here
}

struct Client {
  std::mutex m_;
  int fd_ = -1;
  void ping() {
    std::lock_guard<std::mutex> g(m_);
    if (fd_ >= 0) {
      connect(fd_, nullptr, 0);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: blocking I/O call 'connect' [network] while 'm_' is locked
      // CHECK-MESSAGES: :[[@LINE-4]]:33: note: 'm_' is locked here
    }
  }
};

// --- negative: the lock is released before the I/O, or there is no I/O.
void narrowed(int fd) {
  std::string msg;
  {
    std::lock_guard<std::mutex> lock(mu);
    msg = cache.back();
  }
  send(fd, msg.data(), msg.size(), 0); // after the guard's scope
}

void released_early(int fd) {
  std::unique_lock<std::mutex> lk(mu);
  std::string msg = pending.front();
  pending.pop();
  lk.unlock();
  send(fd, msg.data(), msg.size(), 0);
}

void consumer(int fd) {
  std::unique_lock<std::mutex> lk(mu);
  cv.wait(lk, [] { return !pending.empty(); }); // wait releases the lock
  std::string msg = pending.front();
  pending.pop();
  lk.unlock();
  write(fd, msg.data(), msg.size());
}

void manual_released(int fd, char *buf) {
  mu.lock();
  cache.clear();
  mu.unlock();
  recv(fd, buf, 64, 0);
}

void posix_released(const char *path) {
  pthread_mutex_lock(&pmu);
  cache.clear();
  pthread_mutex_unlock(&pmu);
  FILE *f = fopen(path, "r");
  if (f)
    fclose(f);
}

void deferred(int fd) {
  std::unique_lock<std::mutex> lk(mu, std::defer_lock);
  send(fd, "x", 1, 0); // not locked yet
  lk.lock();
  cache.clear();
}

int compute_locked(int a) {
  std::lock_guard<std::mutex> g(mu);
  std::cout << "adding\n"; // console logging is not reported
  return add(a, static_cast<int>(cache.size()));
}

void logs_to_file(std::ofstream &log, const std::string &line) {
  std::lock_guard<std::mutex> g(mu);
  log << line << '\n'; // a buffered write serialised by the lock
}

void hands_off(int fd) {
  std::lock_guard<std::mutex> g(mu);
  auto later = [fd] { send(fd, "x", 1, 0); }; // runs later, elsewhere
  std::thread(later).detach();
}

void early_return(int fd, bool quick) {
  std::unique_lock<std::mutex> lk(mu);
  if (quick) {
    lk.unlock();
    send(fd, "q", 1, 0);
    return;
  }
  cache.clear();
}

void joins_locked(std::thread &t) {
  std::lock_guard<std::mutex> g(mu);
  t.join(); // waiting for a thread is not I/O
}

void reviewed(int fd) {
  std::lock_guard<std::mutex> g(mu);
  send(fd, "r", 1, 0); // NOLINT(boundwise-lock-held-across-io)
}

void weak_lock(std::weak_ptr<int> w, int fd) {
  auto p = w.lock(); // not a mutex
  send(fd, "w", 1, 0);
}

void logs_to_stderr(int code) {
  std::lock_guard<std::mutex> g(mu);
  fprintf(stderr, "error %d\n", code); // console output, serialised by the lock
}
