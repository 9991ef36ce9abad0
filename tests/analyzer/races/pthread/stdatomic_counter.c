// RUN: %race_corpus %s
// VERDICT: no-race
// A C11 _Atomic counter updated with atomic_fetch_add from several threads.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_int processed;
static _Atomic long bytes;

static void *worker(void *arg) {
  int chunk = *(int *)arg;
  for (int i = 0; i < 100; ++i) {
    atomic_fetch_add(&processed, 1);
    bytes += chunk;
  }
  return NULL;
}

int main(void) {
  pthread_t t[2];
  int chunk[2] = {512, 1024};
  for (int i = 0; i < 2; ++i)
    pthread_create(&t[i], NULL, worker, &chunk[i]);
  for (int i = 0; i < 2; ++i)
    pthread_join(t[i], NULL);
  printf("%d %ld\n", atomic_load(&processed), atomic_load(&bytes));
  return 0;
}
