// RUN: %check_boundwise %s boundwise-mt-unsafe-call-in-thread %t
// Code that never runs on more than one thread at once must stay silent.
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <thread>

// One background thread, started once: nothing else calls strtok.
void parse_config(char *text) {
  for (char *tok = strtok(text, "\n"); tok; tok = strtok(nullptr, "\n"))
    (void)tok;
}

// Never reached from a thread at all.
void log_time() {
  std::time_t now = std::time(nullptr);
  std::tm parts = *std::localtime(&now);
  (void)parts;
}

// Reentrant variants are fine anywhere.
void safe_stamp() {
  std::time_t now = std::time(nullptr);
  std::tm parts{};
  localtime_r(&now, &parts);
}

// NOLINT silences a finding the author has checked.
void suppressed() {
  (void)rand(); // NOLINT(boundwise-mt-unsafe-call-in-thread)
}

int main() {
  char text[] = "a\nb";
  std::thread loader(parse_config, text);
  loader.join();
  log_time();
  for (int i = 0; i < 3; ++i) {
    std::thread t(safe_stamp);
    std::thread s(suppressed);
    t.join();
    s.join();
  }
}
