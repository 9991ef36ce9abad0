// CHECK: boundwise-lock-held-across-io
// mutex.lock() ... mutex.unlock() around file writes.
#include <fcntl.h>
#include <unistd.h>

#include <mutex>
#include <string>
#include <vector>

std::mutex log_mu;
std::vector<std::string> buffered;

void append_locked(int fd, const std::string &line) {
  log_mu.lock();
  buffered.push_back(line);
  write(fd, line.data(), line.size());  // WARN
  log_mu.unlock();
}

void append(int fd, const std::string &line) {
  log_mu.lock();
  buffered.push_back(line);
  log_mu.unlock();
  write(fd, line.data(), line.size());
}

void rotate_locked(const std::string &path) {
  log_mu.lock();
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);  // WARN
  for (const auto &l : buffered) write(fd, l.data(), l.size());  // WARN
  buffered.clear();
  log_mu.unlock();
  close(fd);
}

void rotate(const std::string &path) {
  log_mu.lock();
  std::vector<std::string> lines;
  lines.swap(buffered);
  log_mu.unlock();
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  for (const auto &l : lines) write(fd, l.data(), l.size());
  close(fd);
}

int main() {
  append_locked(2, "a\n");
  append(2, "b\n");
  rotate_locked("/tmp/log1");
  rotate("/tmp/log2");
}
