// RUN: %race_corpus %s
// VERDICT: no-race
// Workers build private histograms and merge them into the global one while holding its mutex.
#include <pthread.h>
#include <stdio.h>

#define NT 4
#define BINS 10
#define N 40000
static unsigned char samples[N];
static long global_hist[BINS];
static pthread_mutex_t hist_lock = PTHREAD_MUTEX_INITIALIZER;

static void *count(void *arg) {
  int id = (int)(long)arg;
  long local[BINS] = {0};
  for (int i = id; i < N; i += NT)
    local[samples[i] % BINS]++;
  pthread_mutex_lock(&hist_lock);
  for (int b = 0; b < BINS; b++)
    global_hist[b] += local[b];
  pthread_mutex_unlock(&hist_lock);
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
