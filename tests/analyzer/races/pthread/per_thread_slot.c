// RUN: %race_corpus %s
// VERDICT: no-race
// Each thread receives its own index and writes only results[index]; main sums after joining.
#include <pthread.h>
#include <stdio.h>

#define THREADS 4
static double results[THREADS];
static int ids[THREADS];

static void *partial_sum(void *arg) {
  int id = *(int *)arg;
  double s = 0;
  for (int k = id; k < 4000; k += THREADS)
    s += 1.0 / (k + 1);
  results[id] = s;
  return NULL;
}

int main(void) {
  pthread_t t[THREADS];
  for (int i = 0; i < THREADS; ++i) {
    ids[i] = i;
    pthread_create(&t[i], NULL, partial_sum, &ids[i]);
  }
  double total = 0;
  for (int i = 0; i < THREADS; ++i) {
    pthread_join(t[i], NULL);
    total += results[i];
  }
  printf("%f\n", total);
  return 0;
}
