// RUN: %race_corpus %s
// VERDICT: no-race
// Each thread counts in its own _Thread_local and __thread variables; nothing is shared.
#include <pthread.h>
#include <stdio.h>

static _Thread_local int calls;
static __thread long scratch;

static void record(int v) {
  calls++;
  scratch += v;
}

static void *worker(void *arg) {
  int n = *(int *)arg;
  for (int i = 0; i < n; ++i)
    record(i);
  printf("calls=%d scratch=%ld\n", calls, scratch);
  return NULL;
}

int main(void) {
  pthread_t t[3];
  int n[3] = {10, 20, 30};
  for (int i = 0; i < 3; ++i)
    pthread_create(&t[i], NULL, worker, &n[i]);
  for (int i = 0; i < 3; ++i)
    pthread_join(t[i], NULL);
  return 0;
}
