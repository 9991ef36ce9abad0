// RUN: %race_corpus %s %S/../Inputs/queue_depth.c
// VERDICT: race
// The helper in another file increments queue_depth under depth_lock, but the consumer here decrements it without the lock.
#include <pthread.h>
#include <stdio.h>
#include "../Inputs/queue_depth.h"

static void *producer(void *arg) {
  (void)arg;
  for (int i = 0; i < 100; ++i)
    depth_push();
  return NULL;
}

static void *consumer(void *arg) {
  (void)arg;
  for (int i = 0; i < 100; ++i)
    if (queue_depth > 0) // RACE
      queue_depth--; // RACE
  return NULL;
}

int main(void) {
  pthread_t p, c;
  pthread_create(&p, NULL, producer, NULL);
  pthread_create(&c, NULL, consumer, NULL);
  pthread_join(p, NULL);
  pthread_join(c, NULL);
  printf("%d\n", queue_depth);
  return 0;
}
