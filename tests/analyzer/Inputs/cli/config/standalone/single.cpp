// One background thread calls rand(): silent unless WarnOnSingleThread.
#include <cstdlib>
#include <thread>

int roll() { return rand(); }

int main() {
  std::thread t([] { roll(); });
  t.join();
}
