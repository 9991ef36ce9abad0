// RUN: %race_corpus %s
// VERDICT: race
// Every thread gets a pointer to the same stats object through pthread_create's void* and updates it.
#include <pthread.h>
#include <stdio.h>

struct stats {
  int samples;
  double total;
};

static void *sampler(void *arg) {
  struct stats *s = arg;
  for (int i = 0; i < 100; ++i) {
    s->samples++; // RACE
    s->total += i * 0.5; // RACE
  }
  return NULL;
}

int main(void) {
  struct stats shared = {0, 0.0};
  pthread_t t[3];
  for (int i = 0; i < 3; ++i)
    pthread_create(&t[i], NULL, sampler, &shared);
  for (int i = 0; i < 3; ++i)
    pthread_join(t[i], NULL);
  printf("%d %f\n", shared.samples, shared.total);
  return 0;
}
