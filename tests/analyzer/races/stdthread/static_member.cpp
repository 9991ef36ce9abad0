// RUN: %race_corpus %s
// VERDICT: race
// Every Connection constructor bumps the static member live_count; connections are created on two threads.
#include <iostream>
#include <string>
#include <thread>

class Connection {
public:
  explicit Connection(std::string host) : host_(std::move(host)) { ++live_count; } // RACE
  ~Connection() { --live_count; } // RACE
  static int live_count;

private:
  std::string host_;
};

int Connection::live_count = 0;

void open_many(const char *host) {
  for (int i = 0; i < 50; ++i) {
    Connection c(host);
  }
}

int main() {
  std::thread a(open_many, "db1"), b(open_many, "db2");
  a.join();
  b.join();
  std::cout << Connection::live_count << "\n";
}
