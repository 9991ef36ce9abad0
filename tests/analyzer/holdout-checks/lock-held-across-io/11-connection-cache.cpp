// CHECK: boundwise-lock-held-across-io
// A connection cache: connecting with the cache's mutex held makes every
// lookup wait for the slowest server.
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

class ConnectionCache {
 public:
  int get_locked(const std::string &host) {
    std::lock_guard<std::mutex> lk(mu_);
    auto it = conns_.find(host);
    if (it != conns_.end()) return it->second;
    int fd = dial(host);  // WARN
    conns_[host] = fd;
    ++misses_;
    return fd;
  }

  int get(const std::string &host) {
    {
      std::lock_guard<std::mutex> lk(mu_);
      auto it = conns_.find(host);
      if (it != conns_.end()) return it->second;
      ++misses_;
    }
    int fd = dial(host);
    std::lock_guard<std::mutex> lk(mu_);
    auto [it, inserted] = conns_.emplace(host, fd);
    if (!inserted) close_later_.push_back(fd);
    return it->second;
  }

  std::optional<int> peek(const std::string &host) const {
    std::lock_guard<std::mutex> lk(mu_);
    auto it = conns_.find(host);
    if (it == conns_.end()) return std::nullopt;
    return it->second;
  }

  std::size_t misses() const {
    std::lock_guard<std::mutex> lk(mu_);
    return misses_;
  }

  void ping_all_locked() {
    std::lock_guard<std::mutex> lk(mu_);
    for (auto &[host, fd] : conns_) send(fd, "PING\r\n", 6, 0);  // WARN
  }

 private:
  static int dial(const std::string &host) {
    addrinfo hints{}, *res = nullptr;
    hints.ai_socktype = SOCK_STREAM;
    if (getaddrinfo(host.c_str(), "6379", &hints, &res) != 0) return -1;
    int fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
    if (connect(fd, res->ai_addr, res->ai_addrlen) != 0) {
      close(fd);
      fd = -1;
    }
    freeaddrinfo(res);
    return fd;
  }

  mutable std::mutex mu_;
  std::map<std::string, int> conns_;
  std::vector<int> close_later_;
  std::size_t misses_ = 0;
};

int main() {
  ConnectionCache c;
  c.get_locked("a");
  c.get("b");
  c.ping_all_locked();
  return static_cast<int>(c.misses()) + c.peek("a").value_or(0);
}
