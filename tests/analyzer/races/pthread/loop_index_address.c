// RUN: %race_corpus %s
// VERDICT: race
// main passes &i to each thread and keeps incrementing i, so the threads' read of *arg races with the loop.
#include <pthread.h>
#include <stdio.h>

static int seen[4];

static void *worker(void *arg) {
  int id = *(int *)arg; // RACE
  if (id >= 0 && id < 4)
    seen[id] = 1; // two threads can read the same i and write one slot: RACE
  return NULL;
}

int main(void) {
  pthread_t t[4];
  for (int i = 0; i < 4; ++i) // RACE
    pthread_create(&t[i], NULL, worker, &i);
  for (int i = 0; i < 4; ++i)
    pthread_join(t[i], NULL);
  printf("%d%d%d%d\n", seen[0], seen[1], seen[2], seen[3]);
  return 0;
}
