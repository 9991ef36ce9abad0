// Calls whose target is chosen at run time: virtual methods with several
// overriders, function pointers and std::function. They resolve to the
// targets the program defines, or stay unknown and say why.
// RUN: %boundwise classify --quiet %s -- -std=c++20 | FileCheck %s
#include <sys/socket.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <vector>

// --- virtual: every overrider does I/O
struct Sink {
  virtual ~Sink() = default;
  virtual void put(const std::string &record) = 0;
};
struct FileSink : Sink {
  std::FILE *f;
  // CHECK-DAG: {{^}}FileSink::put {{.*}}dispatch.cpp:[[@LINE+1]] io {{.*}}[disk]
  void put(const std::string &record) override {
    std::fputs(record.c_str(), f);
    std::fflush(f);
  }
};
struct SocketSink : Sink {
  int fd;
  // CHECK-DAG: {{^}}SocketSink::put {{.*}}dispatch.cpp:[[@LINE+1]] io {{.*}}send [network]
  void put(const std::string &record) override { send(fd, record.data(), record.size(), 0); }
};

// CHECK-DAG: {{^}}publish {{.*}}dispatch.cpp:[[@LINE+1]] io {{.*}}publish -> {{(SocketSink|FileSink)}}::put -> {{.*}}
void publish(Sink &sink, const std::vector<std::string> &records) {
  for (const std::string &r : records)
    sink.put(r);
}

// --- virtual: every overrider computes
struct Shape {
  virtual ~Shape() = default;
  virtual double area() const = 0;
};
struct Polygon : Shape {
  std::vector<std::pair<double, double>> pts;
  // CHECK-DAG: {{^}}Polygon::area {{.*}}dispatch.cpp:[[@LINE+1]] cpu
  double area() const override {
    double a = 0;
    for (size_t i = 0; i < pts.size(); ++i) {
      const auto &p = pts[i], &q = pts[(i + 1) % pts.size()];
      a += p.first * q.second - q.first * p.second;
    }
    return std::fabs(a) / 2;
  }
};
struct Circle : Shape {
  double r = 1;
  // CHECK-DAG: {{^}}Circle::area {{.*}}dispatch.cpp:[[@LINE+1]] cpu
  double area() const override { return 3.141592653589793 * r * r; }
};

// CHECK-DAG: {{^}}total_area {{.*}}dispatch.cpp:[[@LINE+1]] cpu {{.*}}total_area -> Polygon::area
double total_area(const std::vector<std::unique_ptr<Shape>> &shapes) {
  double sum = 0;
  for (const auto &s : shapes)
    sum += s->area();
  return sum;
}

// --- virtual with no implementation anywhere in the program
struct Storage {
  virtual ~Storage() = default;
  virtual std::string load(const std::string &key) = 0;
};
// CHECK-DAG: {{^}}load_all {{.*}}dispatch.cpp:[[@LINE+1]] unknown {{.*}}Storage::load (virtual, no implementation in the analysed sources)
std::vector<std::string> load_all(Storage &s, const std::vector<std::string> &keys) {
  std::vector<std::string> out;
  for (const std::string &k : keys)
    out.push_back(s.load(k));
  return out;
}

// --- function pointers
using Transform = double (*)(double);
// CHECK-DAG: {{^}}soft_clip {{.*}}dispatch.cpp:[[@LINE+1]] cpu
double soft_clip(double x) { return std::tanh(x * 1.5) / 1.5; }
// CHECK-DAG: {{^}}gamma_correct {{.*}}dispatch.cpp:[[@LINE+1]] cpu
double gamma_correct(double x) { return std::pow(x, 1 / 2.2); }

// CHECK-DAG: {{^}}apply_all {{.*}}dispatch.cpp:[[@LINE+1]] cpu
void apply_all(std::vector<double> &samples, Transform f) {
  for (double &s : samples)
    s = f(s);
}

// CHECK-DAG: {{^}}pick_transform {{.*}}dispatch.cpp:[[@LINE+1]] cpu
Transform pick_transform(bool clip) { return clip ? soft_clip : &gamma_correct; }

// No function of this type has its address taken: unknown, and it says so.
using Fetcher = std::string (*)(const std::string &, int);
// CHECK-DAG: {{^}}fetch_with {{.*}}dispatch.cpp:[[@LINE+1]] unknown {{.*}}call through pointer of type {{.*}}no function of that type has its address taken
std::string fetch_with(Fetcher f, const std::vector<std::string> &urls) {
  std::string all;
  for (const std::string &u : urls)
    all += f(u, 30);
  return all;
}

// --- std::function
// CHECK-DAG: {{^}}notify_all {{.*}}dispatch.cpp:[[@LINE+1]] io {{.*}}notify_all -> {{.*}}send [network]
void notify_all(const std::vector<std::function<void(int)>> &listeners, int event) {
  for (const auto &l : listeners)
    l(event);
}

// CHECK-DAG: {{^}}make_listener {{.*}}dispatch.cpp:[[@LINE+1]] cpu
std::function<void(int)> make_listener(int fd) {
  // CHECK-DAG: {{^}}make_listener::(lambda at dispatch.cpp:[[@LINE+1]]) {{.*}} io {{.*}}send [network]
  return [fd](int event) { send(fd, &event, sizeof event, 0); };
}

// A callback parameter with a compute-only target in the program.
// CHECK-DAG: {{^}}integrate {{.*}}dispatch.cpp:[[@LINE+1]] cpu
double integrate(const std::function<double(double)> &f, double a, double b) {
  double h = (b - a) / 100000, s = 0;
  for (int i = 0; i < 100000; ++i)
    s += f(a + (i + 0.5) * h);
  return s * h;
}
// CHECK-DAG: {{^}}integrate_gaussian {{.*}}dispatch.cpp:[[@LINE+1]] cpu
double integrate_gaussian() {
  return integrate([](double x) { return std::exp(-x * x); }, -5, 5);
}
