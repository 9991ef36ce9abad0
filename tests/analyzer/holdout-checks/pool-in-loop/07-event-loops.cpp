// CHECK: boundwise-pool-in-loop
// Event loops (boundwise::Loop, boost::asio::io_context) built per iteration.
// boost::asio is declared here in miniature so the fixture needs no Boost.
#include <boundwise/async.hpp>

#include <chrono>
#include <string>
#include <vector>

namespace boost::asio {
class io_context {
 public:
  io_context() {}
  explicit io_context(int concurrency_hint) : hint_(concurrency_hint) {}
  std::size_t run() { return static_cast<std::size_t>(hint_); }
  void stop() {}

 private:
  int hint_ = 1;
};
}  // namespace boost::asio

using namespace std::chrono_literals;

boundwise::Task<int> probe(std::string host) {
  co_await boundwise::sleep_for(1ms);
  co_return static_cast<int>(host.size());
}

int probe_each(const std::vector<std::string> &hosts) {
  int total = 0;
  for (const auto &h : hosts) {
    boundwise::Loop loop;  // WARN
    total += loop.run(probe(h));
  }
  return total;
}

int probe_each_asio(const std::vector<std::string> &hosts) {
  int total = 0;
  for (const auto &h : hosts) {
    boost::asio::io_context io;  // WARN
    total += static_cast<int>(io.run() + h.size());
  }
  return total;
}

int probe_shared(const std::vector<std::string> &hosts) {
  boundwise::Loop loop;
  int total = 0;
  for (const auto &h : hosts) total += loop.run(probe(h));
  return total;
}

int probe_shared_asio(const std::vector<std::string> &hosts) {
  boost::asio::io_context io{1};
  int total = 0;
  for (const auto &h : hosts) total += static_cast<int>(io.run() + h.size());
  return total;
}

int main() {
  std::vector<std::string> hosts{"a", "bb"};
  return probe_each(hosts) + probe_each_asio(hosts) + probe_shared(hosts) + probe_shared_asio(hosts);
}
