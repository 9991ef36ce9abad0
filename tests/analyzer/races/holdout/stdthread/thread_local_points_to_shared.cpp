// RUN: %race_corpus %s
// VERDICT: race
// The pointer is thread_local, but every thread's copy points at the same global tally, so the increments race.
#include <cstdio>
#include <thread>

long tally;
thread_local long *my_tally = &tally;

void count_words(int n) {
  for (int i = 0; i < n; i++)
    ++*my_tally; // RACE
}

int main() {
  std::thread a(count_words, 20000);
  std::thread b(count_words, 20000);
  a.join();
  b.join();
  std::printf("%ld\n", tally);
}
