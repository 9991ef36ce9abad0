// RUN: %race_corpus %s
// VERDICT: race
// Four workers bump one global hit counter with no lock: the increment races with itself.
#include <pthread.h>
#include <stdio.h>

#define WORKERS 4
static long hits;

static void *worker(void *arg) {
  (void)arg;
  for (int i = 0; i < 100000; ++i)
    hits++; // RACE
  return NULL;
}

int main(void) {
  pthread_t t[WORKERS];
  for (int i = 0; i < WORKERS; ++i)
    pthread_create(&t[i], NULL, worker, NULL);
  for (int i = 0; i < WORKERS; ++i)
    pthread_join(t[i], NULL);
  printf("%ld\n", hits);
  return 0;
}
