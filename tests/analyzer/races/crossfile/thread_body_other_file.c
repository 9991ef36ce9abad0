// RUN: %race_corpus %s %S/../Inputs/ticker.c
// VERDICT: race
// The thread entry point lives in another file and reads tick_interval while main changes it before joining.
#include <pthread.h>
#include <stdio.h>
#include "../Inputs/ticker.h"

int tick_interval = 10;

int main(void) {
  pthread_t t;
  long elapsed = 0;
  pthread_create(&t, NULL, ticker_main, &elapsed);
  tick_interval = 20; // RACE
  pthread_join(t, NULL);
  printf("%ld\n", elapsed);
  return 0;
}
