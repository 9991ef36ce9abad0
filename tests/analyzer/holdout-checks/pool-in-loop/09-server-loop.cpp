// CHECK: boundwise-pool-in-loop
// A request loop that calls a handler which builds a pool per request.
#include <boundwise/thread_pool.hpp>

#include <atomic>
#include <string>
#include <vector>

struct Request {
  std::vector<std::string> lines;
};

std::atomic<bool> g_running{true};

Request next_request(int i) { return Request{{"line " + std::to_string(i), "more"}}; }

std::size_t line_len(const std::string &s) { return s.size(); }

std::size_t handle_request(const Request &req) {
  boundwise::ThreadPool pool{2};  // WARN
  std::size_t total = 0;
  for (std::size_t n : pool.map(line_len, req.lines)) total += n;
  return total;
}

std::size_t handle_request_on(boundwise::ThreadPool &pool, const Request &req) {
  std::size_t total = 0;
  for (std::size_t n : pool.map(line_len, req.lines)) total += n;
  return total;
}

std::size_t serve() {
  std::size_t served = 0;
  int i = 0;
  while (g_running.load()) {
    Request r = next_request(i++);
    served += handle_request(r);
    if (i > 1000) g_running = false;
  }
  return served;
}

std::size_t serve_shared() {
  boundwise::ThreadPool pool{2};
  std::size_t served = 0;
  for (int i = 0;; ++i) {
    Request r = next_request(i);
    served += handle_request_on(pool, r);
    if (i > 1000) break;
  }
  return served;
}

int main() { return static_cast<int>(serve() + serve_shared()); }
