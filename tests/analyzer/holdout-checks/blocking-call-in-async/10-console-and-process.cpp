// CHECK: boundwise-blocking-call-in-async
// Console output is not reported; running a program and waiting for it is.
#include <boundwise/async.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

boundwise::Task<int> log_and_run(std::string cmd) {
  std::printf("running %s\n", cmd.c_str());
  std::cout << "cmd: " << cmd << '\n';
  std::cerr << "debug\n";
  std::fprintf(stderr, "stderr line\n");
  std::puts("ok");
  int rc = std::system(cmd.c_str());  // WARN
  co_return rc;
}

boundwise::Task<int> wait_child(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);  // WARN
  co_return status;
}

boundwise::Task<std::string> capture(std::string cmd) {
  FILE *p = popen(cmd.c_str(), "r");  // WARN
  std::string out;
  co_return out + (p ? "x" : "");
}

int run_sync(const std::string &cmd) { return std::system(cmd.c_str()); }

int main() {
  int a = boundwise::run(log_and_run("true"));
  int b = boundwise::run(wait_child(getpid()));
  std::string c = boundwise::run(capture("echo hi"));
  return a + b + static_cast<int>(c.size()) + run_sync("true");
}
