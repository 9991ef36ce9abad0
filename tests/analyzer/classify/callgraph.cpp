// Classification through the call graph: helpers three calls deep, direct
// and mutual recursion, lambdas, members and used template instantiations.
// RUN: %boundwise classify --quiet %s -- -std=c++20 | FileCheck %s
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <string>
#include <thread>
#include <vector>

// --- three calls deep: sync_all -> push_batch -> write_frame -> send
// CHECK-DAG: {{^}}write_frame {{.*}}callgraph.cpp:[[@LINE+1]] io {{.*}}write_frame -> send [network]
static bool write_frame(int fd, const std::string &payload) {
  unsigned len = static_cast<unsigned>(payload.size());
  if (send(fd, &len, sizeof len, 0) != sizeof len)
    return false;
  return send(fd, payload.data(), payload.size(), 0) == static_cast<ssize_t>(payload.size());
}

// CHECK-DAG: {{^}}push_batch {{.*}}callgraph.cpp:[[@LINE+1]] io {{.*}}push_batch -> write_frame -> send [network]
static int push_batch(int fd, const std::vector<std::string> &batch) {
  int sent = 0;
  for (const std::string &item : batch)
    sent += write_frame(fd, item);
  return sent;
}

// CHECK-DAG: {{^}}sync_all {{.*}}callgraph.cpp:[[@LINE+1]] io {{.*}}sync_all -> push_batch -> write_frame -> send [network]
int sync_all(int fd, const std::map<std::string, std::vector<std::string>> &queues) {
  int total = 0;
  for (const auto &[name, batch] : queues)
    total += push_batch(fd, batch);
  return total;
}

// --- three calls deep, compute: render -> shade_rows -> shade_pixel
// CHECK-DAG: {{^}}shade_pixel {{.*}}callgraph.cpp:[[@LINE+1]] cpu
static float shade_pixel(float x, float y) {
  float v = 0;
  for (int octave = 0; octave < 8; ++octave)
    v += (x * octave * 0.37f + y * 1.3f) / (octave + 1);
  return v;
}

// CHECK-DAG: {{^}}shade_rows {{.*}}callgraph.cpp:[[@LINE+1]] cpu
static void shade_rows(std::vector<float> &img, int w, int y0, int y1) {
  for (int y = y0; y < y1; ++y)
    for (int x = 0; x < w; ++x)
      img[y * w + x] = shade_pixel(x, y);
}

// CHECK-DAG: {{^}}render {{.*}}callgraph.cpp:[[@LINE+1]] cpu {{.*}}render -> shade_rows
std::vector<float> render(int w, int h) {
  std::vector<float> img(static_cast<size_t>(w) * h);
  shade_rows(img, w, 0, h);
  return img;
}

// --- recursion
struct Node {
  std::vector<Node *> children;
  double weight = 0;
};

// CHECK-DAG: {{^}}subtree_weight {{.*}}callgraph.cpp:[[@LINE+1]] cpu
double subtree_weight(const Node *n) {
  double w = n->weight;
  for (const Node *c : n->children)
    w += subtree_weight(c);
  return w;
}

// CHECK-DAG: {{^}}fib {{.*}}callgraph.cpp:[[@LINE+1]] cpu
long fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

// Mutual recursion over a directory-like tree that reads every file: io.
std::string read_whole(const std::string &path);
void walk_dir(const std::string &dir, std::vector<std::string> &out);

// CHECK-DAG: {{^}}visit_entry {{.*}}callgraph.cpp:[[@LINE+1]] io {{.*}}[disk]
void visit_entry(const std::string &path, bool is_dir, std::vector<std::string> &out) {
  if (is_dir)
    walk_dir(path, out);
  else
    out.push_back(read_whole(path));
}

// CHECK-DAG: {{^}}walk_dir {{.*}}callgraph.cpp:[[@LINE+1]] io {{.*}}[disk]
void walk_dir(const std::string &dir, std::vector<std::string> &out) {
  for (int i = 0; i < 10; ++i)
    visit_entry(dir + "/" + std::to_string(i), i % 3 == 0, out);
}

// CHECK-DAG: {{^}}read_whole {{.*}}callgraph.cpp:[[@LINE+1]] io {{.*}}read_whole -> {{(fopen|fread|fclose)}} [disk]
std::string read_whole(const std::string &path) {
  std::string data;
  std::FILE *f = std::fopen(path.c_str(), "rb");
  if (!f)
    return data;
  char buf[8192];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0)
    data.append(buf, n);
  std::fclose(f);
  return data;
}

