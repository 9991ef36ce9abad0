// Runs an external command for each of 12 jobs and collects the exit codes.
#include <cstdio>
#include <cstdlib>
#include <string>

static int run_job(int id) {
  std::string cmd = "sleep 0.03; exit " + std::to_string(id % 2);
  return std::system(cmd.c_str());
}

int main() {
  int failures = 0;
  for (int id = 0; id < 12; ++id)
    failures += run_job(id) != 0;
  std::printf("%d failed\n", failures);
  return 0;
}
