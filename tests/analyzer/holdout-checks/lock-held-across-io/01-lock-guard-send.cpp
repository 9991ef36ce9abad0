// CHECK: boundwise-lock-held-across-io
// Sending on a socket while a lock_guard holds the queue's mutex; the
// narrowed version copies under the lock and sends after.
#include <sys/socket.h>

#include <mutex>
#include <queue>
#include <string>

std::mutex mu;
std::queue<std::string> pending;

void flush_one_locked(int fd) {
  std::lock_guard<std::mutex> lock(mu);
  if (pending.empty()) return;
  const std::string &msg = pending.front();
  send(fd, msg.data(), msg.size(), 0);  // WARN
  pending.pop();
}

void flush_all_locked(int fd) {
  std::lock_guard lock(mu);
  while (!pending.empty()) {
    send(fd, pending.front().data(), pending.front().size(), MSG_NOSIGNAL);  // WARN
    pending.pop();
  }
}

void flush_one(int fd) {
  std::string msg;
  {
    std::lock_guard<std::mutex> lock(mu);
    if (pending.empty()) return;
    msg = pending.front();
    pending.pop();
  }
  send(fd, msg.data(), msg.size(), 0);
}

void enqueue(std::string s) {
  std::lock_guard<std::mutex> lock(mu);
  pending.push(std::move(s));
}

int main() {
  enqueue("a");
  flush_one(1);
  flush_one_locked(1);
  flush_all_locked(1);
}
