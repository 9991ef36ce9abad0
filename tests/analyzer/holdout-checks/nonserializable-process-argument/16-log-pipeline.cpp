// CHECK: boundwise-nonserializable-process-argument
// A medium-sized log analysis program: parse in worker processes, merge in
// the parent. Most calls are right; a few hand over parent-only state.
#include "holdout_process_pool.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <string>
#include <vector>

struct LogLine {
  std::string host;
  int status = 0;
  long bytes = 0;
};

struct Summary {
  std::map<std::string, long> bytes_by_host;
  std::map<int, int> count_by_status;
};

std::map<std::string, int> g_errors_by_host;

LogLine parse_line(const std::string &line) {
  LogLine out;
  std::istringstream in(line);
  in >> out.host >> out.status >> out.bytes;
  return out;
}

Summary summarize(const std::vector<std::string> &chunk) {
  Summary s;
  for (const auto &line : chunk) {
    LogLine l = parse_line(line);
    s.bytes_by_host[l.host] += l.bytes;
    s.count_by_status[l.status] += 1;
  }
  return s;
}

int count_errors(const std::vector<std::string> &chunk) {
  int n = 0;
  for (const auto &line : chunk) {
    LogLine l = parse_line(line);
    if (l.status >= 500) {
      g_errors_by_host[l.host] += 1;
      ++n;
    }
  }
  return n;
}

void merge(Summary &into, const Summary &part) {
  for (const auto &[h, b] : part.bytes_by_host) into.bytes_by_host[h] += b;
  for (const auto &[s, c] : part.count_by_status) into.count_by_status[s] += c;
}

void merge_into(Summary *into, Summary part) { merge(*into, part); }

std::vector<std::vector<std::string>> read_chunks(const std::string &path, std::size_t per_chunk) {
  std::vector<std::vector<std::string>> chunks(1);
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (chunks.back().size() == per_chunk) chunks.emplace_back();
    chunks.back().push_back(line);
  }
  return chunks;
}

long tail_bytes(int fd) {
  char buf[256];
  return static_cast<long>(read(fd, buf, sizeof buf));
}

int main(int argc, char **argv) {
  const std::string path = argc > 1 ? argv[1] : "access.log";
  boundwise::ProcessPool pool;
  auto chunks = read_chunks(path, 10000);

  std::vector<Summary> parts = pool.map(summarize, chunks);
  Summary total;
  for (const auto &p : parts) merge(total, p);

  std::vector<int> errors = pool.map(count_errors, chunks);  // WARN
  pool.submit(merge_into, &total, parts.front()).get();  // WARN

  std::mutex print_mu;
  auto printed = pool.submit([&print_mu](int n) { std::lock_guard<std::mutex> lk(print_mu); return n; }, 3);  // WARN

  int fd = open(path.c_str(), O_RDONLY);
  auto tail = pool.submit(tail_bytes, fd);  // WARN

  auto first = pool.submit(parse_line, chunks.front().front());
  auto again = pool.submit(summarize, chunks.back());
  auto sorted_hosts = pool.submit([](Summary s) {
    std::vector<std::string> hosts;
    for (const auto &kv : s.bytes_by_host) hosts.push_back(kv.first);
    std::sort(hosts.begin(), hosts.end());
    return hosts;
  }, total);

  merge(total, again.get());
  std::printf("%zu hosts, first %s, %d errors chunks, %ld tail\n", sorted_hosts.get().size(), first.get().host.c_str(),
              static_cast<int>(errors.size()), tail.get());
  close(fd);
  return printed.get();
}
