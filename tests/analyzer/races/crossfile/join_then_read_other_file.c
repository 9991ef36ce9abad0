// RUN: %race_corpus %s %S/../Inputs/hit_counter.c
// VERDICT: no-race
// One thread at a time calls the unlocked helper in another file: each is joined before the next starts and before main reads.
#include <pthread.h>
#include <stdio.h>
#include "../Inputs/hit_counter.h"

static void *client(void *arg) {
  record_hit(*(int *)arg);
  return NULL;
}

int main(void) {
  int w[3] = {1, 2, 3};
  for (int i = 0; i < 3; ++i) {
    pthread_t t;
    pthread_create(&t, NULL, client, &w[i]);
    pthread_join(t, NULL);
  }
  printf("%ld\n", hits_so_far());
  return 0;
}
