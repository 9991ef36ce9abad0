// RUN: %race_corpus %s
// VERDICT: race
// main adjusts the sampling rate right after starting the sampler thread, which reads it while running.
#include <pthread.h>
#include <stdio.h>

static int sample_rate = 100;

static void *sampler(void *arg) {
  long *acc = arg;
  for (int i = 0; i < 1000; i++)
    *acc += sample_rate; // RACE
  return NULL;
}

int main(void) {
  pthread_t t;
  long acc = 0;
  pthread_create(&t, NULL, sampler, &acc);
  sample_rate = 250; // RACE
  pthread_join(t, NULL);
  printf("%ld\n", acc);
  return 0;
}
