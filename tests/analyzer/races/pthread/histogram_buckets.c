// RUN: %race_corpus %s
// VERDICT: race
// Threads fill a shared histogram; bucket indexes come from the data, so two threads can hit one bucket.
#include <pthread.h>
#include <stdio.h>

#define N 1000
#define BUCKETS 8
static int data[N];
static int histogram[BUCKETS];

struct range { int begin, end; };

static void *count(void *arg) {
  struct range *r = arg;
  for (int i = r->begin; i < r->end; ++i)
    histogram[data[i] % BUCKETS]++; // RACE
  return NULL;
}

int main(void) {
  for (int i = 0; i < N; ++i)
    data[i] = i * 7;
  struct range halves[2] = {{0, N / 2}, {N / 2, N}};
  pthread_t t[2];
  for (int i = 0; i < 2; ++i)
    pthread_create(&t[i], NULL, count, &halves[i]);
  for (int i = 0; i < 2; ++i)
    pthread_join(t[i], NULL);
  for (int b = 0; b < BUCKETS; ++b)
    printf("%d ", histogram[b]);
  printf("\n");
  return 0;
}
