// CHECK: boundwise-lock-held-across-io
// std::scoped_lock over two mutexes and std::shared_lock for readers.
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>

std::mutex routes_mu, stats_mu;
std::map<std::string, sockaddr_in> routes;
std::map<std::string, int> stats;
std::shared_mutex cfg_mu;
std::string cfg_path = "/etc/app.conf";

int connect_route_locked(const std::string &name) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  std::scoped_lock lk(routes_mu, stats_mu);
  sockaddr_in addr = routes[name];
  int rc = connect(s, reinterpret_cast<sockaddr *>(&addr), sizeof addr);  // WARN
  stats[name] += 1;
  return rc == 0 ? s : -1;
}

int connect_route(const std::string &name) {
  sockaddr_in addr;
  {
    std::scoped_lock lk(routes_mu, stats_mu);
    addr = routes[name];
    stats[name] += 1;
  }
  int s = socket(AF_INET, SOCK_STREAM, 0);
  int rc = connect(s, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
  return rc == 0 ? s : -1;
}

std::string read_config_locked(int fd) {
  std::shared_lock lk(cfg_mu);
  char buf[256];
  ssize_t n = read(fd, buf, sizeof buf);  // WARN
  return std::string(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
}

std::string config_path() {
  std::shared_lock<std::shared_mutex> lk(cfg_mu);
  return cfg_path;
}

int main() {
  connect_route_locked("a");
  connect_route("b");
  read_config_locked(0);
  return static_cast<int>(config_path().size());
}
