// CHECK: boundwise-oversized-pool
// I/O-bound thread pools may exceed the core count, up to a cap of 256
// threads; past that, async I/O is the answer.
#include <boundwise/thread_pool.hpp>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

std::string fetch_banner(int port) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<unsigned short>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string out;
  if (connect(s, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0) {
    char buf[128];
    ssize_t n = recv(s, buf, sizeof buf, 0);
    if (n > 0) out.assign(buf, static_cast<std::size_t>(n));
  }
  close(s);
  return out;
}

int poll_later(int id) {
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  return id;
}

std::vector<std::string> scan_512(const std::vector<int> &ports) {
  boundwise::ThreadPool pool{512};  // WARN
  return pool.map(fetch_banner, ports);
}

std::vector<int> sleepers_1000(const std::vector<int> &ids) {
  boundwise::ThreadPool pool{1000};  // WARN
  return pool.map(poll_later, ids);
}

std::vector<std::string> scan_hc64(const std::vector<int> &ports) {
  boundwise::ThreadPool pool{std::thread::hardware_concurrency() * 64};  // WARN
  return pool.map(fetch_banner, ports);
}

std::vector<std::string> scan_128(const std::vector<int> &ports) {
  boundwise::ThreadPool pool{128};
  return pool.map(fetch_banner, ports);
}

std::vector<int> sleepers_256(const std::vector<int> &ids) {
  boundwise::ThreadPool pool{256};
  return pool.map(poll_later, ids);
}

std::vector<std::string> scan_hc8(const std::vector<int> &ports) {
  boundwise::ThreadPool pool{std::thread::hardware_concurrency() * 8};
  return pool.map(fetch_banner, ports);
}

std::string one_banner(int port) {
  boundwise::ThreadPool pool{64};
  return pool.submit(fetch_banner, port).get();
}

int main() {
  std::vector<int> ports{22, 80, 443};
  return static_cast<int>(scan_512(ports).size() + sleepers_1000(ports).size() + scan_hc64(ports).size() +
                          scan_128(ports).size() + sleepers_256(ports).size() + scan_hc8(ports).size() +
                          one_banner(22).size());
}
