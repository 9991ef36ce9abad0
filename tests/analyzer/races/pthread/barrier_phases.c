// RUN: %race_corpus %s
// VERDICT: no-race
// Phase 1 writes each thread's own cell; after pthread_barrier_wait phase 2 reads the neighbour's cell.
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>

#define THREADS 4
static pthread_barrier_t phase;
static int cells[THREADS];
static int smoothed[THREADS];

static void *step(void *arg) {
  int id = (int)(long)arg;
  cells[id] = id * 10;
  pthread_barrier_wait(&phase);
  int right = cells[(id + 1) % THREADS];
  smoothed[id] = (cells[id] + right) / 2;
  return NULL;
}

int main(void) {
  pthread_t t[THREADS];
  pthread_barrier_init(&phase, NULL, THREADS);
  for (long i = 0; i < THREADS; ++i)
    pthread_create(&t[i], NULL, step, (void *)i);
  for (int i = 0; i < THREADS; ++i)
    pthread_join(t[i], NULL);
  pthread_barrier_destroy(&phase);
  for (int i = 0; i < THREADS; ++i)
    printf("%d ", smoothed[i]);
  printf("\n");
  return 0;
}
