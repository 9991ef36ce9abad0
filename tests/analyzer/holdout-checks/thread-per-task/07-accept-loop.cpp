// CHECK: boundwise-thread-per-task
// A thread per accepted connection: the number of threads follows the
// number of clients.
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>
#include <vector>

void serve_client(int fd) {
  char buf[512];
  for (ssize_t n; (n = recv(fd, buf, sizeof buf, 0)) > 0;) send(fd, buf, static_cast<std::size_t>(n), 0);
  close(fd);
}

void serve_forever(int listener) {
  while (true) {
    int c = accept(listener, nullptr, nullptr);
    if (c < 0) continue;
    std::thread(serve_client, c).detach();  // WARN
  }
}

void serve_jthreads(int listener, bool &stop) {
  std::vector<std::jthread> clients;
  while (!stop) {
    int c = accept(listener, nullptr, nullptr);
    if (c >= 0) clients.emplace_back(serve_client, c);  // WARN
  }
}

void serve_one_by_one(int listener, bool &stop) {
  while (!stop) {
    int c = accept(listener, nullptr, nullptr);
    if (c < 0) continue;
    std::thread t(serve_client, c);
    t.join();
  }
}

void serve_fixed(int listener) {
  std::vector<std::thread> acceptors;
  for (int i = 0; i < 4; ++i)
    acceptors.emplace_back([listener] {
      for (;;) {
        int c = accept(listener, nullptr, nullptr);
        if (c >= 0) serve_client(c);
      }
    });
  for (auto &t : acceptors) t.join();
}

int main() {
  int l = socket(AF_INET, SOCK_STREAM, 0);
  bool stop = true;
  serve_jthreads(l, stop);
  serve_one_by_one(l, stop);
  if (!stop) {
    serve_fixed(l);
    serve_forever(l);
  }
}
