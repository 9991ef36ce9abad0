// CHECK: boundwise-thread-per-task
// A report generator: background threads for a fixed set of services, a
// thread per customer (the bug), and async per customer section.
#include <chrono>
#include <cstdio>
#include <future>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

struct Customer {
  std::string name;
  std::vector<double> invoices;
};

std::mutex g_out;
std::map<std::string, double> g_totals;

void total_for(const Customer &c) {
  double t = 0;
  for (double v : c.invoices) t += v;
  std::lock_guard<std::mutex> lk(g_out);
  g_totals[c.name] = t;
}

std::string render(const Customer &c) { return c.name + ": " + std::to_string(c.invoices.size()); }

void heartbeat(int id) { std::this_thread::sleep_for(std::chrono::milliseconds(id)); }

int main() {
  std::vector<Customer> customers{{"acme", {1, 2}}, {"globex", {3}}};

  std::thread metrics(heartbeat, 1);
  std::thread audit(heartbeat, 2);

  std::vector<std::thread> per_customer;
  for (const Customer &c : customers) per_customer.emplace_back(total_for, std::cref(c));  // WARN
  for (auto &t : per_customer) t.join();

  std::vector<std::future<std::string>> sections;
  for (const Customer &c : customers) sections.push_back(std::async(std::launch::async, render, std::cref(c)));  // WARN
  for (auto &s : sections) std::puts(s.get().c_str());

  for (const Customer &c : customers) {
    std::future<std::string> one = std::async(std::launch::async, render, std::cref(c));
    std::puts(one.get().c_str());
  }

  metrics.join();
  audit.join();
}
