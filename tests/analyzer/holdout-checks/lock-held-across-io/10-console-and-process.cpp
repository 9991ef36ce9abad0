// CHECK: boundwise-lock-held-across-io
// Console output under a lock is not reported; running a command is.
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <string>

std::mutex out_mu;
int jobs_run = 0;

void report(const std::string &line) {
  std::lock_guard<std::mutex> lk(out_mu);
  std::printf("%s\n", line.c_str());
  std::cout << line << std::endl;
  std::cerr << "[" << jobs_run << "] " << line << '\n';
  std::puts(line.c_str());
}

int run_job_locked(const std::string &cmd) {
  std::lock_guard<std::mutex> lk(out_mu);
  ++jobs_run;
  return std::system(cmd.c_str());  // WARN
}

int run_job(const std::string &cmd) {
  {
    std::lock_guard<std::mutex> lk(out_mu);
    ++jobs_run;
  }
  return std::system(cmd.c_str());
}

std::string capture_locked(const std::string &cmd) {
  std::lock_guard<std::mutex> lk(out_mu);
  FILE *p = popen(cmd.c_str(), "r");  // WARN
  return p ? "ok" : "";
}

int main() {
  report("start");
  int a = run_job_locked("true");
  int b = run_job("true");
  return a + b + static_cast<int>(capture_locked("echo").size());
}
