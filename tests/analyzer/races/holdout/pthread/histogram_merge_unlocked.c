// RUN: %race_corpus %s
// VERDICT: race
// Workers build private histograms, then merge them into the global one without a lock.
#include <pthread.h>
#include <stdio.h>

#define NT 4
#define BINS 10
#define N 40000
static unsigned char samples[N];
static long global_hist[BINS];

static void *count(void *arg) {
  int id = (int)(long)arg;
  long local[BINS] = {0};
  for (int i = id; i < N; i += NT)
    local[samples[i] % BINS]++;
  for (int b = 0; b < BINS; b++)
    global_hist[b] += local[b]; // RACE
  return NULL;
}

int main(void) {
  pthread_t th[NT];
  for (int i = 0; i < N; i++)
    samples[i] = (unsigned char)(i * 131 % 251);
  for (long t = 0; t < NT; t++)
    pthread_create(&th[t], NULL, count, (void *)t);
  for (int t = 0; t < NT; t++)
    pthread_join(th[t], NULL);
  for (int b = 0; b < BINS; b++)
    printf("%ld ", global_hist[b]);
  printf("\n");
  return 0;
}
