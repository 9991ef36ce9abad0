// CHECK: boundwise-lock-held-across-io
// std::unique_lock: unlock() ends the hold, lock() takes it again, and
// defer_lock starts unheld.
#include <sys/socket.h>
#include <unistd.h>

#include <map>
#include <mutex>
#include <string>

class Session {
 public:
  std::string receive_locked(int fd) {
    std::unique_lock<std::mutex> lk(mu_);
    char buf[512];
    ssize_t n = recv(fd, buf, sizeof buf, 0);  // WARN
    std::string s(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
    history_[fd] += s;
    return s;
  }

  std::string receive(int fd) {
    std::unique_lock<std::mutex> lk(mu_);
    std::size_t seen = history_[fd].size();
    lk.unlock();
    char buf[512];
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    std::string s(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
    lk.lock();
    history_[fd] += s;
    return s + std::to_string(seen);
  }

  void relock_then_io(int fd, const std::string &reply) {
    std::unique_lock lk(mu_);
    history_[fd] += reply;
    lk.unlock();
    send(fd, reply.data(), reply.size(), 0);
    lk.lock();
    write(fd, reply.data(), reply.size());  // WARN
  }

  void deferred(int fd, const std::string &reply) {
    std::unique_lock<std::mutex> lk(mu_, std::defer_lock);
    send(fd, reply.data(), reply.size(), 0);
    lk.lock();
    history_[fd] += reply;
  }

  void deferred_then_io(int fd, const std::string &reply) {
    std::unique_lock<std::mutex> lk(mu_, std::defer_lock);
    lk.lock();
    send(fd, reply.data(), reply.size(), 0);  // WARN
  }

  void released(int fd, const std::string &reply) {
    std::unique_lock<std::mutex> lk(mu_);
    history_[fd] += reply;
    lk.release()->unlock();
    send(fd, reply.data(), reply.size(), 0);
  }

 private:
  std::mutex mu_;
  std::map<int, std::string> history_;
};

int main() {
  Session s;
  s.receive_locked(0);
  s.receive(0);
  s.relock_then_io(1, "x");
  s.deferred(1, "y");
  s.deferred_then_io(1, "z");
  s.released(1, "w");
}
