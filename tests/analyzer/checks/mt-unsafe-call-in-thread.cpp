// RUN: %check_boundwise %s boundwise-mt-unsafe-call-in-thread %t
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <thread>
#include <vector>

// --- positive: a worker started in a loop runs on several threads at once.
void stamp(int id) {
  std::time_t now = std::time(nullptr);
  std::tm parts = *std::localtime(&now);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'localtime' is not thread-safe and this call runs on several threads at once: reached from std::thread::thread at mt-unsafe-call-in-thread.cpp:{{[0-9]+}} (in a loop) via stamp; use localtime_r [boundwise-mt-unsafe-call-in-thread]
  // CHECK-FIXES: std::tm parts{}; localtime_r(&now, &parts);
  (void)parts;
  (void)id;
}

void tokenize(char *line) {
  for (char *tok = strtok(line, ","); tok; tok = strtok(nullptr, ","))
    (void)tok;
  // CHECK-MESSAGES: :[[@LINE-2]]:20: warning: 'strtok' is not thread-safe {{.*}} via worker -> tokenize; use strtok_r [boundwise-mt-unsafe-call-in-thread]
  // CHECK-MESSAGES: :[[@LINE-3]]:50: warning: 'strtok' is not thread-safe {{.*}}; use strtok_r
}

void worker(char *line) { tokenize(line); }

int roll() { return rand() % 6; }
// CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'rand' is not thread-safe {{.*}} via main::(lambda at mt-unsafe-call-in-thread.cpp:{{[0-9]+}}) -> roll;

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back(stamp, i);
  char a[] = "x,y", b[] = "u,v";
  std::thread t1(worker, a), t2(worker, b); // two entry points reach tokenize
  for (int i = 0; i < 2; ++i)
    threads.emplace_back([] { roll(); });
  for (auto &t : threads)
    t.join();
  t1.join();
  t2.join();
  // --- negative: the main thread alone, after every worker joined.
  std::time_t now = std::time(nullptr);
  std::tm later = *std::localtime(&now);
  (void)later;
  return rand();
}