// Mutual recursion, pure computation: is_even / is_odd.
bool is_odd(unsigned n);
// CHECK-DAG: {{^}}is_even {{.*}}callgraph.cpp:[[@LINE+1]] cpu
bool is_even(unsigned n) { return n == 0 ? true : is_odd(n - 1); }
// CHECK-DAG: {{^}}is_odd {{.*}}callgraph.cpp:[[@LINE+1]] cpu
bool is_odd(unsigned n) { return n == 0 ? false : is_even(n - 1); }

// --- lambdas
// Retries with a pause: the send and the sleeps are both waiting.
// CHECK-DAG: {{^}}retry_send {{.*}}callgraph.cpp:[[@LINE+1]] io {{.*}}retry_send -> {{.*}}[{{sleep|network}}]
bool retry_send(int fd, const std::string &msg) {
  auto attempt = [&] { return send(fd, msg.data(), msg.size(), 0) > 0; };
  // CHECK-DAG: {{^}}retry_send::(lambda at callgraph.cpp:[[@LINE-1]]) {{.*}} io
  for (int i = 0; i < 3; ++i) {
    if (attempt())
      return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

// CHECK-DAG: {{^}}sort_by_distance {{.*}}callgraph.cpp:[[@LINE+1]] cpu
void sort_by_distance(std::vector<std::pair<double, double>> &pts) {
  std::sort(pts.begin(), pts.end(), [](const auto &a, const auto &b) {
    return a.first * a.first + a.second * a.second < b.first * b.first + b.second * b.second;
  });
}

// A callback handed to an algorithm runs once per element: the lambda's
// cost is log_each's (printing is buffered formatting, so cpu).
// CHECK-DAG: {{^}}log_each {{.*}}callgraph.cpp:[[@LINE+1]] cpu {{.*}}log_each -> log_each::(lambda at callgraph.cpp:[[@LINE+2]])
void log_each(const std::vector<std::string> &events) {
  std::for_each(events.begin(), events.end(), [](const std::string &e) { std::puts(e.c_str()); });
}

// --- members
class Connection {
public:
  explicit Connection(int fd) : fd_(fd) {}
  // CHECK-DAG: {{^}}Connection::request {{.*}}callgraph.cpp:[[@LINE+1]] io {{.*}}Connection::request -> {{.*}}[network]
  std::string request(const std::string &query) {
    send(fd_, query.data(), query.size(), 0);
    char buf[1024];
    ssize_t n = recv(fd_, buf, sizeof buf, 0);
    return n > 0 ? std::string(buf, static_cast<size_t>(n)) : std::string();
  }
  // CHECK-DAG: {{^}}Connection::checksum {{.*}}callgraph.cpp:[[@LINE+1]] cpu
  unsigned checksum(const std::string &s) const {
    unsigned h = 2166136261u;
    for (char c : s)
      h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h;
  }

private:
  int fd_;
};

// CHECK-DAG: {{^}}query_all {{.*}}callgraph.cpp:[[@LINE+1]] io {{.*}}query_all -> Connection::request -> {{.*}}[network]
unsigned query_all(Connection &c, const std::vector<std::string> &queries) {
  unsigned h = 0;
  for (const std::string &q : queries)
    h ^= c.checksum(c.request(q));
  return h;
}

// --- templates: each used instantiation is classified on its own.
struct MemorySource {
  std::vector<int> data;
  int next(size_t i) const { return data[i % data.size()]; }
};
struct SocketSource {
  int fd;
  int next(size_t) const {
    int v = 0;
    recv(fd, &v, sizeof v, MSG_WAITALL);
    return v;
  }
};

template <typename Source> long drain(const Source &src, size_t n) {
  long sum = 0;
  for (size_t i = 0; i < n; ++i)
    sum += src.next(i);
  return sum;
}
// CHECK-DAG: {{^}}drain<MemorySource> {{.*}}callgraph.cpp:[[@LINE-6]] cpu
// CHECK-DAG: {{^}}drain<SocketSource> {{.*}}callgraph.cpp:[[@LINE-7]] io {{.*}}drain<SocketSource> -> SocketSource::next -> recv [network]

// CHECK-DAG: {{^}}use_sources {{.*}}callgraph.cpp:[[@LINE+1]] io
long use_sources(const MemorySource &m, const SocketSource &s) {
  return drain(m, 1000) + drain(s, 1000);
}

template <typename T> T dot(const std::vector<T> &a, const std::vector<T> &b) {
  T s{};
  for (size_t i = 0; i < a.size(); ++i)
    s += a[i] * b[i];
  return s;
}
// CHECK-DAG: {{^}}dot<double> {{.*}}callgraph.cpp:[[@LINE-6]] cpu
// CHECK-NOT: {{^}}dot<float>

// CHECK-DAG: {{^}}cosine {{.*}}callgraph.cpp:[[@LINE+1]] cpu
double cosine(const std::vector<double> &a, const std::vector<double> &b) {
  return dot(a, b) / (dot(a, a) * dot(b, b));
}
