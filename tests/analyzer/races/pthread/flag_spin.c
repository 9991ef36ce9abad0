// RUN: %race_corpus %s
// VERDICT: race
// A plain int used as a "ready" flag between threads: the spin read races with the store.
#include <pthread.h>
#include <stdio.h>

static int ready;
static int payload;

static void *producer(void *arg) {
  (void)arg;
  payload = 42; // RACE
  ready = 1; // RACE
  return NULL;
}

static void *consumer(void *arg) {
  (void)arg;
  while (!ready) // RACE
    ;
  printf("%d\n", payload); // RACE
  return NULL;
}

int main(void) {
  pthread_t p, c;
  pthread_create(&c, NULL, consumer, NULL);
  pthread_create(&p, NULL, producer, NULL);
  pthread_join(p, NULL);
  pthread_join(c, NULL);
  return 0;
}
