// RUN: %race_corpus %s
// VERDICT: no-race
// The stop flag is an atomic_bool, so the store in main and the worker's polling loads do not race.
#define _GNU_SOURCE
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <unistd.h>

static atomic_bool stop;

static void *spinner(void *arg) {
  unsigned long *spins = arg;
  while (!atomic_load(&stop))
    (*spins)++;
  return NULL;
}

int main(void) {
  pthread_t t;
  unsigned long spins = 0;
  pthread_create(&t, NULL, spinner, &spins);
  usleep(1000);
  atomic_store(&stop, true);
  pthread_join(t, NULL);
  printf("%d\n", spins > 0);
  return 0;
}
