// RUN: %race_corpus %s
// VERDICT: no-race
// main sets the sampling rate before pthread_create and changes it again only after pthread_join.
#include <pthread.h>
#include <stdio.h>

static int sample_rate = 100;

static void *sampler(void *arg) {
  long *acc = arg;
  for (int i = 0; i < 1000; i++)
    *acc += sample_rate;
  return NULL;
}

int main(void) {
  pthread_t t;
  long acc = 0;
  sample_rate = 250;
  pthread_create(&t, NULL, sampler, &acc);
  pthread_join(t, NULL);
  sample_rate = 50;
  printf("%ld %d\n", acc, sample_rate);
  return 0;
}
