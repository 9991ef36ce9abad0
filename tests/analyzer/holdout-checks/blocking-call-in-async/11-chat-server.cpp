// CHECK: boundwise-blocking-call-in-async
// A small chat relay on the async runtime. Nearly everything awaits; the
// name lookup and the audit log open block the loop.
#include <boundwise/async.hpp>
#include <boundwise/net.hpp>

#include <netdb.h>
#include <sys/socket.h>

#include <chrono>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

using boundwise::Task;
using boundwise::net::TcpListener;
using boundwise::net::TcpStream;
using namespace std::chrono_literals;

struct Room {
  std::map<int, TcpStream *> members;
  boundwise::Queue<std::string> outbox{64};
};

std::string format(const std::string &who, const std::string &msg) { return "[" + who + "] " + msg + "\n"; }

Task<std::string> read_line(TcpStream &s) {
  std::string line;
  char c;
  while (co_await s.read_some(&c, 1) == 1 && c != '\n') line += c;
  co_return line;
}

Task<void> broadcaster(Room &room) {
  for (;;) {
    std::string msg = co_await room.outbox.pop();
    if (msg.empty()) co_return;
    for (auto &[id, s] : room.members) co_await s->write_all(msg);
  }
}

Task<void> client(Room &room, int id, TcpStream s) {
  room.members[id] = &s;
  std::string name = co_await read_line(s);
  addrinfo *res = nullptr;
  getaddrinfo(name.c_str(), nullptr, nullptr, &res);  // WARN
  std::ofstream audit("/var/log/chat-audit.log", std::ios::app);  // WARN
  for (;;) {
    std::string line = co_await boundwise::wait_for(read_line(s), 60s);
    if (line.empty()) break;
    co_await room.outbox.push(format(name, line));
  }
  room.members.erase(id);
}

Task<void> serve(std::uint16_t port) {
  Room room;
  auto l = TcpListener::bind("0.0.0.0", port);
  auto b = boundwise::spawn(broadcaster(room));
  for (int id = 0;; ++id) boundwise::spawn(client(room, id, co_await l.accept())).detach();
}

int main() { boundwise::run(serve(7000)); }
