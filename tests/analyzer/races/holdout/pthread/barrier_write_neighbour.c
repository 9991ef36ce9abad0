// RUN: %race_corpus %s
// VERDICT: race
// After the barrier each thread writes its right neighbour's cell while that neighbour reads its own cell in the same phase.
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>

#define NT 4
static pthread_barrier_t bar;
static int cell[NT];

static void *step(void *arg) {
  int id = (int)(long)arg;
  cell[id] = id * 10;
  pthread_barrier_wait(&bar);
  int mine = cell[id]; // RACE
  cell[(id + 1) % NT] += 1; // RACE
  return (void *)(long)mine;
}

int main(void) {
  pthread_t th[NT];
  pthread_barrier_init(&bar, NULL, NT);
  for (long i = 0; i < NT; i++)
    pthread_create(&th[i], NULL, step, (void *)i);
  for (int i = 0; i < NT; i++)
    pthread_join(th[i], NULL);
  pthread_barrier_destroy(&bar);
  printf("%d\n", cell[0]);
  return 0;
}
