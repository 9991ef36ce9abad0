// RUN: %race_corpus %s
// VERDICT: no-race
// Counters shared by all threads are only touched through __atomic and __sync builtins.
#include <pthread.h>
#include <stdio.h>

static long requests;
static int errors;

static void *serve(void *arg) {
  (void)arg;
  for (int i = 0; i < 1000; ++i) {
    __atomic_fetch_add(&requests, 1, __ATOMIC_RELAXED);
    if (i % 100 == 0)
      __sync_fetch_and_add(&errors, 1);
  }
  return NULL;
}

int main(void) {
  pthread_t t[4];
  for (int i = 0; i < 4; ++i)
    pthread_create(&t[i], NULL, serve, NULL);
  for (int i = 0; i < 4; ++i)
    pthread_join(t[i], NULL);
  printf("%ld %d\n", __atomic_load_n(&requests, __ATOMIC_SEQ_CST), errors);
  return 0;
}
