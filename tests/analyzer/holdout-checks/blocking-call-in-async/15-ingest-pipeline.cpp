// CHECK: boundwise-blocking-call-in-async
// An ingest pipeline: producer/consumer tasks over a Queue, HTTP fetches on
// the loop, persistence offloaded, except one checkpoint written inline.
#include <boundwise/async.hpp>
#include <boundwise/http.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

using boundwise::Task;
using namespace std::chrono_literals;

struct Record {
  std::string url;
  std::string body;
};

bool persist(const Record &r) {
  std::string path = "/tmp/ingest-" + std::to_string(r.url.size()) + ".dat";
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) return false;
  bool ok = write(fd, r.body.data(), r.body.size()) == static_cast<ssize_t>(r.body.size());
  fsync(fd);
  close(fd);
  return ok;
}

void checkpoint(std::size_t n) {
  int fd = open("/tmp/ingest.checkpoint", O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::string s = std::to_string(n);
  write(fd, s.data(), s.size());
  fsync(fd);
  close(fd);
}

std::string normalize(std::string body) {
  for (char &c : body)
    if (c == '\r') c = '\n';
  return body;
}

Task<void> producer(boundwise::Queue<Record> &q, std::vector<std::string> urls) {
  for (const auto &u : urls) {
    boundwise::http::Response r = co_await boundwise::wait_for(boundwise::http::get(u), 10s);
    co_await q.push(Record{u, normalize(r.body)});
  }
  co_await q.push(Record{});
}

Task<std::size_t> consumer(boundwise::Queue<Record> &q) {
  std::size_t stored = 0;
  for (;;) {
    Record r = co_await q.pop();
    if (r.url.empty()) break;
    bool ok = co_await boundwise::to_thread(persist, r);
    stored += ok;
    std::printf("stored %s\n", r.url.c_str());
    if (stored % 100 == 0) checkpoint(stored);  // WARN
  }
  co_return stored;
}

Task<std::size_t> ingest(std::vector<std::string> urls) {
  boundwise::Queue<Record> q(32);
  auto [unused, stored] = co_await boundwise::gather(producer(q, urls), consumer(q));
  co_await boundwise::to_thread(checkpoint, stored);
  co_return stored;
}

int main() { return static_cast<int>(boundwise::run(ingest({"https://example.com/a", "https://example.com/b"}))); }
