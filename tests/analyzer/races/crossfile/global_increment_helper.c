// RUN: %race_corpus %s %S/../Inputs/hit_counter.c
// VERDICT: race
// Threads call record_hit(), defined in another file, which increments a global there without a lock.
#include <pthread.h>
#include <stdio.h>
#include "../Inputs/hit_counter.h"

static void *client(void *arg) {
  int w = *(int *)arg;
  for (int i = 0; i < 1000; ++i)
    record_hit(w);
  return NULL;
}

int main(void) {
  pthread_t t[3];
  int w[3] = {1, 2, 3};
  for (int i = 0; i < 3; ++i)
    pthread_create(&t[i], NULL, client, &w[i]);
  for (int i = 0; i < 3; ++i)
    pthread_join(t[i], NULL);
  printf("%ld\n", hits_so_far());
  return 0;
}
