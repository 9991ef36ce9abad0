// RUN: %race_corpus %s
// VERDICT: race
// Thread tid writes results[tid] and then compares against results[tid+1], which the next thread may be writing.
#include <pthread.h>
#include <stdio.h>

#define NT 4
static int results[NT];
static int larger[NT];

static void *score(void *arg) {
  int tid = *(int *)arg;
  int s = 0;
  for (int i = 0; i < 1000 * (tid + 1); i++)
    s += i % 3;
  results[tid] = s; // RACE
  larger[tid] = s > results[(tid + 1) % NT]; // RACE
  return NULL;
}

int main(void) {
  pthread_t th[NT];
  int ids[NT];
  for (int i = 0; i < NT; i++) {
    ids[i] = i;
    pthread_create(&th[i], NULL, score, &ids[i]);
  }
  for (int i = 0; i < NT; i++)
    pthread_join(th[i], NULL);
  printf("%d %d\n", results[0], larger[0]);
  return 0;
}
