// RUN: %race_corpus %s
// VERDICT: race
// A volatile int used as a stop flag: volatile is not atomic, so main's store races with the worker's polling load.
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static volatile int stop;

static void *spinner(void *arg) {
  unsigned long *spins = arg;
  while (!stop) // RACE
    (*spins)++;
  return NULL;
}

int main(void) {
  pthread_t t;
  unsigned long spins = 0;
  pthread_create(&t, NULL, spinner, &spins);
  usleep(1000);
  stop = 1; // RACE
  pthread_join(t, NULL);
  printf("%d\n", spins > 0);
  return 0;
}
