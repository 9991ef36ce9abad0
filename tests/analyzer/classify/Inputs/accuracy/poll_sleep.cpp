// Waits for a marker file to appear, checking every 10 ms, then gives up.
#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <thread>

static bool wait_for_file(const char *path, int attempts) {
  struct stat st;
  for (int i = 0; i < attempts; ++i) {
    if (stat(path, &st) == 0)
      return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

int main() {
  bool found = wait_for_file("/tmp/boundwise-accuracy-never-there", 60);
  std::printf("%s\n", found ? "found" : "timeout");
  return 0;
}
