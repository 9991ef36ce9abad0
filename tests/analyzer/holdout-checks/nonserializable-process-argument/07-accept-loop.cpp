// CHECK: boundwise-nonserializable-process-argument
// A server that hands accepted connections to worker processes by number:
// the worker has no such descriptor. The request bytes must be sent instead.
#include <boundwise/process_pool.hpp>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>
#include <vector>

std::string handle_connection(int client) {
  char buf[1024];
  ssize_t n = recv(client, buf, sizeof buf, 0);
  return n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string();
}

std::string render(std::string request) {
  std::string out = "HTTP/1.0 200 OK\r\n\r\n";
  for (char c : request) out += (c == '\n' ? ' ' : c);
  return out;
}

void serve(boundwise::ProcessPool &pool, int listener, int max_clients) {
  std::vector<boundwise::Future<std::string>> pending;
  for (int i = 0; i < max_clients; ++i) {
    int client = accept(listener, nullptr, nullptr);
    if (client < 0) continue;
    pending.push_back(pool.submit(handle_connection, client));  // WARN
    char buf[1024];
    ssize_t n = recv(client, buf, sizeof buf, 0);
    std::string request(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
    pending.push_back(pool.submit(render, request));
    close(client);
  }
  for (auto &f : pending) f.get();
}

int main() {
  boundwise::ProcessPool pool;
  int listener = socket(AF_INET6, SOCK_STREAM, 0);
  sockaddr_in6 addr{};
  addr.sin6_family = AF_INET6;
  addr.sin6_port = htons(8080);
  bind(listener, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
  listen(listener, 64);
  serve(pool, listener, 100);
  auto last = pool.submit(handle_connection, listener);  // WARN
  last.get();
  close(listener);
}
