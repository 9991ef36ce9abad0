// CHECK: boundwise-lock-held-across-io
// Branches that unlock: I/O in the unlocked branch is fine; a branch that
// unlocks and leaves does not release the lock for the code after it.
#include <sys/socket.h>

#include <mutex>
#include <string>

class Outbox {
 public:
  void send_or_queue(int fd, const std::string &msg) {
    std::unique_lock<std::mutex> lk(mu_);
    if (!connected_) {
      queued_ += msg;
      return;
    }
    lk.unlock();
    send(fd, msg.data(), msg.size(), 0);
  }

  void send_unless_busy(int fd, const std::string &msg) {
    std::unique_lock<std::mutex> lk(mu_);
    if (busy_) {
      lk.unlock();
      send(fd, "busy\n", 5, 0);
      return;
    }
    send(fd, msg.data(), msg.size(), 0);  // WARN
  }

  void send_in_branch_locked(int fd, const std::string &msg) {
    std::lock_guard<std::mutex> lk(mu_);
    if (connected_) {
      send(fd, msg.data(), msg.size(), 0);  // WARN
    } else {
      queued_ += msg;
    }
  }

  void drain(int fd) {
    std::unique_lock<std::mutex> lk(mu_);
    std::string q;
    q.swap(queued_);
    if (!q.empty()) {
      lk.unlock();
      send(fd, q.data(), q.size(), 0);
    }
  }

 private:
  std::mutex mu_;
  bool connected_ = true;
  bool busy_ = false;
  std::string queued_;
};

int main() {
  Outbox o;
  o.send_or_queue(1, "a");
  o.send_unless_busy(1, "b");
  o.send_in_branch_locked(1, "c");
  o.drain(1);
}
