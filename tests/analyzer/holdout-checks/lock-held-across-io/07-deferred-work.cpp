// CHECK: boundwise-lock-held-across-io
// Lambdas written under the lock run later; handing I/O to a pool is not
// doing it. Resolving a host name under the lock is.
#include <boundwise/thread_pool.hpp>

#include <netdb.h>
#include <sys/socket.h>

#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

std::mutex mu;
std::vector<std::function<void()>> callbacks;
std::map<std::string, int> resolved;

int resolve(const std::string &host) {
  addrinfo *res = nullptr;
  int rc = getaddrinfo(host.c_str(), "80", nullptr, &res);
  if (rc == 0) freeaddrinfo(res);
  return rc;
}

void register_callback(int fd, std::string msg) {
  std::lock_guard<std::mutex> lk(mu);
  callbacks.push_back([fd, msg] { send(fd, msg.data(), msg.size(), 0); });
}

boundwise::Future<int> resolve_later(boundwise::ThreadPool &pool, const std::string &host) {
  std::lock_guard<std::mutex> lk(mu);
  resolved[host] = -1;
  return pool.submit(resolve, host);
}

void resolve_locked(const std::string &host) {
  std::lock_guard<std::mutex> lk(mu);
  addrinfo *res = nullptr;
  int rc = getaddrinfo(host.c_str(), "80", nullptr, &res);  // WARN
  resolved[host] = rc;
  if (rc == 0) freeaddrinfo(res);
}

void resolve_via_helper_locked(const std::string &host) {
  std::lock_guard<std::mutex> lk(mu);
  resolved[host] = resolve(host);  // WARN
}

void run_callbacks() {
  std::vector<std::function<void()>> cbs;
  {
    std::lock_guard<std::mutex> lk(mu);
    cbs.swap(callbacks);
  }
  for (auto &cb : cbs) cb();
}

int main() {
  boundwise::ThreadPool pool{2};
  register_callback(1, "hi");
  auto f = resolve_later(pool, "example.com");
  resolve_locked("example.org");
  resolve_via_helper_locked("example.net");
  run_callbacks();
  return f.get();
}
