// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: race
// The increment and decrement of one counter are in critical sections with different names, which do not exclude each other.
#include <stdio.h>

int main(void) {
  int balance = 0;
#pragma omp parallel for
  for (int i = 0; i < 100; ++i) {
    if (i % 2) {
#pragma omp critical(deposits)
      balance += 5; // RACE
    } else {
#pragma omp critical(withdrawals)
      balance -= 3; // RACE
    }
  }
  printf("%d\n", balance);
  return 0;
}
